package io.restmachine.orm.bench.jmh;

import java.time.Duration;
import java.util.Objects;

/**
 * How one JMH measurement runs: forks, warm-up iterations and measured iterations, each with its
 * length. Measurements differ in how long the JIT needs before throughput stops climbing (a mapper:
 * a few seconds; the SDK client plus the engine: 15–30 s on 2 cores), so each has its own schedule.
 *
 * @param forks fresh JVMs per benchmark method; their iterations are pooled into one mean
 * @param warmups warm-up iterations per fork (not measured)
 * @param warmupTime the length of one warm-up iteration
 * @param iterations measured iterations per fork
 * @param iterationTime the length of one measured iteration
 */
public record JmhSchedule(int forks, int warmups, Duration warmupTime, int iterations, Duration iterationTime) {
    public JmhSchedule {
        Objects.requireNonNull(warmupTime, "warmupTime");
        Objects.requireNonNull(iterationTime, "iterationTime");
        if (forks < 1 || warmups < 0 || iterations < 1) {
            throw new IllegalArgumentException("a JMH schedule needs at least 1 fork and 1 measured iteration, got "
                    + forks + " forks, " + warmups + " warm-ups, " + iterations + " iterations");
        }
    }

    /** The warm-up one fork gets before its first measured iteration. */
    public Duration totalWarmup() {
        return warmupTime.multipliedBy(warmups);
    }
}
