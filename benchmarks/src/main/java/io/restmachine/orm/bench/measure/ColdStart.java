package io.restmachine.orm.bench.measure;

import io.restmachine.orm.bench.ChildJvm;
import io.restmachine.orm.bench.Row;
import io.restmachine.orm.bench.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measurement 3: median over fresh JVMs of {@link ColdStartChild}'s timings for three sides, run in
 * turn (ours, the Enhanced Client, the raw client) so that load drifts hit all alike. The raw
 * client is the floor every mapper shares (JVM, engine, the SDK client's first calls); the goal is
 * judged on the time each mapper adds above it.
 */
public final class ColdStart {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> SIDES = List.of("ours", "enhanced", "raw");

    private ColdStart() {}

    /**
     * Runs the children and returns the rows: the judged one (engine ready → read back, above the
     * raw client), then for information the totals and the model build alone.
     */
    public static List<Row> measure(Settings settings) {
        Map<String, Times> times = Map.of("ours", new Times(), "enhanced", new Times(), "raw", new Times());
        for (int i = 0; i < settings.coldStartRuns(); i++) {
            for (String side : SIDES) {
                times.get(side).add(ChildJvm.run(List.of(), ColdStartChild.class, List.of(side), TIMEOUT));
            }
        }
        Times ours = times.get("ours");
        Times enhanced = times.get("enhanced");
        Times raw = times.get("raw");
        long oursAbove = median(ours.orm) - median(raw.orm);
        long enhancedAbove = median(enhanced.orm) - median(raw.orm);
        return List.of(
                Row.atLeast(
                        "3. cold start, engine ready → item read back, above the raw client",
                        oursAbove + " ms (" + median(ours.orm) + " − " + median(raw.orm) + ")",
                        enhancedAbove + " ms (" + median(enhanced.orm) + " − " + median(raw.orm) + ", Enhanced bean)",
                        (double) Math.max(0, enhancedAbove) / Math.max(1, oursAbove),
                        2.0),
                Row.info(
                        "3. cold start, same, main-thread CPU time (robust to other load)",
                        (median(ours.ormCpu) - median(raw.ormCpu)) + " ms (" + median(ours.ormCpu) + " − "
                                + median(raw.ormCpu) + ")",
                        (median(enhanced.ormCpu) - median(raw.ormCpu)) + " ms (" + median(enhanced.ormCpu) + " − "
                                + median(raw.ormCpu) + ", Enhanced bean)",
                        (double) Math.max(0, median(enhanced.ormCpu) - median(raw.ormCpu))
                                / Math.max(1, median(ours.ormCpu) - median(raw.ormCpu))),
                info("3. cold start, JVM start → item read back", ours.total, enhanced.total, raw.total),
                info("3. cold start, engine ready → item read back", ours.orm, enhanced.orm, raw.orm),
                Row.info(
                        "3. cold start, engine ready → model/schema built",
                        median(ours.schema) + " ms",
                        median(enhanced.schema) + " ms (Enhanced bean)",
                        (double) median(enhanced.schema) / Math.max(1, median(ours.schema))));
    }

    private static Row info(String name, List<Long> ours, List<Long> enhanced, List<Long> raw) {
        return Row.info(
                name,
                median(ours) + " ms",
                median(enhanced) + " ms (Enhanced bean; raw client " + median(raw) + " ms)",
                (double) median(enhanced) / Math.max(1, median(ours)));
    }

    /** The median of the values (the lower middle one for an even count). */
    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** One side's timings over the runs, in milliseconds. */
    private static final class Times {
        final List<Long> total = new ArrayList<>();
        final List<Long> orm = new ArrayList<>();
        final List<Long> ormCpu = new ArrayList<>();
        final List<Long> schema = new ArrayList<>();

        void add(Map<String, String> result) {
            total.add(Long.parseLong(result.get("total")));
            orm.add(Long.parseLong(result.get("orm")));
            ormCpu.add(Long.parseLong(result.get("ormCpu")));
            schema.add(Long.parseLong(result.get("schema")));
        }
    }
}
