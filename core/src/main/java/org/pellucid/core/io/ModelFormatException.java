package org.pellucid.core.io;

/**
 * A saved model cannot be read: missing files, a checksum that does not match (truncated or
 * modified), a format version this Pellucid does not read, or an unknown model kind.
 */
public class ModelFormatException extends RuntimeException {
    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
