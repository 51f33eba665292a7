package org.pellucid.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Weka's ARFF format (dense data): {@code @attribute} lines declare numeric
 * ({@code numeric|real|integer}), nominal ({@code {a,b,c}}) and string columns; the target defaults
 * to the last attribute, ARFF's convention.
 */
public final class ArffLoader {
    private ArffLoader() {}

    public static Dataset load(Path file, TableSpec spec) {
        try (Reader r = CsvLoader.open(file, spec.encoding())) {
            return load(file.toString(), CsvLoader.datasetName(file), r, spec);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file.toString(), -1, null, "no such file");
        } catch (IOException e) {
            throw new DatasetException(file.toString(), -1, null, "cannot read: " + e.getMessage(), e);
        }
    }

    static Dataset load(String source, String name, Reader reader, TableSpec spec) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        List<String> names = new ArrayList<>();
        Map<String, ColumnType> declared = new HashMap<>();
        Map<String, List<String>> order = new HashMap<>();
        String l;
        long line = 0;
        boolean data = false;
        while (!data && (l = in.readLine()) != null) {
            line++;
            String t = l.trim();
            if (t.isEmpty() || t.startsWith("%")) {
                continue;
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("@relation")) {
                continue;
            }
            if (lower.startsWith("@data")) {
                data = true;
                break;
            }
            if (!lower.startsWith("@attribute")) {
                throw new DatasetException(source, line, null, "expected @attribute or @data, found '" + abbreviate(t) + "'");
            }
            attribute(source, line, t, names, declared, order);
        }
        if (!data) {
            throw new DatasetException(source, -1, null, "no @data section");
        }
        if (names.isEmpty()) {
            throw new DatasetException(source, -1, null, "no @attribute declarations");
        }
        RawTable named = dataSection(source, in, line, names);
        Map<String, ColumnType> d = new HashMap<>(declared);
        d.putAll(spec.declared());
        return TableBuilder.build(name, named, spec.withDeclared(d).withCategoryOrder(order));
    }

    /** Reads one {@code @attribute} line: its name (quoted or not) and type (numeric, string, or a nominal list in its order). */
    private static void attribute(String source, long line, String t, List<String> names, Map<String, ColumnType> declared,
                                  Map<String, List<String>> order) {
        String rest = t.substring("@attribute".length()).trim();
        String attr;
        if (rest.startsWith("'") || rest.startsWith("\"")) {
            int end = rest.indexOf(rest.charAt(0), 1);
            if (end < 0) {
                throw new DatasetException(source, line, null, "unterminated quoted attribute name");
            }
            attr = rest.substring(1, end);
            rest = rest.substring(end + 1).trim();
        } else {
            String[] p = rest.split("\\s+", 2);
            if (p.length < 2) {
                throw new DatasetException(source, line, p[0], "attribute has no type");
            }
            attr = p[0];
            rest = p[1].trim();
        }
        names.add(attr);
        String type = rest.toLowerCase(Locale.ROOT);
        if (rest.startsWith("{")) {
            if (!rest.endsWith("}")) {
                throw new DatasetException(source, line, attr, "nominal list does not end with '}'");
            }
            List<String> cats = new ArrayList<>();
            for (String c : rest.substring(1, rest.length() - 1).split(",")) {
                cats.add(unquote(c.trim()));
            }
            order.put(attr, cats);
        } else if (type.startsWith("numeric") || type.startsWith("real") || type.startsWith("integer")) {
            declared.put(attr, ColumnType.NUMERIC);
        } else if (type.startsWith("string")) {
            declared.put(attr, ColumnType.CATEGORICAL);
        } else {
            throw new DatasetException(source, line, attr, "unsupported attribute type '" + rest + "'");
        }
    }

    /** The {@code @data} section, read as CSV without a header; errors keep the file's absolute line numbers. */
    private static RawTable dataSection(String source, BufferedReader in, long line, List<String> names) throws IOException {
        String l;
        // the rest is CSV without header; keep absolute line numbers for errors
        StringBuilder body = new StringBuilder();
        for (long i = 0; i < line; i++) {
            body.append('\n');
        }
        while ((l = in.readLine()) != null) {
            String t = l.trim();
            body.append(t.startsWith("%") ? "" : l).append('\n');
        }
        RawTable raw = CsvLoader.read(source, new StringReader(body.toString()), ',', CsvLoader.Header.ABSENT);
        RawTable named = new RawTable(source, names);
        for (int i = 0; i < raw.size(); i++) {
            String[] r = raw.rows.get(i);
            for (int j = 0; j < r.length; j++) {
                r[j] = unquote(r[j].trim());
            }
            if (r.length != names.size()) {
                throw new DatasetException(source, raw.lines.get(i), null, "expected " + names.size() + " values, found " + r.length);
            }
            named.add(r, raw.lines.get(i));
        }
        return named;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
