package io.restmachine.orm.bench;

import io.restmachine.orm.bench.jmh.JmhSchedule;
import java.time.Duration;

/**
 * How long and how big each measurement is: {@link #fullRun()} is sized to finish all six in well under
 * 15 minutes on 2 cores; {@link #smokeRun()} checks that every benchmark runs, in seconds each.
 *
 * @param smoke whether this is the smoke run (figures are not meaningful)
 * @param mappingJmh the JMH schedule of measurement 1 (mapping)
 * @param repositoryJmh the JMH schedule of measurement 2 (repository against the raw client)
 * @param coldStartRuns child JVMs per side for the cold start median
 * @param httpWarmup the warm-up of each HTTP phase
 * @param httpMeasure the measured length of each HTTP phase
 * @param batchItems items written by each side of the batch measurement
 * @param memorySmall items streamed in the small memory run
 * @param memoryLarge items streamed in the large memory run
 */
public record Settings(
        boolean smoke,
        JmhSchedule mappingJmh,
        JmhSchedule repositoryJmh,
        int coldStartRuns,
        Duration httpWarmup,
        Duration httpMeasure,
        int batchItems,
        int memorySmall,
        int memoryLarge) {

    /** The full run recorded in docs/benchmarks.md. */
    public static Settings fullRun() {
        return new Settings(
                false,
                // A mapper is small and compiled within a second or two: 5 s of warm-up is plenty. Two
                // forks of 8 measured seconds: with 1 fork of 5 the error was +-45 % of the mean.
                new JmhSchedule(2, 5, Duration.ofSeconds(1), 8, Duration.ofSeconds(1)),
                // The SDK client pipeline and the engine need 15-30 s of load before throughput stops
                // climbing; two forks because JIT decisions in this much code vary from JVM to JVM.
                new JmhSchedule(2, 12, Duration.ofSeconds(2), 8, Duration.ofSeconds(2)),
                7,
                Duration.ofSeconds(2),
                Duration.ofSeconds(6),
                10_000,
                10_000,
                100_000);
    }

    /** The smoke run: every benchmark once, briefly, with small data. */
    public static Settings smokeRun() {
        return new Settings(
                true,
                new JmhSchedule(1, 1, Duration.ofMillis(300), 1, Duration.ofMillis(300)),
                new JmhSchedule(1, 1, Duration.ofMillis(300), 1, Duration.ofMillis(300)),
                2,
                Duration.ofMillis(300),
                Duration.ofMillis(700),
                300,
                1_000,
                5_000);
    }
}
