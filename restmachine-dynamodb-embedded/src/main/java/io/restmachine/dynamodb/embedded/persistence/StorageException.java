package io.restmachine.dynamodb.embedded.persistence;

/**
 * A persistent engine's directory cannot be opened as it is: it is locked by another engine, a
 * snapshot or the middle of the log is damaged, or a file is missing or of another format. The
 * message names the file, the offset where it applies, and how to proceed.
 */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A refusal whose message says what is wrong, where, and how to proceed. */
    public StorageException(String message) {
        super(message);
    }

    /** A refusal caused by {@code cause} (typically an I/O error). */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
