package org.pellucid.core.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import smile.data.DataFrame;

/**
 * Turns data a user already holds into a {@link Dataset}: a {@code double[][]}, a DJL
 * {@link NDArray}, or a Smile {@code DataFrame}. (ND4J arrays: {@link Nd4jData}, kept apart so
 * ND4J stays an optional dependency.) Values are checked as strictly as the file loaders check.
 */
public final class DataAdapters {
    private DataAdapters() {}

    /**
     * A classification dataset from a numeric matrix and class indices.
     *
     * @param names one name per column
     * @param classes class names; {@code labels[i]} indexes this list
     */
    public static Dataset fromMatrix(String name, double[][] x, int[] labels, List<String> names, List<String> classes) {
        if (x.length != labels.length) {
            throw new DatasetException(x.length + " rows but " + labels.length + " labels");
        }
        List<Column> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(Column.numeric(n));
        }
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != names.size()) {
                throw new DatasetException(null, -1, null, "row " + i + " has " + x[i].length + " values, expected " + names.size());
            }
            for (int j = 0; j < x[i].length; j++) {
                if (Double.isInfinite(x[i][j])) {
                    throw new DatasetException(null, -1, names.get(j), "row " + i + " is infinite");
                }
            }
            copy[i] = x[i].clone();
        }
        Column target = new Column("class", classes.size() == 2 ? ColumnType.BINARY : ColumnType.CATEGORICAL, classes);
        return Dataset.builder(new Schema(cols, target)).name(name).features(copy).labels(labels.clone()).build();
    }

    /** Default names {@code x1..xp} and classes {@code 0..k-1}. */
    public static Dataset fromMatrix(double[][] x, int[] labels) {
        int p = x.length == 0 ? 0 : x[0].length;
        int k = Arrays.stream(labels).max().orElse(0) + 1;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("x" + (j + 1));
        }
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < Math.max(k, 2); c++) {
            classes.add(Integer.toString(c));
        }
        return fromMatrix("matrix", x, labels, names, classes);
    }

    /** From a DJL 2-D feature array and a 1-D label array (any numeric type). */
    public static Dataset fromNDArray(NDArray x, NDArray labels) {
        if (x.getShape().dimension() != 2 || labels.getShape().dimension() != 1) {
            throw new DatasetException("expected a 2-D feature array and a 1-D label array, got " + x.getShape()
                    + " and " + labels.getShape());
        }
        int n = (int) x.getShape().get(0);
        int p = (int) x.getShape().get(1);
        double[] flat = x.toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] m = new double[n][p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * p, m[i], 0, p);
        }
        long[] l = labels.toType(DataType.INT64, false).toLongArray();
        int[] y = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            if (l[i] < 0) {
                throw new DatasetException("label " + l[i] + " at row " + i + " is negative");
            }
            y[i] = (int) l[i];
        }
        return fromMatrix(m, y);
    }

    /**
     * From a Smile DataFrame: numeric columns stay numeric, others become categorical; nulls are
     * missing values.
     */
    public static Dataset fromSmile(String name, DataFrame df, String target, TableSpec spec) {
        String[] names = df.names();
        RawTable raw = new RawTable("DataFrame " + name, List.of(names));
        Map<String, ColumnType> declared = new HashMap<>();
        for (int j = 0; j < names.length; j++) {
            if (df.dtypes()[j].isNumeric() && !names[j].equals(target)) {
                declared.put(names[j], ColumnType.NUMERIC);
            }
        }
        for (int i = 0; i < df.nrow(); i++) {
            String[] r = new String[names.length];
            for (int j = 0; j < names.length; j++) {
                r[j] = df.isNullAt(i, j) ? "" : String.valueOf(df.get(i, j));
            }
            raw.add(r, i + 1);
        }
        Map<String, ColumnType> d = new HashMap<>(declared);
        d.putAll(spec.declared());
        return TableBuilder.build(name, raw, spec.withTarget(target).withDeclared(d));
    }
}
