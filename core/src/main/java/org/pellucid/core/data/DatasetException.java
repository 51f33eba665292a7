package org.pellucid.core.data;

/**
 * Bad input data: a malformed file, a wrong column, a value that cannot be read. The message is one
 * line that names the file and, where known, the line and column, so a user can go straight there.
 */
public class DatasetException extends RuntimeException {
    private final String source;
    private final long line;
    private final String column;

    public DatasetException(String message) {
        this(null, -1, null, message, null);
    }

    public DatasetException(String source, long line, String column, String message) {
        this(source, line, column, message, null);
    }

    public DatasetException(String source, long line, String column, String message, Throwable cause) {
        super(compose(source, line, column, message), cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String compose(String source, long line, String column, String message) {
        StringBuilder b = new StringBuilder();
        if (source != null) {
            b.append(source);
            if (line > 0) {
                b.append(':').append(line);
            }
            b.append(": ");
        } else if (line > 0) {
            b.append("line ").append(line).append(": ");
        }
        if (column != null) {
            b.append("column '").append(column).append("': ");
        }
        return b.append(message).toString();
    }

    /** The file or stream the problem is in, or null. */
    public String source() {
        return source;
    }

    /** The 1-based line, or -1 when the problem is not tied to a line. */
    public long line() {
        return line;
    }

    /** The column's name, or null. */
    public String column() {
        return column;
    }
}
