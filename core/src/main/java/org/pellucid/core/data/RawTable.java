package org.pellucid.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Text fields as read from a file, before any typing: the column names, the rows, and the 1-based
 * line each row came from (so later errors can name it).
 */
public final class RawTable {
    final String source;
    final List<String> names;
    final List<String[]> rows = new ArrayList<>();
    final List<Long> lines = new ArrayList<>();

    public RawTable(String source, List<String> names) {
        this.source = source;
        this.names = List.copyOf(names);
    }

    public void add(String[] fields, long line) {
        if (fields.length != names.size()) {
            throw new DatasetException(source, line, null, "expected " + names.size() + " fields, found " + fields.length);
        }
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].trim();
        }
        rows.add(fields);
        lines.add(line);
    }

    /** The same rows under other column names (same count). */
    public RawTable renamed(List<String> newNames) {
        if (newNames.size() != names.size()) {
            throw new DatasetException(source, -1, null, "expected " + newNames.size() + " columns, the file has " + names.size());
        }
        RawTable t = new RawTable(source, newNames);
        t.rows.addAll(rows);
        t.lines.addAll(lines);
        return t;
    }

    public int size() {
        return rows.size();
    }

    public List<String> names() {
        return names;
    }
}
