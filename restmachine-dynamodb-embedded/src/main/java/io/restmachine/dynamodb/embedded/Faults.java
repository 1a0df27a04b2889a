package io.restmachine.dynamodb.embedded;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Faults the engine injects so that callers can test their retries: a fraction of batch items
 * left unprocessed, a fraction of requests throttled, and latency added to every request.
 * Settings apply to requests that start after they are made; all of them may be changed at any
 * time, from any thread.
 *
 * <pre>{@code
 * db.faults().seed(42).throttle(0.1).unprocessed(0.3).latency(Duration.ofMillis(2));
 * ...
 * db.faults().reset();
 * }</pre>
 */
public final class Faults {
    private volatile double throttle;
    private volatile double unprocessed;
    private volatile Duration latency = Duration.ZERO;
    private volatile Random random = new Random();

    Faults() {}

    /**
     * Throttles this fraction of requests: item operations with ProvisionedThroughputExceededException,
     * table operations with ThrottlingException.
     *
     * @param fraction between 0 (never) and 1 (always)
     */
    public Faults throttle(double fraction) {
        this.throttle = validFraction(fraction, "throttle");
        return this;
    }

    /**
     * Returns this fraction of BatchWriteItem requests in {@code UnprocessedItems} and of
     * BatchGetItem keys in {@code UnprocessedKeys}, without performing them.
     *
     * @param fraction between 0 (never) and 1 (always)
     */
    public Faults unprocessed(double fraction) {
        this.unprocessed = validFraction(fraction, "unprocessed");
        return this;
    }

    /** Adds this much latency to every request. */
    public Faults latency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        this.latency = latency;
        return this;
    }

    /** Makes the choice of throttled requests and unprocessed items repeatable. */
    public Faults seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    /** No more faults. */
    public Faults reset() {
        throttle = 0;
        unprocessed = 0;
        latency = Duration.ZERO;
        return this;
    }

    boolean shouldThrottle() {
        double fraction = throttle;
        return fraction > 0 && random.nextDouble() < fraction;
    }

    boolean shouldLeaveUnprocessed() {
        double fraction = unprocessed;
        return fraction > 0 && random.nextDouble() < fraction;
    }

    Duration currentLatency() {
        return latency;
    }

    private static double validFraction(double fraction, String name) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException(
                    name + " must be a fraction between 0 and 1 (e.g. 0.1 for 10%), got " + fraction);
        }
        return fraction;
    }
}
