package io.restmachine.orm.bench.jmh;

import io.restmachine.orm.bench.Row;
import io.restmachine.orm.bench.Settings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH benchmarks of measurements 1 and 2 and turns their scores into rows. */
public final class Jmh {
    private Jmh() {}

    /**
     * The score of one benchmark method: the mean over every measured iteration of every fork, and
     * the half-width of its 99.9 % confidence interval as JMH computes it (NaN with a single
     * iteration).
     *
     * @param mean the mean score
     * @param error the half-width of the 99.9 % confidence interval of the mean
     */
    record Score(double mean, double error) {
        /** The score as text, e.g. {@code "3,050 ± 120"}, with no error shown when there is none. */
        String text() {
            return Double.isNaN(error) || Double.isInfinite(error)
                    ? Row.fmt(mean)
                    : Row.fmt(mean) + " ± " + Row.fmt(error);
        }
    }

    /** Measurement 1: ns/op of each mapper, ours against Bean and Static in each direction. */
    public static List<Row> mapping(Settings settings) {
        Map<String, Score> ns = run(MappingBenchmark.class, settings.mappingJmh());
        List<Row> rows = new ArrayList<>();
        for (String direction : List.of("toItem", "fromItem")) {
            Score ours = ns.get(direction + "Ours");
            Score bean = ns.get(direction + "EnhancedBean");
            Score statik = ns.get(direction + "EnhancedStatic");
            Score modelOnly = ns.get(direction + "OursModelOnly");
            String oursText = ours.text() + " ns (model only: " + modelOnly.text() + ")";
            rows.add(Row.atLeast(
                    "1. " + direction + " vs Enhanced Bean",
                    oursText,
                    bean.text() + " ns (Bean)",
                    bean.mean() / ours.mean(),
                    2.0));
            rows.add(Row.above(
                    "1. " + direction + " vs Enhanced Static",
                    oursText,
                    statik.text() + " ns (Static)",
                    statik.mean() / ours.mean(),
                    1.0));
        }
        return rows;
    }

    /** Measurement 2: create+get per second through the repository against the raw client. */
    public static Row repository(Settings settings) {
        Map<String, Score> ops = run(RepositoryBenchmark.class, settings.repositoryJmh());
        Score ours = ops.get("createGetRepository");
        Score raw = ops.get("createGetRawClient");
        return Row.atLeast(
                "2. create+get in-process, repository vs raw DynamoDbClient",
                ours.text() + " ops/s",
                raw.text() + " ops/s (raw)",
                ours.mean() / raw.mean(),
                0.9);
    }

    /**
     * The score of each benchmark method of the class, by method name: the mean of the measured
     * iterations after the schedule's warm-up, with its error. Warm-up is sized so that every
     * measured iteration runs JIT-compiled code; what remains of the spread is noise from the
     * machine, which the error shows rather than hides.
     */
    static Map<String, Score> run(Class<?> benchmark, JmhSchedule schedule) {
        Options options = new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .forks(schedule.forks())
                .warmupIterations(schedule.warmups())
                .warmupTime(TimeValue.milliseconds(schedule.warmupTime().toMillis()))
                .measurementIterations(schedule.iterations())
                .measurementTime(TimeValue.milliseconds(schedule.iterationTime().toMillis()))
                .jvmArgs("-Xms1g", "-Xmx1g")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            throw new IllegalStateException(
                    "JMH failed to run " + benchmark.getSimpleName() + ": " + e.getMessage(), e);
        }
        Map<String, Score> scores = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            Result<?> primary = result.getPrimaryResult();
            scores.put(
                    name.substring(name.lastIndexOf('.') + 1), new Score(primary.getScore(), primary.getScoreError()));
        }
        return scores;
    }
}
