package org.pellucid.core.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Types the columns of a {@link RawTable} and builds the {@link Dataset}. Inference: a column is
 * numeric when every present value parses as a number; categorical otherwise, binary when it has
 * exactly two values. A column that is almost all numbers (at least 90%) with a few that are not is
 * treated as a typo, not as a category: it is an error naming the line and column of the first
 * non-number. Values listed by {@link MissingValues} are missing.
 */
public final class TableBuilder {
    private static final double NUMERIC_TYPO_SHARE = 0.9;
    private static final int MAX_CLASSES_FROM_NUMBERS = 50;

    private TableBuilder() {}

    /**
     * Builds the dataset in four steps: the target (never missing), the rows the missing-value
     * policy keeps, the typed feature columns (constant ones left out with a note, identifier-like
     * or free-text ones refused), and the numbers.
     */
    public static Dataset build(String name, RawTable raw, TableSpec spec) {
        List<String> names = raw.names;
        if (raw.size() == 0) {
            throw new DatasetException(raw.source, -1, null, "no data rows");
        }
        int t = spec.target() == null ? names.size() - 1 : names.indexOf(spec.target());
        if (t < 0) {
            throw new DatasetException(raw.source, -1, spec.target(), "no such target column; columns are " + names);
        }
        List<Integer> featureIdx = featureIndices(raw, t, spec);
        for (int i = 0; i < raw.size(); i++) {
            if (MissingValues.isMissing(raw.rows.get(i)[t])) {
                throw new DatasetException(raw.source, raw.lines.get(i), names.get(t), "the target is missing");
            }
        }
        Column target = typeTarget(raw, t, spec);
        Kept kept = keptRows(raw, featureIdx, spec);
        List<String> notes = new ArrayList<>();
        List<Column> cols = typeFeatures(raw, featureIdx, kept.rows(), spec, notes);
        double[][] x = new double[kept.rows().size()][featureIdx.size()];
        double[] y = new double[kept.rows().size()];
        Map<String, Integer> missingCounts = new LinkedHashMap<>();
        for (int k = 0; k < kept.rows().size(); k++) {
            String[] r = raw.rows.get(kept.rows().get(k));
            for (int c = 0; c < featureIdx.size(); c++) {
                String s = r[featureIdx.get(c)];
                Column col = cols.get(c);
                if (MissingValues.isMissing(s)) {
                    x[k][c] = Double.NaN;
                    missingCounts.merge(col.name(), 1, Integer::sum);
                } else if (col.isNumeric()) {
                    x[k][c] = Numbers.tryParse(s); // typing guaranteed it parses
                } else {
                    x[k][c] = col.categoryIndex(s);
                }
            }
            y[k] = target.isNumeric() ? Numbers.tryParse(r[t]) : target.categoryIndex(r[t]);
        }
        MissingReport report = new MissingReport(missingInColumnOrder(raw, featureIdx, kept, cols, missingCounts),
                kept.dropped(), spec.missing());
        return Dataset.builder(new Schema(cols, target)).name(name).features(x).targets(y).missing(report).notes(notes).build();
    }

    /** The rows the missing-value policy keeps (in file order), which ones they are, and how many it dropped. */
    private record Kept(List<Integer> rows, boolean[] mask, int dropped) {}

    /** The feature columns: every column but the target and the ignored ones, in file order. */
    private static List<Integer> featureIndices(RawTable raw, int t, TableSpec spec) {
        List<String> names = raw.names;
        for (String ig : spec.ignore()) {
            if (!names.contains(ig)) {
                throw new DatasetException(raw.source, -1, ig, "cannot ignore a column that does not exist");
            }
        }
        List<Integer> featureIdx = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (j != t && !spec.ignore().contains(names.get(j))) {
                featureIdx.add(j);
            }
        }
        return featureIdx;
    }

    /** Applies the missing-value policy: ERROR throws at the first missing value, DROP_ROWS drops its row. */
    private static Kept keptRows(RawTable raw, List<Integer> featureIdx, TableSpec spec) {
        List<Integer> keep = new ArrayList<>();
        boolean[] kept = new boolean[raw.size()];
        int dropped = 0;
        for (int i = 0; i < raw.size(); i++) {
            String[] r = raw.rows.get(i);
            int miss = -1;
            for (int j : featureIdx) {
                if (MissingValues.isMissing(r[j])) {
                    miss = j;
                    break;
                }
            }
            if (miss >= 0 && spec.missing() == MissingPolicy.ERROR) {
                throw new DatasetException(raw.source, raw.lines.get(i), raw.names.get(miss),
                        "missing value '" + r[miss] + "' (missing-value policy is ERROR)");
            }
            if (miss >= 0 && spec.missing() == MissingPolicy.DROP_ROWS) {
                dropped++;
            } else {
                keep.add(i);
                kept[i] = true;
            }
        }
        if (keep.isEmpty()) {
            throw new DatasetException(raw.source, -1, null, "every row has a missing value; nothing is left to learn from");
        }
        return new Kept(keep, kept, dropped);
    }

    /**
     * Types the feature columns. Constant ones carry nothing and are removed from {@code featureIdx}
     * with a note; columns that look like identifiers or free text are refused, all of them in one
     * {@link SuspectColumnsException}, unless the spec allows them.
     */
    private static List<Column> typeFeatures(RawTable raw, List<Integer> featureIdx, List<Integer> keep, TableSpec spec,
                                             List<String> notes) {
        List<String> names = raw.names;
        List<Column> cols = new ArrayList<>();
        Map<String, String> suspects = new LinkedHashMap<>();
        for (Iterator<Integer> it = featureIdx.iterator(); it.hasNext(); ) {
            int j = it.next();
            Column c = typeFeature(raw, j, spec);
            int distinct = distinctPresent(raw, j, keep);
            if (distinct == 1 && keep.size() > 1 && !spec.declared().containsKey(names.get(j))) {
                notes.add("column '" + names.get(j) + "' has one value in every row and is left out");
                it.remove();
                continue;
            }
            String why = spec.allowIdLike() ? null : suspicion(raw, j, c, keep, distinct);
            if (why != null) {
                suspects.put(names.get(j), why);
            }
            cols.add(c);
        }
        if (!suspects.isEmpty()) {
            throw new SuspectColumnsException(raw.source, suspects);
        }
        return cols;
    }

    /**
     * The missing counts per column in the file's column order (the same every run), the dropped rows'
     * included so the user sees why they went.
     */
    private static Map<String, Integer> missingInColumnOrder(RawTable raw, List<Integer> featureIdx, Kept kept,
                                                             List<Column> cols, Map<String, Integer> missingCounts) {
        if (kept.dropped() > 0) {
            for (int i = 0; i < raw.size(); i++) {
                if (kept.mask()[i]) {
                    continue;
                }
                for (int j : featureIdx) {
                    if (MissingValues.isMissing(raw.rows.get(i)[j])) {
                        missingCounts.merge(raw.names.get(j), 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, Integer> inColumnOrder = new LinkedHashMap<>();
        for (Column c : cols) {
            if (missingCounts.containsKey(c.name())) {
                inColumnOrder.put(c.name(), missingCounts.get(c.name()));
            }
        }
        return inColumnOrder;
    }

    /** Rows from which an all-distinct column is taken for an identifier. */
    static final int ID_MIN_ROWS = 20;
    /** Mean length from which mostly unique strings are taken for free text. */
    static final int TEXT_MIN_MEAN_LENGTH = 25;

    private static int distinctPresent(RawTable raw, int j, List<Integer> rows) {
        HashSet<String> seen = new HashSet<>();
        for (int i : rows) {
            String s = raw.rows.get(i)[j];
            if (!MissingValues.isMissing(s)) {
                seen.add(s.trim());
            }
        }
        return seen.size();
    }

    /**
     * Why column j looks like an identifier or free text, or null. Identifiers: text whose values
     * are all distinct, or whole numbers all distinct, ascending in file order and packed into a range
     * no wider than twice the row count (row numbers, customer numbers). Free text: strings averaging 25 or more
     * characters of which at least half are distinct.
     */
    private static String suspicion(RawTable raw, int j, Column c, List<Integer> rows, int distinct) {
        int present = 0;
        long length = 0;
        boolean whole = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean ascending = true;
        double last = Double.NEGATIVE_INFINITY;
        for (int i : rows) {
            String s = raw.rows.get(i)[j];
            if (MissingValues.isMissing(s)) {
                continue;
            }
            present++;
            length += s.length();
            if (c.isNumeric()) {
                double d = Numbers.tryParse(s);
                whole &= d == Math.rint(d);
                min = Math.min(min, d);
                max = Math.max(max, d);
                ascending &= d > last;
                last = d;
            }
        }
        if (present < ID_MIN_ROWS) {
            return null;
        }
        if (!c.isNumeric() && length >= (long) TEXT_MIN_MEAN_LENGTH * present && distinct >= present / 2) {
            return "free text: " + distinct + " distinct values of " + length / present + " characters on average";
        }
        if (distinct == present) {
            if (!c.isNumeric()) {
                return "every value distinct: an identifier?";
            }
            if (whole && ascending && max - min + 1 <= 2.0 * present) {
                return "distinct whole numbers from " + (long) min + " to " + (long) max + ": row or record numbers?";
            }
        }
        return null;
    }

    private static Column typeTarget(RawTable raw, int t, TableSpec spec) {
        String name = raw.names.get(t);
        List<String> order = spec.categoryOrder().get(name);
        ColumnType declared = spec.declared().get(name);
        boolean allNumeric = true;
        TreeSet<Double> distinct = new TreeSet<>();
        for (String[] r : raw.rows) {
            Double d = Numbers.tryParse(r[t]);
            if (d == null || !Double.isFinite(d)) {
                allNumeric = false;
                break;
            }
            if (distinct.size() <= MAX_CLASSES_FROM_NUMBERS) {
                distinct.add(d);
            }
        }
        if (spec.regression()) {
            if (!allNumeric) {
                throw new DatasetException(raw.source, -1, name, "a regression target must be numeric");
            }
            return Column.numeric(name);
        }
        if (order != null) {
            return categoryColumn(raw, t, name, order);
        }
        if (declared == ColumnType.NUMERIC && allNumeric && distinct.size() > MAX_CLASSES_FROM_NUMBERS) {
            return Column.numeric(name);
        }
        if (allNumeric && distinct.size() > MAX_CLASSES_FROM_NUMBERS) {
            throw new DatasetException(raw.source, -1, name, "the target has more than " + MAX_CLASSES_FROM_NUMBERS
                    + " distinct numbers, too many to be classes; choose a class column with --target, "
                    + "or turn the numbers into classes first");
        }
        return categoryColumn(raw, t, name, null);
    }

    private static Column typeFeature(RawTable raw, int j, TableSpec spec) {
        String name = raw.names.get(j);
        ColumnType declared = spec.declared().get(name);
        List<String> order = spec.categoryOrder().get(name);
        if (order != null || declared == ColumnType.CATEGORICAL || declared == ColumnType.BINARY) {
            return categoryColumn(raw, j, name, order);
        }
        int present = 0;
        int numeric = 0;
        int firstBad = -1;
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.rows.get(i)[j];
            if (MissingValues.isMissing(s)) {
                continue;
            }
            present++;
            Double d = Numbers.tryParse(s);
            if (d != null && Double.isFinite(d)) {
                numeric++;
            } else if (firstBad < 0) {
                firstBad = i;
            }
        }
        if (present > 0 && numeric == present) {
            return Column.numeric(name);
        }
        if (declared == ColumnType.NUMERIC || (present >= 10 && numeric >= NUMERIC_TYPO_SHARE * present)) {
            throw new DatasetException(raw.source, raw.lines.get(firstBad), name,
                    "'" + raw.rows.get(firstBad)[j] + "' is not a number in a numeric column");
        }
        if (present == 0) {
            throw new DatasetException(raw.source, -1, name, "every value is missing");
        }
        return categoryColumn(raw, j, name, null);
    }

    private static Column categoryColumn(RawTable raw, int j, String name, List<String> order) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String[] r : raw.rows) {
            if (!MissingValues.isMissing(r[j])) {
                seen.add(r[j]);
            }
        }
        List<String> cats;
        if (order != null) {
            cats = List.copyOf(order);
            for (int i = 0; i < raw.size(); i++) {
                String s = raw.rows.get(i)[j];
                if (!MissingValues.isMissing(s) && !cats.contains(s)) {
                    throw new DatasetException(raw.source, raw.lines.get(i), name,
                            "value '" + s + "' is not one of the declared categories " + cats);
                }
            }
        } else {
            cats = new ArrayList<>(new TreeSet<>(seen));
        }
        if (cats.isEmpty()) {
            throw new DatasetException(raw.source, -1, name, "every value is missing");
        }
        ColumnType type = cats.size() == 2 ? ColumnType.BINARY : ColumnType.CATEGORICAL;
        return new Column(name, type, cats);
    }
}
