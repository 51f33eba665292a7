package org.pellucid.core.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A table of rows in the user's own terms, with its {@link Schema}. Feature values are stored as
 * doubles: numbers as they are, categories as the index of their name, missing values as NaN.
 * Optional parts: concept annotations (0/1 per concept), token sequences, images.
 *
 * <p>Datasets are immutable; {@link #subset} makes row selections for splits.
 */
public final class Dataset {
    private final String name;
    private final Schema schema;
    private final double[][] x;
    private final double[] y;
    private final double[][] concepts;
    private final int[][] tokens;
    private final List<String> vocabulary;
    private final int[] imageShape;
    private final MissingReport missing;
    private final List<String> notes;
    private final List<String> relevant;

    private Dataset(Builder b) {
        this.name = b.name;
        this.schema = Objects.requireNonNull(b.schema, "schema");
        this.x = Objects.requireNonNull(b.x, "x");
        this.y = Objects.requireNonNull(b.y, "y");
        this.concepts = b.concepts;
        this.tokens = b.tokens;
        this.vocabulary = b.vocabulary;
        this.imageShape = b.imageShape;
        this.missing = b.missing == null ? MissingReport.count(schema, x) : b.missing;
        this.notes = List.copyOf(b.notes);
        this.relevant = List.copyOf(b.relevant);
        int n = y.length;
        check(x.length == n, "x has " + x.length + " rows but the target has " + n);
        for (double[] row : x) {
            check(row.length == schema.featureCount(), "a row has " + row.length + " values, schema has "
                    + schema.featureCount() + " columns");
        }
        check(concepts == null || concepts.length == n, "concepts do not match the row count");
        check(concepts == null || schema.concepts().size() == concepts[0].length || n == 0,
                "concept values do not match the concept names");
        check(tokens == null || tokens.length == n, "token sequences do not match the row count");
        check(imageShape == null || imageShape[0] * imageShape[1] * imageShape[2] == schema.featureCount(),
                "image shape does not match the pixel columns");
        if (schema.isClassification()) {
            int k = schema.classes().size();
            for (int i = 0; i < n; i++) {
                double v = y[i];
                check(v == Math.rint(v) && v >= 0 && v < k, "row " + i + " has target " + v
                        + " outside the " + k + " classes");
            }
        } else {
            for (int i = 0; i < n; i++) {
                check(Double.isFinite(y[i]), "row " + i + " has a non-finite target");
            }
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new DatasetException(message);
        }
    }

    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    public String name() {
        return name;
    }

    public Schema schema() {
        return schema;
    }

    public int size() {
        return y.length;
    }

    /** Feature value of row i, column j (category index for categorical columns; NaN when missing). */
    public double value(int i, int j) {
        return x[i][j];
    }

    /** A defensive copy of row i's feature values. */
    public double[] rowValues(int i) {
        return x[i].clone();
    }

    /** Row i as an {@link Instance}. */
    public Instance row(int i) {
        return tokens == null ? new Instance(schema, x[i]) : new Instance(schema, x[i], tokens[i], vocabulary);
    }

    /** The target of row i: a class index for classification, a value for regression. */
    public double target(int i) {
        return y[i];
    }

    /** Class index of row i (classification only). */
    public int label(int i) {
        return (int) y[i];
    }

    public int[] labels() {
        int[] l = new int[y.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (int) y[i];
        }
        return l;
    }

    public double[] targets() {
        return y.clone();
    }

    public boolean hasConcepts() {
        return concepts != null;
    }

    /** Concept annotations of row i (0/1 per concept), or throws if the data has none. */
    public double[] concepts(int i) {
        if (concepts == null) {
            throw new DatasetException("dataset '" + name + "' has no concept columns");
        }
        return concepts[i].clone();
    }

    public boolean hasTokens() {
        return tokens != null;
    }

    public int[] tokens(int i) {
        return tokens[i].clone();
    }

    /** The token vocabulary (index → word) of token sequences, or null. */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /** True when the feature columns are the pixels of images, row-major, see {@link #imageShape}. */
    public boolean hasImages() {
        return imageShape != null;
    }

    /** Image shape (channels, height, width) of pixel columns, or null. */
    public int[] imageShape() {
        return imageShape == null ? null : imageShape.clone();
    }

    /**
     * The columns the label truly depends on, for data generated by a known rule
     * ({@code synthetic:rule}); empty when unknown. Evaluations score explanations against it.
     */
    public List<String> relevantColumns() {
        return relevant;
    }

    /** What loading did that a user must hear about, one line each (the CLI prints them). */
    public List<String> notes() {
        return notes;
    }

    public MissingReport missing() {
        return missing;
    }

    /** Number of rows in each class (classification only). */
    public int[] classCounts() {
        int[] c = new int[schema.classes().size()];
        for (double v : y) {
            c[(int) v]++;
        }
        return c;
    }

    /** The same rows with concept annotations attached (0/1 per concept, one row per data row). */
    public Dataset withConcepts(List<String> names, double[][] values) {
        if (values.length != size()) {
            throw new DatasetException(values.length + " concept rows for " + size() + " data rows");
        }
        Builder b = new Builder(schema.withConcepts(names)).name(name);
        b.x = x;
        b.y = y;
        b.concepts = values;
        b.tokens = tokens;
        b.vocabulary = vocabulary;
        b.imageShape = imageShape;
        b.missing = missing;
        b.notes = notes;
        b.relevant = relevant;
        return new Dataset(b);
    }

    /** The same rows under another name (arrays are shared, not copied). */
    public Dataset named(String newName) {
        Builder b = new Builder(schema).name(newName);
        b.x = x;
        b.y = y;
        b.concepts = concepts;
        b.tokens = tokens;
        b.vocabulary = vocabulary;
        b.imageShape = imageShape;
        b.missing = missing;
        b.notes = notes;
        b.relevant = relevant;
        return new Dataset(b);
    }

    /** The rows at the given indices, in that order. */
    public Dataset subset(int[] idx) {
        Builder b = new Builder(schema).name(name);
        b.x = new double[idx.length][];
        b.y = new double[idx.length];
        if (concepts != null) {
            b.concepts = new double[idx.length][];
        }
        if (tokens != null) {
            b.tokens = new int[idx.length][];
            b.vocabulary = vocabulary;
        }
        b.imageShape = imageShape;
        b.missing = missing;
        b.notes = notes;
        b.relevant = relevant;
        for (int k = 0; k < idx.length; k++) {
            int i = idx[k];
            b.x[k] = x[i];
            b.y[k] = y[i];
            if (concepts != null) {
                b.concepts[k] = concepts[i];
            }
            if (tokens != null) {
                b.tokens[k] = tokens[i];
            }
        }
        return new Dataset(b);
    }

    /**
     * A SHA-256 fingerprint of the schema and every value, recorded in a model's provenance so a
     * reader can tell which data trained it.
     */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(schema.toString().getBytes(StandardCharsets.UTF_8));
            ByteBuffer buf = ByteBuffer.allocate(8 * (schema.featureCount() + 1));
            for (int i = 0; i < size(); i++) {
                buf.clear();
                for (double v : x[i]) {
                    buf.putDouble(v);
                }
                buf.putDouble(y[i]);
                md.update(buf.array(), 0, buf.position());
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + size() + " rows, " + schema.featureCount() + " features, target "
                + schema.target().name() + "]";
    }

    /** Assembles a dataset; arrays handed in are owned by the dataset afterwards. */
    public static final class Builder {
        private final Schema schema;
        private String name = "data";
        private double[][] x;
        private double[] y;
        private double[][] concepts;
        private int[][] tokens;
        private List<String> vocabulary;
        private int[] imageShape;
        private MissingReport missing;
        private List<String> notes = List.of();
        private List<String> relevant = List.of();

        private Builder(Schema schema) {
            this.schema = schema;
        }

        public Builder name(String n) {
            this.name = n;
            return this;
        }

        public Builder features(double[][] values) {
            this.x = values;
            return this;
        }

        public Builder targets(double[] values) {
            this.y = values;
            return this;
        }

        public Builder labels(int[] classes) {
            this.y = Arrays.stream(classes).asDoubleStream().toArray();
            return this;
        }

        public Builder concepts(double[][] values) {
            this.concepts = values;
            return this;
        }

        public Builder tokens(int[][] sequences, List<String> vocab) {
            this.tokens = sequences;
            this.vocabulary = List.copyOf(vocab);
            return this;
        }

        /** Declares the feature columns to be the pixels of images of this shape, row-major. */
        public Builder imageShape(int channels, int height, int width) {
            this.imageShape = new int[] {channels, height, width};
            return this;
        }

        /** The columns the label truly depends on, when the data were made with a known rule. */
        public Builder relevant(List<String> columns) {
            this.relevant = List.copyOf(columns);
            return this;
        }

        /** What loading did that a user must hear about (a constant column left out), one line each. */
        public Builder notes(List<String> lines) {
            this.notes = List.copyOf(lines);
            return this;
        }

        public Builder missing(MissingReport report) {
            this.missing = report;
            return this;
        }

        public Dataset build() {
            return new Dataset(this);
        }
    }
}
