package org.pellucid.core.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How to turn a {@link RawTable} into a {@link Dataset}: which column is the target, which
 * columns to leave out, declared types (others are inferred), and the missing-value rule.
 *
 * @param target target column name; null means the last column
 * @param ignore columns to leave out (identifiers, leaks)
 * @param declared column name → declared type; undeclared columns are inferred
 * @param categoryOrder column name → declared category order (ARFF nominal lists)
 * @param missing what to do with missing feature values
 * @param regression treat a numeric target as a value to regress rather than as class labels
 * @param encoding the character set of text files; bytes that are not valid in it are an error
 *     naming the line (UTF-8 by default; a UTF-8 byte-order mark is skipped)
 * @param header whether a delimited file's first line names the columns ({@code AUTO}: guessed)
 * @param delimiter the field separator of delimited files; null means by extension (tab for
 *     .tsv/.tab, else comma)
 * @param allowIdLike keep columns that look like identifiers or free text as features instead of
 *     refusing them ({@link SuspectColumnsException})
 */
public record TableSpec(String target, List<String> ignore, Map<String, ColumnType> declared,
                        Map<String, List<String>> categoryOrder, MissingPolicy missing, boolean regression,
                        Charset encoding, CsvLoader.Header header, Character delimiter, boolean allowIdLike) {

    public TableSpec {
        ignore = List.copyOf(ignore == null ? List.of() : ignore);
        declared = Map.copyOf(declared == null ? Map.of() : declared);
        categoryOrder = Map.copyOf(categoryOrder == null ? Map.of() : categoryOrder);
        missing = missing == null ? MissingPolicy.IMPUTE : missing;
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
        header = header == null ? CsvLoader.Header.AUTO : header;
    }

    public TableSpec(String target, List<String> ignore, Map<String, ColumnType> declared,
                     Map<String, List<String>> categoryOrder, MissingPolicy missing, boolean regression) {
        this(target, ignore, declared, categoryOrder, missing, regression, null, null, null, false);
    }

    public static TableSpec defaults() {
        return new TableSpec(null, List.of(), Map.of(), Map.of(), MissingPolicy.IMPUTE, false);
    }

    public TableSpec withEncoding(Charset cs) {
        return new TableSpec(target, ignore, declared, categoryOrder, missing, regression, cs, header, delimiter, allowIdLike);
    }

    public TableSpec withHeader(CsvLoader.Header h) {
        return new TableSpec(target, ignore, declared, categoryOrder, missing, regression, encoding, h, delimiter, allowIdLike);
    }

    public TableSpec withDelimiter(Character d) {
        return new TableSpec(target, ignore, declared, categoryOrder, missing, regression, encoding, header, d, allowIdLike);
    }

    public TableSpec withAllowIdLike(boolean allow) {
        return new TableSpec(target, ignore, declared, categoryOrder, missing, regression, encoding, header, delimiter, allow);
    }

    public TableSpec withTarget(String t) {
        return new TableSpec(t, ignore, declared, categoryOrder, missing, regression, encoding, header, delimiter, allowIdLike);
    }

    public TableSpec withIgnore(List<String> cols) {
        return new TableSpec(target, cols, declared, categoryOrder, missing, regression, encoding, header, delimiter, allowIdLike);
    }

    public TableSpec withDeclared(Map<String, ColumnType> types) {
        return new TableSpec(target, ignore, types, categoryOrder, missing, regression, encoding, header, delimiter, allowIdLike);
    }

    public TableSpec withCategoryOrder(Map<String, List<String>> order) {
        return new TableSpec(target, ignore, declared, order, missing, regression, encoding, header, delimiter, allowIdLike);
    }

    public TableSpec withMissing(MissingPolicy policy) {
        return new TableSpec(target, ignore, declared, categoryOrder, policy, regression, encoding, header, delimiter, allowIdLike);
    }

    public TableSpec withRegression(boolean r) {
        return new TableSpec(target, ignore, declared, categoryOrder, missing, r, encoding, header, delimiter, allowIdLike);
    }

    static Map<String, ColumnType> mutable() {
        return new HashMap<>();
    }
}
