package org.pellucid.core.train;

/** Training could not go on: a divergent loss, a device that is not there, bad options. */
public class TrainingException extends RuntimeException {
    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
