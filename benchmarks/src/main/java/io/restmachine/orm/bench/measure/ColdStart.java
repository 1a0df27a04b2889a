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
 * Measurement 3: median over fresh JVMs (alternating ours and the Enhanced Client so that load
 * drifts hit both alike) of {@link ColdStartChild}'s two timings.
 */
public final class ColdStart {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private ColdStart() {}

    /** Runs the children and returns three rows: JVM start to done, the ORM part alone, the model build alone. */
    public static List<Row> measure(Settings settings) {
        List<Long> oursTotal = new ArrayList<>();
        List<Long> oursOrm = new ArrayList<>();
        List<Long> enhancedTotal = new ArrayList<>();
        List<Long> enhancedOrm = new ArrayList<>();
        List<Long> oursSchema = new ArrayList<>();
        List<Long> enhancedSchema = new ArrayList<>();
        for (int i = 0; i < settings.coldStartRuns(); i++) {
            Map<String, String> ours = ChildJvm.run(List.of(), ColdStartChild.class, List.of("ours"), TIMEOUT);
            oursTotal.add(Long.parseLong(ours.get("total")));
            oursOrm.add(Long.parseLong(ours.get("orm")));
            oursSchema.add(Long.parseLong(ours.get("schema")));
            Map<String, String> enhanced = ChildJvm.run(List.of(), ColdStartChild.class, List.of("enhanced"), TIMEOUT);
            enhancedTotal.add(Long.parseLong(enhanced.get("total")));
            enhancedOrm.add(Long.parseLong(enhanced.get("orm")));
            enhancedSchema.add(Long.parseLong(enhanced.get("schema")));
        }
        return List.of(
                row("3. cold start, JVM start → item read back", median(oursTotal), median(enhancedTotal)),
                row("3. cold start, engine ready → item read back", median(oursOrm), median(enhancedOrm)),
                row("3. cold start, engine ready → model/schema built", median(oursSchema), median(enhancedSchema)));
    }

    private static Row row(String name, long ours, long enhanced) {
        return Row.atLeast(
                name, ours + " ms", enhanced + " ms (Enhanced bean)", (double) enhanced / Math.max(1, ours), 2.0);
    }

    /** The median of the values (the lower middle one for an even count). */
    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }
}
