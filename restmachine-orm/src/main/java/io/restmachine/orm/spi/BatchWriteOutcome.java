package io.restmachine.orm.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a backend did with a list of {@link BatchWrite}s: every input index is in exactly one of
 * {@code written}, {@code failed} or {@code refused}.
 *
 * @param written indexes (into the list passed to {@link Store#batchWrite}) that were written
 * @param failed writes that were not written after every retry, with the reason
 * @param refused conditional writes whose condition did not hold (nothing written), with the item
 *     stored when it failed; the core decides what that means
 * @param newItems for each written {@link BatchWrite.Update}, by index, the item as stored after it
 */
public record BatchWriteOutcome(
        List<Integer> written, List<Failure> failed, List<Refused> refused, Map<Integer, StoreItem> newItems) {
    public BatchWriteOutcome {
        written = List.copyOf(written);
        failed = List.copyOf(failed);
        refused = List.copyOf(refused);
        newItems = Map.copyOf(newItems);
    }

    /** The outcome of unconditional writes: each written or failed. */
    public BatchWriteOutcome(List<Integer> written, List<Failure> failed) {
        this(written, failed, List.of(), Map.of());
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

    /**
     * One conditional write whose condition did not hold.
     *
     * @param index its index in the list passed to {@link Store#batchWrite}
     * @param existingItem the item stored when the condition failed, or null if there was none or
     *     the server did not return it
     */
    public record Refused(int index, @Nullable StoreItem existingItem) {}
}
