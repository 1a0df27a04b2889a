package io.restmachine.orm.bench.measure;

import io.restmachine.orm.bench.ChildJvm;
import io.restmachine.orm.bench.Row;
import io.restmachine.orm.bench.Settings;
import io.restmachine.orm.bench.suite.SuiteTimeChild;
import io.restmachine.orm.bench.suite.TaskSuite;
import io.restmachine.orm.test.DynamoDBTestSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Measurement 10: the wall-clock time of one realistic ORM test class ({@link TaskSuite}, 110
 * {@code @DynamoDBTest} tests, a fresh table each) run in a fresh JVM, start-up included: on the
 * in-process engine; against our HTTP server (own JVM); against dynalite (table create/delete
 * delays 0, the fastest it can be set; it has no transactions, so their 20 tests are skipped
 * there); against moto. Each server's start is inside its figure. Goal: in-process at least 10×
 * faster than dynalite and than moto. Every side runs with the JVM's default options; one more
 * in-process run with {@code -XX:TieredStopAtLevel=1} (what the README recommends for test JVMs)
 * is shown for information only.
 */
public final class SuiteTime {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private SuiteTime() {}

    public static List<Row> measure(Settings settings) {
        Run inProcess = run("in-process", null, List.of());
        Run c1 = run("in-process, -XX:TieredStopAtLevel=1", null, List.of("-XX:TieredStopAtLevel=1"));
        Run http = run("our HTTP server", () -> Peers.ours(List.of("-Xms256m", "-Xmx1g")), List.of());
        Run dynalite = run("dynalite", Peers::dynalite, List.of("-D" + TaskSuite.TRANSACTIONS + "=false"));
        Run moto = run("moto", Peers::moto, List.of());
        List<Row> rows = new ArrayList<>();
        rows.add(Row.info(
                "10. test class of 110 @DynamoDBTest tests, in-process vs our HTTP server",
                inProcess.text(),
                http.text(),
                http.seconds() / inProcess.seconds()));
        rows.add(Row.info(
                "10. test class of 110 @DynamoDBTest tests, in-process with vs without C1 only (README, Testing)",
                c1.text(),
                inProcess.text(),
                inProcess.seconds() / c1.seconds()));
        rows.add(Row.atLeast(
                "10. test class of 110 @DynamoDBTest tests, in-process vs dynalite",
                inProcess.text(),
                dynalite.text(),
                dynalite.seconds() / inProcess.seconds(),
                10.0));
        rows.add(Row.atLeast(
                "10. test class of 110 @DynamoDBTest tests, in-process vs moto",
                inProcess.text(),
                moto.text(),
                moto.seconds() / inProcess.seconds(),
                10.0));
        return rows;
    }

    /**
     * One run: wall seconds from the server's start (if any) to the test JVM's exit, and the CPU
     * seconds of the test JVM plus the server process (what other load inflates least).
     */
    private record Run(String name, double seconds, double cpuSeconds, Map<String, String> child) {
        String text() {
            return Row.fmt(seconds) + " s (" + name + "; " + child.get("succeeded") + " passed, " + child.get("skipped")
                    + " skipped; CPU " + Row.fmt(cpuSeconds) + " s; test JVM start to first test "
                    + ms("firstTestMillis")
                    + " s, first test done " + ms("firstTestDoneMillis") + " s, all done " + ms("jvmMillis") + " s)";
        }

        private String ms(String key) {
            String value = child.get(key);
            return value == null ? "?" : Row.fmt(Long.parseLong(value) / 1e3);
        }
    }

    private static Run run(String name, @Nullable Supplier<ServerProcess> server, List<String> options) {
        long started = System.nanoTime();
        ServerProcess process = server == null ? null : server.get();
        try {
            List<String> jvm = new ArrayList<>(List.of("-Xms256m", "-Xmx1g"));
            jvm.addAll(options);
            if (process != null) {
                URI endpoint = process.endpoint();
                jvm.add("-D" + DynamoDBTestSettings.ENDPOINT_PROPERTY + "=" + endpoint);
            }
            Map<String, String> child = ChildJvm.run(jvm, SuiteTimeChild.class, List.of(), TIMEOUT);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = Long.parseLong(child.getOrDefault("cpuMillis", "0")) / 1e3
                    + (process == null ? 0 : Math.max(0, process.cpuNanos()) / 1e9);
            System.out.printf("test class against %s: %.2f s, CPU %.2f s %s%n", name, seconds, cpu, child);
            return new Run(name, seconds, cpu, child);
        } finally {
            if (process != null) {
                process.close();
            }
        }
    }
}
