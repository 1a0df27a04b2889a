package io.restmachine.orm.bench.measure;

import io.restmachine.orm.bench.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A quick run of measurement 4's lean-driver phases against our server only (no dynalite, moto or
 * SDK phases): the figures to compare two builds of the server by, side by side, in about a
 * minute. Prints each phase's requests per second and the server process's CPU per request
 * (after the phase's warm-up, which {@link Http} counts in), with that CPU split by thread. The server child runs with measurement 4's JVM options plus those of
 * the system property {@code bench.serverOptions} (space-separated, e.g. a flight recording); to
 * measure another build's server, put that build's {@code restmachine-dynamodb-embedded} classes
 * first on the class path (the child inherits it).
 *
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *     io.restmachine.orm.bench.measure.HttpOurs [warm-up seconds] [measured seconds]
 * </pre>
 */
public final class HttpOurs {
    private HttpOurs() {}

    public static void main(String[] args) {
        Duration warmup = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 2);
        Duration measure = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 6);
        Settings full = Settings.fullRun();
        Settings settings = new Settings(
                false,
                full.mappingJmh(),
                full.repositoryJmh(),
                full.coldStartRuns(),
                warmup,
                measure,
                full.batchItems(),
                full.memorySmall(),
                full.memoryLarge());
        List<String> options = new ArrayList<>(List.of("-Xms512m", "-Xmx1g"));
        String extra = System.getProperty("bench.serverOptions", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(Arrays.asList(extra.split(" +")));
        }
        try (ServerProcess server = Peers.ours(options)) {
            Http.load(server.endpoint());
            Http.warmUp(server.endpoint(), settings, true, false);
            System.out.println("server pid " + server.pid() + " warmed up at " + java.time.Instant.now());
            try (LeanDriver lean = new LeanDriver(server.endpoint(), 8)) {
                phase(server, settings, "PutItem @1", 1, lean::put);
                phase(server, settings, "PutItem @8", 8, lean::put);
                phase(server, settings, "GetItem @1", 1, lean::get);
                phase(server, settings, "GetItem @8", 8, (t, n) -> lean.get(t, n * 7 + t));
            }
        }
    }

    /**
     * One phase: its rate, the server's CPU per request, and that CPU per request by thread (group),
     * over the measured time only (unlike {@link Http}, whose figures count the warm-up too: here the
     * steady state is compared, with the JIT's compilations of the warm-up left out).
     */
    private static void phase(ServerProcess server, Settings settings, String name, int threads, Load.Request request) {
        new Load(Duration.ZERO, settings.httpWarmup()).run(threads, request);
        Load load = new Load(Duration.ZERO, settings.httpMeasure());
        LongAdder requests = new LongAdder();
        Map<String, Long> threadsBefore = server.threadTicks();
        long before = server.cpuNanos();
        double rate = load.run(threads, (t, n) -> {
            request.run(t, n);
            requests.increment();
        });
        long used = server.cpuNanos() - before;
        Map<String, Long> threadsAfter = server.threadTicks();
        System.out.println("phase " + name + " ended at " + java.time.Instant.now());
        double perRequest = used / (double) requests.sum();
        System.out.printf(
                "RESULT %-12s %10.0f requests/s  %8.1f µs server CPU per request%n", name, rate, perRequest / 1e3);
        StringBuilder split = new StringBuilder("  by thread (µs/request):");
        for (Map.Entry<String, Long> thread : threadsAfter.entrySet()) {
            long ticks = thread.getValue() - threadsBefore.getOrDefault(thread.getKey(), 0L);
            if (ticks > 0) {
                split.append(String.format(" %s=%.1f", thread.getKey(), ticks * 1e7 / requests.sum() / 1e3));
            }
        }
        System.out.println(split);
    }
}
