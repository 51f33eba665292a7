package org.pellucid.core.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Columns that would become features but look like identifiers (every value distinct) or free text
 * (long, mostly unique strings): one-hot encoding them gives one parameter per row, rules such as
 * {@code customer_id != C10234}, and accuracy at the majority rate. Leave them out with
 * {@link TableSpec#withIgnore} ({@code --ignore}), or keep them with {@link TableSpec#withAllowIdLike}.
 */
public final class SuspectColumnsException extends DatasetException {
    private final Map<String, String> columns;

    public SuspectColumnsException(String source, Map<String, String> columns) {
        super(source, -1, null, message(columns));
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    private static String message(Map<String, String> columns) {
        StringBuilder b = new StringBuilder("column");
        b.append(columns.size() == 1 ? " " : "s ");
        columns.forEach((c, why) -> b.append(c).append(" (").append(why).append("), "));
        b.setLength(b.length() - 2);
        return b.append(" would become features; leave ").append(columns.size() == 1 ? "it" : "them").append(" out with --ignore ")
                .append(String.join(",", columns.keySet())).append(" (or --id for one to keep in outputs), or keep ")
                .append(columns.size() == 1 ? "it" : "them").append(" with --allow-id-like").toString();
    }

    /** Column name → why it looks like an identifier or free text. */
    public Map<String, String> columns() {
        return columns;
    }
}
