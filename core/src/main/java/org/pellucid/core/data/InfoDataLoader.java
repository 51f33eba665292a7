package org.pellucid.core.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code .data} + {@code .info} pair used by the rule-learning papers (RRL, MLLP): the
 * {@code .info} file lists {@code name continuous|discrete} per column and a {@code LABEL_POS}
 * line (-1: label last, 0: label first); the {@code .data} file is comma-separated without header.
 */
public final class InfoDataLoader {
    private InfoDataLoader() {}

    /** Loads {@code x.data} with the {@code x.info} beside it. */
    public static Dataset load(Path dataFile, TableSpec spec) {
        String n = dataFile.getFileName().toString();
        Path info = dataFile.resolveSibling(n.substring(0, n.lastIndexOf('.')) + ".info");
        if (!Files.exists(info)) {
            throw new DatasetException(dataFile.toString(), -1, null, "no " + info.getFileName() + " beside it");
        }
        List<String> names = new ArrayList<>();
        Map<String, ColumnType> types = new HashMap<>();
        int labelPos = -1;
        List<String> lines;
        try {
            lines = Files.readAllLines(info, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetException(info.toString(), -1, null, "cannot read: " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty()) {
                continue;
            }
            String[] p = l.split("\\s+");
            if (p.length != 2) {
                throw new DatasetException(info.toString(), i + 1, null, "expected 'name continuous|discrete', found '" + l + "'");
            }
            if (p[0].equals("LABEL_POS")) {
                try {
                    labelPos = Integer.parseInt(p[1]);
                } catch (NumberFormatException e) {
                    throw new DatasetException(info.toString(), i + 1, null, "LABEL_POS must be an integer");
                }
                continue;
            }
            ColumnType t = switch (p[1]) {
                case "continuous" -> ColumnType.NUMERIC;
                case "discrete" -> ColumnType.CATEGORICAL;
                default -> throw new DatasetException(info.toString(), i + 1, p[0],
                        "type must be 'continuous' or 'discrete', found '" + p[1] + "'");
            };
            names.add(p[0]);
            types.put(p[0], t);
        }
        if (names.isEmpty()) {
            throw new DatasetException(info.toString(), -1, null, "lists no columns");
        }
        RawTable raw = CsvLoader.read(dataFile, ',', CsvLoader.Header.ABSENT, spec.encoding());
        RawTable named = new RawTable(dataFile.toString(), names);
        for (int i = 0; i < raw.size(); i++) {
            String[] r = raw.rows.get(i);
            if (r.length != names.size()) {
                throw new DatasetException(dataFile.toString(), raw.lines.get(i), null,
                        "expected " + names.size() + " fields (from " + info.getFileName() + "), found " + r.length);
            }
            named.add(r, raw.lines.get(i));
        }
        String target = spec.target() != null ? spec.target()
                : labelPos == 0 ? names.get(0) : names.get(names.size() - 1);
        Map<String, ColumnType> declared = new HashMap<>(types);
        declared.putAll(spec.declared());
        return TableBuilder.build(CsvLoader.datasetName(dataFile), named, spec.withTarget(target).withDeclared(declared));
    }
}
