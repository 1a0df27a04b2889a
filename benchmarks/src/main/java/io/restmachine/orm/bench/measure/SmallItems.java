package io.restmachine.orm.bench.measure;

import io.restmachine.orm.bench.ChildJvm;
import io.restmachine.orm.bench.Row;
import io.restmachine.orm.bench.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measurement 8: create+get through a repository against the raw client doing the same conditional
 * put and get, on a 5-attribute record and on the 13-attribute order, over the first 10,000
 * operations of a fresh JVM once the repository is built (where test suites live) and warm. Each
 * side and shape runs in its own JVM ({@link SmallItemsChild}); repository and raw alternate, twice,
 * and each figure is the better of its two runs, so that a burst of other load hits one run only.
 * The wall-clock ratio is judged; the thread-CPU ratio is printed beside it (load inflates it less).
 */
public final class SmallItems {
    private static final List<String> HEAP = List.of("-Xms512m", "-Xmx512m");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private SmallItems() {}

    public static List<Row> measure(Settings settings) {
        String warmup = settings.smoke() ? "0.5" : "15";
        String measured = settings.smoke() ? "0.5" : "8";
        int runs = settings.smoke() ? 1 : 2;
        String first = Integer.toString(settings.smoke() ? 200 : SmallItemsChild.FIRST);
        List<Row> rows = new ArrayList<>();
        for (String shape : List.of("note", "order")) {
            double[] repo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            double[] raw = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            for (int run = 0; run < runs; run++) {
                best(
                        repo,
                        ChildJvm.run(
                                HEAP,
                                SmallItemsChild.class,
                                List.of("repository", shape, warmup, measured, first),
                                TIMEOUT));
                best(
                        raw,
                        ChildJvm.run(
                                HEAP, SmallItemsChild.class, List.of("raw", shape, warmup, measured, first), TIMEOUT));
            }
            String what = shape.equals("note") ? "5-attribute record" : "13-attribute order";
            rows.add(Row.atLeast(
                    "8. create+get, repository vs raw client, " + what + ", first "
                            + String.format(java.util.Locale.ROOT, "%,d", Integer.parseInt(first)) + " in a fresh JVM",
                    Row.fmt(repo[0] / 1e6) + " s (CPU " + Row.fmt(repo[1] / 1e6) + " s)",
                    Row.fmt(raw[0] / 1e6) + " s (CPU " + Row.fmt(raw[1] / 1e6) + " s, raw; CPU ratio "
                            + String.format(java.util.Locale.ROOT, "%.2f×", raw[1] / repo[1]) + ")",
                    raw[0] / repo[0],
                    0.9));
            rows.add(Row.atLeast(
                    "8. create+get, repository vs raw client, " + what + ", warm",
                    Row.fmt(1e9 / repo[2]) + " ops/s (CPU " + Row.fmt(repo[3] / 1e3) + " µs/op)",
                    Row.fmt(1e9 / raw[2]) + " ops/s (CPU " + Row.fmt(raw[3] / 1e3) + " µs/op, raw; CPU ratio "
                            + String.format(java.util.Locale.ROOT, "%.2f×", raw[3] / repo[3]) + ")",
                    raw[2] / repo[2],
                    0.9));
        }
        return rows;
    }

    /** Keeps the lower of each figure: first 10,000 wall and CPU (µs), warm wall and CPU per op (ns). */
    private static void best(double[] kept, Map<String, String> child) {
        double ops = Double.parseDouble(child.get("warmOps"));
        double[] figures = {
            Double.parseDouble(child.get("firstWallNanos")) / 1e3,
            Double.parseDouble(child.get("firstCpuNanos")) / 1e3,
            Double.parseDouble(child.get("warmWallNanos")) / ops,
            Double.parseDouble(child.get("warmCpuNanos")) / ops
        };
        for (int i = 0; i < kept.length; i++) {
            kept[i] = Math.min(kept[i], figures[i]);
        }
    }
}
