package io.restmachine.orm;

import java.util.List;
import java.util.Objects;

/**
 * What a batch did: every input is in exactly one of {@link #written()} or {@link #failed()}.
 *
 * @param written inputs that were written
 * @param failed inputs that were not, each with the reason
 * @param <T> the input type (a model, or a {@link Key} for deletes)
 */
public record BatchResult<T>(List<T> written, List<Failure<T>> failed) {
    public BatchResult {
        written = List.copyOf(written);
        failed = List.copyOf(failed);
    }

    /** Whether every input was written. */
    public boolean allWritten() {
        return failed.isEmpty();
    }

    /**
     * One input that was not written.
     *
     * @param input the model or key
     * @param reason why
     */
    public record Failure<T>(T input, String reason) {
        public Failure {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
