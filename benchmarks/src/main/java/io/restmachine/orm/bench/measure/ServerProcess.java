package io.restmachine.orm.bench.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A DynamoDB-compatible server in its own process (our engine in a child JVM, or dynalite under
 * node), started and ready when the constructor returns, stopped by {@link #close()}.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;

    /**
     * Starts the command and waits until {@code ready} maps one of its output lines to the endpoint.
     *
     * @param ready the endpoint announced by a line, or null for lines that announce nothing
     */
    ServerProcess(String name, List<String> command, Function<String, @Nullable URI> ready) {
        this(name, command, Map.of(), ready);
    }

    /** The same, with {@code environment} added to this JVM's for the command. */
    ServerProcess(
            String name, List<String> command, Map<String, String> environment, Function<String, @Nullable URI> ready) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " with `" + String.join(" ", command) + "`", e);
        }
        CompletableFuture<URI> announced = new CompletableFuture<>();
        Thread reader = new Thread(() -> pump(announced, ready), name + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            endpoint = announced.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not start within " + START_TIMEOUT + ": " + e.getMessage(), e);
        }
    }

    /**
     * CPU time (user + system) the server's process and its descendants have used so far, from
     * {@code /proc} (10 ms ticks); -1 where there is no {@code /proc}. A server's CPU time per
     * request is what other processes' load inflates least.
     */
    long cpuNanos() {
        long ticks = ticks(process.pid());
        if (ticks < 0) {
            return -1;
        }
        for (ProcessHandle child : process.descendants().toList()) {
            ticks += Math.max(0, ticks(child.pid()));
        }
        return ticks * 10_000_000L;
    }

    /**
     * CPU ticks (10 ms) of each thread of the server process so far, in user and in system mode, by
     * thread name with digits dropped (so that a pool's threads add up), from {@code /proc}; empty
     * where there is none.
     */
    Map<String, Long> threadTicks() {
        Map<String, Long> ticks = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[0-9]+", "#");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name + " user", Long.parseLong(fields[11]), Long::sum);
                    ticks.merge(name + " sys", Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return ticks;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name in parentheses (which may hold spaces): utime is the 14th
            // field of the line, stime the 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The server's process id. */
    long pid() {
        return process.pid();
    }

    /** Where the server listens, on 127.0.0.1. */
    URI endpoint() {
        return endpoint;
    }

    private void pump(CompletableFuture<URI> announced, Function<String, @Nullable URI> ready) {
        StringBuilder early = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!announced.isDone()) {
                    URI uri = ready.apply(line);
                    if (uri != null) {
                        announced.complete(uri);
                    } else {
                        early.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            announced.completeExceptionally(e);
        }
        announced.completeExceptionally(new IllegalStateException("exited before it was ready; output:\n" + early));
    }

    /** Stops the server process and waits (bounded) for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
