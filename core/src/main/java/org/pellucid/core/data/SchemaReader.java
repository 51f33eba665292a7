package org.pellucid.core.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a delimited file with a model's {@link Schema} instead of inferring types from the file:
 * a column is numeric or categorical because the model says so, so category codes that look like
 * numbers stay categories, a column with every value missing is read as missing values, and a
 * category the model never saw becomes a missing value (no category active, the encoder's defined
 * treatment), counted in {@link #unseen()}. The target column is optional; an id column, when
 * named, is carried along and never read as a feature. Rows are read one at a time, so a file of
 * any size is scored in constant memory.
 *
 * <p>The header must name the model's columns (in any order, with others allowed and reported by
 * {@link #extraColumns()}); a file without a header must have the model's columns in its order.
 */
public final class SchemaReader implements Closeable {

    /**
     * One row: its line in the file, the id column's text (null without one), the instance in the
     * model's schema and the target's text (null when the file has no target column or the value is
     * missing).
     */
    public record Row(long line, String id, Instance instance, String target) {}

    private final String source;
    private final Schema schema;
    private final Reader reader;
    private final CsvLoader.RecordReader records;
    private final int[] featureAt;
    private final int targetAt;
    private final int idAt;
    private final int width;
    private final List<String> extra = new ArrayList<>();
    private final Map<String, Integer> unseen = new LinkedHashMap<>();
    private final Map<String, Integer> missing = new LinkedHashMap<>();
    private String[] pending;
    private long pendingLine;
    private long rows;

    private final Path file;
    private final TableSpec spec;
    private final char delim;

    private SchemaReader(Path file, Schema schema, TableSpec spec, String idColumn) throws IOException {
        this.source = file.toString();
        this.file = file;
        this.spec = spec;
        this.schema = schema;
        this.delim = spec.delimiter() != null ? spec.delimiter() : CsvLoader.delimiterFor(file);
        this.reader = CsvLoader.open(file, spec.encoding());
        this.records = new CsvLoader.RecordReader(source, reader, delim);
        String[] first;
        try {
            first = records.next();
        } catch (CsvLoader.BadBytes e) {
            throw CsvLoader.badBytes(file, spec.encoding(), delim);
        }
        if (first == null) {
            throw new DatasetException(source, -1, null, "the file is empty");
        }
        List<String> names = new ArrayList<>();
        for (String f : first) {
            names.add(f.trim());
        }
        boolean header = switch (spec.header()) {
            case PRESENT -> true;
            case ABSENT -> false;
            case AUTO -> names.contains(schema.feature(0).name()) || (idColumn != null && names.contains(idColumn));
        };
        Layout layout = header ? Layout.named(names, schema, idColumn, source, records.recordLine())
                : Layout.positional(first.length, schema, idColumn, source);
        this.featureAt = layout.featureAt();
        this.targetAt = layout.targetAt();
        this.idAt = layout.idAt();
        this.width = layout.width();
        extra.addAll(layout.extra());
        if (!header) {
            pending = first;
            pendingLine = records.recordLine();
        }
    }

    /** Where the model's columns, the target (−1: absent) and the id (−1: none) sit in the file's records, how wide those are, and the columns nobody reads. */
    private record Layout(int[] featureAt, int targetAt, int idAt, int width, List<String> extra) {
        /** From a header: every model column must be named in it. */
        static Layout named(List<String> names, Schema schema, String idColumn, String source, long line) {
            int[] featureAt = new int[schema.featureCount()];
            for (int j = 0; j < featureAt.length; j++) {
                String want = schema.feature(j).name();
                featureAt[j] = names.indexOf(want);
                if (featureAt[j] < 0) {
                    throw new DatasetException(source, line, want,
                            "the model needs this column but the file does not have it; the file's columns are " + names);
                }
            }
            int targetAt = names.indexOf(schema.target().name());
            int idAt = idColumn == null ? -1 : names.indexOf(idColumn);
            if (idColumn != null && idAt < 0) {
                throw new DatasetException(source, line, idColumn, "no such id column; the file's columns are " + names);
            }
            List<String> extra = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                final int kk = k;
                boolean used = k == targetAt || k == idAt || Arrays.stream(featureAt).anyMatch(a -> a == kk);
                if (!used) {
                    extra.add(names.get(k));
                }
            }
            return new Layout(featureAt, targetAt, idAt, names.size(), extra);
        }

        /** Without a header: the model's columns in its order, optionally the target last. */
        static Layout positional(int fields, Schema schema, String idColumn, String source) {
            if (idColumn != null) {
                throw new DatasetException(source, 1, idColumn, "an id column needs a header that names it");
            }
            int p = schema.featureCount();
            if (fields != p && fields != p + 1) {
                throw new DatasetException(source, 1, null, "without a header the file must have the model's " + p
                        + " columns in its order (and optionally the target last); it has " + fields);
            }
            int[] featureAt = new int[p];
            for (int j = 0; j < p; j++) {
                featureAt[j] = j;
            }
            return new Layout(featureAt, fields == p + 1 ? p : -1, -1, fields, List.of());
        }
    }

    /** Opens {@code file} to be read in {@code schema}; {@code idColumn} may be null. */
    public static SchemaReader open(Path file, Schema schema, TableSpec spec, String idColumn) {
        try {
            return new SchemaReader(file, schema, spec, idColumn);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file.toString(), -1, null, "no such file");
        } catch (IOException e) {
            throw new DatasetException(file.toString(), -1, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** True when the file has the model's target column. */
    public boolean hasTarget() {
        return targetAt >= 0;
    }

    /** Columns of the file that are neither features, the target nor the id. */
    public List<String> extraColumns() {
        return List.copyOf(extra);
    }

    /** Column → values whose category the model never saw (read as missing). */
    public Map<String, Integer> unseen() {
        return Collections.unmodifiableMap(unseen);
    }

    /** Column → missing values, in the model's column order of first appearance. */
    public Map<String, Integer> missing() {
        return Collections.unmodifiableMap(missing);
    }

    /** Rows read so far. */
    public long rows() {
        return rows;
    }

    /** The next row, or null at the end of the file. */
    public Row next() {
        String[] r;
        long line;
        try {
            if (pending != null) {
                r = pending;
                line = pendingLine;
                pending = null;
            } else {
                r = records.next();
                line = records.recordLine();
            }
        } catch (CsvLoader.BadBytes e) {
            throw CsvLoader.badBytes(file, spec.encoding(), delim);
        } catch (IOException e) {
            throw new DatasetException(source, -1, null, "cannot read: " + e.getMessage(), e);
        }
        if (r == null) {
            return null;
        }
        if (r.length != width) {
            throw new DatasetException(source, line, null, "expected " + width + " fields, found " + r.length);
        }
        Instance x = parse(schema, r, featureAt, source, line, missing, unseen);
        String t = targetAt >= 0 && !MissingValues.isMissing(r[targetAt]) ? r[targetAt].trim() : null;
        rows++;
        return new Row(line, idAt >= 0 ? r[idAt] : null, x, t);
    }

    /**
     * One record's fields read in the model's schema, as {@link #next} reads them: {@code featureAt[j]}
     * is the field of the model's column j; a missing marker is a missing value (counted in
     * {@code missing}), a category the model never saw is a missing value (counted in {@code unseen}),
     * and a field that is not a number where the model reads numbers is a {@link DatasetException}
     * naming {@code source}, {@code line} and the column. Spark's executors read rows with it too.
     */
    public static Instance parse(Schema schema, String[] r, int[] featureAt, String source, long line, Map<String, Integer> missing,
                                 Map<String, Integer> unseen) {
        double[] v = new double[featureAt.length];
        for (int j = 0; j < v.length; j++) {
            Column c = schema.feature(j);
            String s = r[featureAt[j]] == null ? "" : r[featureAt[j]].trim();
            if (MissingValues.isMissing(s)) {
                v[j] = Double.NaN;
                missing.merge(c.name(), 1, Integer::sum);
            } else if (c.isNumeric()) {
                Double d = Numbers.tryParse(s);
                if (d == null || !Double.isFinite(d)) {
                    throw new DatasetException(source, line, c.name(), "'" + s + "' is not a number, and the model reads this column as numbers");
                }
                v[j] = d;
            } else {
                int k = c.categories().indexOf(s);
                if (k < 0) {
                    unseen.merge(c.name(), 1, Integer::sum);
                    v[j] = Double.NaN;
                } else {
                    v[j] = k;
                }
            }
        }
        return new Instance(schema, v);
    }

    /**
     * Reads the whole file into a dataset in the model's schema, for scoring: every row needs a
     * target that is one of the model's classes (a class it never saw cannot be scored, and is an
     * error naming the line).
     */
    public Dataset readAll(String name) {
        if (!hasTarget()) {
            throw new DatasetException(source, -1, schema.target().name(), "the file has no target column, which scoring needs; "
                    + "to predict without one use `pellucid predict`");
        }
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        Column target = schema.target();
        Row row;
        while ((row = next()) != null) {
            if (row.target() == null) {
                throw new DatasetException(source, row.line(), target.name(), "the target is missing");
            }
            double yv;
            if (target.isNumeric()) {
                Double d = Numbers.tryParse(row.target());
                if (d == null) {
                    throw new DatasetException(source, row.line(), target.name(), "'" + row.target() + "' is not a number");
                }
                yv = d;
            } else {
                int k = target.categories().indexOf(row.target());
                if (k < 0) {
                    throw new DatasetException(source, row.line(), target.name(), "class '" + row.target()
                            + "' is not one the model knows: " + target.categories());
                }
                yv = k;
            }
            x.add(row.instance().values());
            y.add(yv);
        }
        if (x.isEmpty()) {
            throw new DatasetException(source, -1, null, "no data rows");
        }
        Map<String, Integer> miss = new LinkedHashMap<>();
        for (int j = 0; j < schema.featureCount(); j++) {
            String n = schema.feature(j).name();
            int m = missing.getOrDefault(n, 0) + unseen.getOrDefault(n, 0);
            if (m > 0) {
                miss.put(n, m);
            }
        }
        return Dataset.builder(schema).name(name).features(x.toArray(new double[0][]))
                .targets(y.stream().mapToDouble(Double::doubleValue).toArray())
                .missing(new MissingReport(miss, 0, MissingPolicy.IMPUTE)).build();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // nothing was written; a failed close of a reader loses nothing
        }
    }
}
