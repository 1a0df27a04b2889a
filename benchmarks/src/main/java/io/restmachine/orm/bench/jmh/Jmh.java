package io.restmachine.orm.bench.jmh;

import io.restmachine.orm.bench.Row;
import io.restmachine.orm.bench.Settings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH benchmarks of measurements 1 and 2 and turns their scores into rows. */
public final class Jmh {
    private Jmh() {}

    private static double best(RunResult result, boolean lowerIsBetter) {
        double best = lowerIsBetter ? Double.MAX_VALUE : 0;
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                double score = iteration.getPrimaryResult().getScore();
                best = lowerIsBetter ? Math.min(best, score) : Math.max(best, score);
            }
        }
        return best;
    }

    /** Measurement 1: ns/op of each mapper, ours against Bean and Static in each direction. */
    public static List<Row> mapping(Settings settings) {
        Map<String, Double> ns = run(MappingBenchmark.class, settings);
        List<Row> rows = new ArrayList<>();
        for (String direction : List.of("toItem", "fromItem")) {
            double ours = ns.get(direction + "Ours");
            double bean = ns.get(direction + "EnhancedBean");
            double statik = ns.get(direction + "EnhancedStatic");
            double modelOnly = ns.get(direction + "OursModelOnly");
            String oursText = Row.fmt(ours) + " ns (model only: " + Row.fmt(modelOnly) + ")";
            rows.add(Row.atLeast(
                    "1. " + direction + " vs Enhanced Bean", oursText, Row.fmt(bean) + " ns (Bean)", bean / ours, 2.0));
            rows.add(Row.above(
                    "1. " + direction + " vs Enhanced Static",
                    oursText,
                    Row.fmt(statik) + " ns (Static)",
                    statik / ours,
                    1.0));
        }
        return rows;
    }

    /** Measurement 2: create+get per second through the repository against the raw client. */
    public static Row repository(Settings settings) {
        Map<String, Double> ops = run(RepositoryBenchmark.class, settings);
        double ours = ops.get("createGetRepository");
        double raw = ops.get("createGetRawClient");
        return Row.atLeast(
                "2. create+get in-process, repository vs raw DynamoDbClient",
                Row.fmt(ours) + " ops/s",
                Row.fmt(raw) + " ops/s (raw)",
                ours / raw,
                0.9);
    }

    /**
     * The best measured iteration of each benchmark method of the class, by method name. On a machine
     * shared with other busy processes the mean of the iterations mostly measures how much CPU the
     * others left; the best iteration is the one least disturbed, so it is the figure compared.
     */
    static Map<String, Double> run(Class<?> benchmark, Settings settings) {
        Options options = new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .forks(1)
                .warmupIterations(settings.jmhWarmups())
                .warmupTime(TimeValue.milliseconds(settings.jmhIterationTime().toMillis()))
                .measurementIterations(settings.jmhIterations())
                .measurementTime(
                        TimeValue.milliseconds(settings.jmhIterationTime().toMillis()))
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
        Map<String, Double> scores = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            boolean lowerIsBetter = result.getParams().getMode() == Mode.AverageTime;
            scores.put(name.substring(name.lastIndexOf('.') + 1), best(result, lowerIsBetter));
        }
        return scores;
    }
}
