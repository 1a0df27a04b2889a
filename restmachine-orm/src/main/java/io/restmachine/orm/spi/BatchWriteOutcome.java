package io.restmachine.orm.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a backend did with a list of {@link BatchWrite}s: every input index is in exactly one of
 * {@code written} or {@code failed}.
 *
 * @param written indexes (into the list passed to {@link Store#batchWrite}) that were written
 * @param failed writes that were not written after every retry, with the reason
 */
public record BatchWriteOutcome(List<Integer> written, List<Failure> failed) {
    public BatchWriteOutcome {
        written = List.copyOf(written);
        failed = List.copyOf(failed);
    }

    /**
     * One write that was not done.
     *
     * @param index its index in the list passed to {@link Store#batchWrite}
     * @param reason why, e.g. "still unprocessed after 8 attempts" or the service's error
     */
    public record Failure(int index, String reason) {
        public Failure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
