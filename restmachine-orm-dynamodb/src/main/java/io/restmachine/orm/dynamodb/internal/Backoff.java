package io.restmachine.orm.dynamodb.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) wait a uniformly random
 * time between zero and {@code min(max, base * 2^(n-1))}, so that clients retrying together spread
 * out instead of colliding again.
 */
final class Backoff {
    private final long baseNanos;
    private final long maxNanos;

    Backoff(Duration base, Duration max) {
        this.baseNanos = base.toNanos();
        this.maxNanos = max.toNanos();
    }

    /** The cap of the wait before retry {@code retry} (1 for the first retry). */
    long capNanos(int retry) {
        int shift = Math.min(retry - 1, 40);
        long cap = baseNanos << shift;
        return cap < 0 || cap > maxNanos ? maxNanos : cap;
    }

    /** Waits before retry {@code retry}; returns false if interrupted (the flag is restored). */
    boolean pause(int retry) {
        long cap = capNanos(retry);
        long nanos = cap == 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
        if (nanos == 0) {
            return !Thread.currentThread().isInterrupted();
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
