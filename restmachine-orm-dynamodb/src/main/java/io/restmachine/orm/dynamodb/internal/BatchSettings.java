package io.restmachine.orm.dynamodb.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How batches retry and how many chunks run at once.
 *
 * @param maxAttempts calls per chunk before the entries still unprocessed count as failed (first
 *     call included)
 * @param baseBackoff the backoff cap of the first retry; doubled for every further one
 * @param maxBackoff the largest backoff cap
 * @param chunksInFlight BatchWriteItem, BatchGetItem and TransactWriteItems chunks sent concurrently, per backend
 * @param writesInFlight single-item requests of a batch (updates of {@code batchUpsert}, and
 *     conditional puts of {@code batchCreate} where the server has no transactions) sent
 *     concurrently, per backend
 */
public record BatchSettings(
        int maxAttempts, Duration baseBackoff, Duration maxBackoff, int chunksInFlight, int writesInFlight) {
    /** The default of {@link #writesInFlight}. */
    public static final int DEFAULT_WRITES_IN_FLIGHT = 32;

    /** 10 attempts, 25 ms to 2 s of backoff with full jitter, 4 chunks and 32 single writes in flight. */
    public static BatchSettings defaults() {
        return new BatchSettings(10, Duration.ofMillis(25), Duration.ofSeconds(2), 4, DEFAULT_WRITES_IN_FLIGHT);
    }

    /** Settings with the default number of single writes in flight. */
    public BatchSettings(int maxAttempts, Duration baseBackoff, Duration maxBackoff, int chunksInFlight) {
        this(maxAttempts, baseBackoff, maxBackoff, chunksInFlight, DEFAULT_WRITES_IN_FLIGHT);
    }

    public BatchSettings {
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException(
                    "batchMaxAttempts must be between 1 and 100, got " + maxAttempts + " (1 means no retries)");
        }
        if (baseBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException(
                    "batch backoff durations must not be negative, got base " + baseBackoff + " and max " + maxBackoff);
        }
        if (maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalArgumentException("batchMaxBackoff (" + maxBackoff + ") is smaller than batchBaseBackoff ("
                    + baseBackoff + "): raise the maximum or lower the base");
        }
        if (chunksInFlight < 1 || chunksInFlight > 64) {
            throw new IllegalArgumentException("batchChunksInFlight must be between 1 and 64, got " + chunksInFlight);
        }
        if (writesInFlight < 1 || writesInFlight > 256) {
            throw new IllegalArgumentException("batchWritesInFlight must be between 1 and 256, got " + writesInFlight);
        }
    }
}
