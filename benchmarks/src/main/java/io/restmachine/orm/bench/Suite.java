package io.restmachine.orm.bench;

import io.restmachine.orm.bench.jmh.Jmh;
import io.restmachine.orm.bench.measure.Batch;
import io.restmachine.orm.bench.measure.ColdStart;
import io.restmachine.orm.bench.measure.Http;
import io.restmachine.orm.bench.measure.Memory;
import io.restmachine.orm.bench.measure.PersistentWrites;
import io.restmachine.orm.bench.measure.Scale;
import io.restmachine.orm.bench.measure.ServerCpu;
import io.restmachine.orm.bench.measure.SmallItems;
import io.restmachine.orm.bench.measure.SuiteTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs the measurements of issues 6 and 15 and prints one Markdown table: each figure, its peer's
 * figure from the same run, the ratio, the goal and whether it is met.
 *
 * <pre>
 * benchmarks/run            # full run (1-10), under 20 minutes on 2 cores
 * benchmarks/run --only 11  # scale: a million 1 KB items, about 6 minutes
 * benchmarks/run --quick    # smoke run: every benchmark briefly (figures not meaningful)
 * benchmarks/run --only 1,5 # some measurements only
 * </pre>
 */
public final class Suite {
    /**
     * What a run without {@code --only} measures: everything but 11 (scale), which loads a million
     * items twice and takes about 6 minutes of its own.
     */
    private static final Set<String> FULL_RUN = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

    private Suite() {}

    /** Options: {@code --quick}, {@code --only 1,2,...}. */
    public static void main(String[] args) {
        Settings settings = Settings.fullRun();
        Set<String> only = FULL_RUN;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> settings = Settings.smokeRun();
                case "--only" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--only needs a list such as 1,4");
                    }
                    only = Set.copyOf(Arrays.asList(args[++i].split(",")));
                }
                default -> throw new IllegalArgumentException(
                        "unknown option " + args[i] + "; use --quick and/or --only 1,2,...,11");
            }
        }
        Instant started = Instant.now();
        List<Row> rows = new ArrayList<>();
        Settings s = settings;
        if (only.contains("1")) {
            rows.addAll(attempt("1. mapping", "see goals", () -> Jmh.mapping(s)));
        }
        if (only.contains("2")) {
            rows.addAll(attempt("2. repository vs raw client", "≥ 0.90×", () -> List.of(Jmh.repository(s))));
        }
        if (only.contains("3")) {
            rows.addAll(attempt("3. cold start", "≥ 2.00×", () -> ColdStart.measure(s)));
        }
        if (only.contains("4")) {
            rows.addAll(attempt("4. HTTP vs dynalite", "≥ 5.00×", () -> Http.measure(s)));
        }
        if (only.contains("5")) {
            rows.addAll(attempt("5. batch", "≥ 10.00×", () -> List.of(Batch.measure(s))));
        }
        if (only.contains("6")) {
            rows.addAll(attempt("6. memory", "≤ 1.20×", () -> List.of(Memory.measure(s))));
        }
        if (only.contains("7")) {
            rows.addAll(attempt("7. server CPU per request", "info", () -> ServerCpu.measure(s)));
        }
        if (only.contains("8")) {
            rows.addAll(attempt("8. ORM on small items", "≥ 0.90×", () -> SmallItems.measure(s)));
        }
        if (only.contains("9")) {
            rows.addAll(attempt("9. persistent writes", "≥ 0.50×", () -> PersistentWrites.measure(s)));
        }
        if (only.contains("10")) {
            rows.addAll(attempt("10. test suite time", "≥ 10.00×", () -> SuiteTime.measure(s)));
        }
        if (only.contains("11")) {
            rows.addAll(attempt("11. scale", "≤ 1.50×", () -> Scale.measure(s)));
        }
        Duration took = Duration.between(started, Instant.now());
        System.out.println();
        System.out.println(settings.smoke() ? "Quick (smoke) run: figures are not meaningful." : "Full run.");
        System.out.println("| measurement | ours | peer | ratio | goal | status |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(row -> System.out.println(row.markdown()));
        long met = rows.stream().filter(Row::met).count();
        long judged = rows.stream().filter(Row::judged).count();
        System.out.println();
        System.out.println(met + " of " + judged + " goals met; took " + took.toMinutes() + " min "
                + took.toSecondsPart() + " s.");
        if (rows.stream().anyMatch(row -> row.ours().startsWith("failed"))) {
            System.exit(1);
        }
    }

    private static List<Row> attempt(String name, String goal, Supplier<List<Row>> measurement) {
        System.out.println("== " + name + " ==");
        try {
            return measurement.get();
        } catch (RuntimeException e) {
            e.printStackTrace();
            return List.of(
                    Row.failed(name, goal, e.toString().replace('\n', ' ').replace('|', '/')));
        }
    }
}
