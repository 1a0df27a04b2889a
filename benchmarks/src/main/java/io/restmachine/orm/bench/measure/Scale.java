package io.restmachine.orm.bench.measure;

import io.restmachine.orm.bench.ChildJvm;
import io.restmachine.orm.bench.Row;
import io.restmachine.orm.bench.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measurement 11 (only with {@code --only 11}: about 6 minutes on 2 quiet cores, most of it loading
 * a million 1 KB items twice): GetItem, PutItem and a 100-item Query through the in-process SDK
 * client on a table of 10,000 items and on one of 1,000,000, in-memory and persistent, each size in
 * a fresh JVM ({@link ScaleChild}, 6 GB heap). The judged ratio is the time per operation on the
 * large table over the small one (goal: at most 1.5); heap per million items and the persistent
 * engine's recovery time for the large table are reported beside it.
 */
public final class Scale {
    private static final List<String> HEAP = List.of("-Xms1g", "-Xmx6g");
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private Scale() {}

    public static List<Row> measure(Settings settings) {
        int small = settings.smoke() ? 1_000 : 10_000;
        int large = settings.smoke() ? 20_000 : 1_000_000;
        String seconds = settings.smoke() ? "0.5" : "5";
        List<Row> rows = new ArrayList<>();
        for (String engine : List.of("memory", "persistent")) {
            Map<String, String> s =
                    ChildJvm.run(HEAP, ScaleChild.class, List.of(engine, Integer.toString(small), seconds), TIMEOUT);
            Map<String, String> l =
                    ChildJvm.run(HEAP, ScaleChild.class, List.of(engine, Integer.toString(large), seconds), TIMEOUT);
            String where = engine.equals("memory") ? "in-memory" : "persistent";
            for (String operation : List.of("get", "put", "query")) {
                double smallWall = Double.parseDouble(s.get(operation + "Wall")) / 1e3;
                double largeWall = Double.parseDouble(l.get(operation + "Wall")) / 1e3;
                double smallCpu = Double.parseDouble(s.get(operation + "Cpu")) / 1e3;
                double largeCpu = Double.parseDouble(l.get(operation + "Cpu")) / 1e3;
                String name =
                        switch (operation) {
                            case "get" -> "GetItem";
                            case "put" -> "PutItem";
                            default -> "Query of 100 items";
                        };
                rows.add(Row.atMost(
                        "11. scale, " + where + " " + name + ", " + count(large) + " vs " + count(small)
                                + " items of 1 KB (growth)",
                        Row.fmt(largeWall) + " µs (CPU " + Row.fmt(largeCpu) + ")",
                        Row.fmt(smallWall) + " µs (CPU " + Row.fmt(smallCpu) + ")",
                        largeWall / smallWall,
                        1.5));
            }
            double perMillion = 1e6 / (large - small);
            double loaded = (Long.parseLong(l.get("heapLoaded")) - Long.parseLong(s.get("heapLoaded"))) * perMillion;
            double read = (Long.parseLong(l.get("heapRead")) - Long.parseLong(s.get("heapRead"))) * perMillion;
            rows.add(Row.info(
                    "11. scale, " + where + " heap per million 1 KB items (every item read once, so cached JSON kept)",
                    mib(read) + " MiB",
                    mib(loaded) + " MiB (never read); " + count(large) + " items loaded in "
                            + Row.fmt(Double.parseDouble(l.get("loadSeconds"))) + " s by BatchWriteItem",
                    read / loaded));
            if (engine.equals("persistent")) {
                rows.add(Row.info(
                        "11. scale, persistent recovery (open) of " + count(large) + " items",
                        Row.fmt(Double.parseDouble(l.get("recoverySeconds"))) + " s (" + l.get("recoveredItems")
                                + " items)",
                        Row.fmt(Double.parseDouble(l.get("loadSeconds"))) + " s to load them",
                        Double.NaN));
            }
        }
        return rows;
    }

    private static String count(int items) {
        return String.format(java.util.Locale.ROOT, "%,d", items);
    }

    private static String mib(double bytes) {
        return Row.fmt(bytes / 1048576.0);
    }
}
