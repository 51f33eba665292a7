package org.pellucid.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the layout scikit-learn ships its small datasets in: the first line is
 * {@code n_rows,n_features,class names…}, then numeric rows with the class index last. The file
 * carries no feature names; pass them (the registry knows them for the bundled sets).
 */
public final class SklearnCsvLoader {
    private SklearnCsvLoader() {}

    public static Dataset load(Path file, List<String> featureNames, TableSpec spec) {
        try (Reader r = CsvLoader.open(file)) {
            return load(file.toString(), CsvLoader.datasetName(file), r, featureNames, spec);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file.toString(), -1, null, "no such file");
        } catch (IOException e) {
            throw new DatasetException(file.toString(), -1, null, "cannot read: " + e.getMessage(), e);
        }
    }

    static Dataset load(String source, String name, Reader reader, List<String> featureNames, TableSpec spec) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        String head = in.readLine();
        if (head == null) {
            throw new DatasetException(source, 1, null, "the file is empty");
        }
        String[] h = head.split(",");
        int rows;
        int features;
        try {
            rows = Integer.parseInt(h[0].trim());
            features = Integer.parseInt(h[1].trim());
        } catch (RuntimeException e) {
            throw new DatasetException(source, 1, null, "the first line must be 'n_rows,n_features,class names…'");
        }
        List<String> classes = new ArrayList<>();
        for (int i = 2; i < h.length; i++) {
            classes.add(h[i].trim());
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add(featureNames != null && featureNames.size() == features ? featureNames.get(j) : "x" + (j + 1));
        }
        names.add("class");
        RawTable raw = CsvLoader.read(source, in, ',', CsvLoader.Header.ABSENT);
        RawTable named = new RawTable(source, names);
        for (int i = 0; i < raw.size(); i++) {
            String[] r = raw.rows.get(i);
            long line = raw.lines.get(i) + 1;
            if (r.length != features + 1) {
                throw new DatasetException(source, line, null, "expected " + (features + 1) + " fields, found " + r.length);
            }
            String label = r[features].trim();
            if (!classes.isEmpty()) {
                Double d = Numbers.tryParse(label);
                if (d == null || d != Math.rint(d) || d < 0 || d >= classes.size()) {
                    throw new DatasetException(source, line, "class", "'" + label + "' is not a class index 0.." + (classes.size() - 1));
                }
                r[features] = classes.get(d.intValue());
            }
            named.add(r, line);
        }
        if (named.size() != rows) {
            throw new DatasetException(source, -1, null, "the header promises " + rows + " rows, the file has " + named.size());
        }
        Map<String, ColumnType> numeric = new HashMap<>();
        for (int j = 0; j < features; j++) {
            numeric.put(names.get(j), ColumnType.NUMERIC);
        }
        TableSpec s = spec.withTarget("class").withDeclared(numeric);
        if (!classes.isEmpty()) {
            s = s.withCategoryOrder(Map.of("class", classes));
        }
        return TableBuilder.build(name, named, s);
    }
}
