package io.restmachine.dynamodb.embedded.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The third-party DynamoDB-compatible server the test suites compare against: dynalite, installed
 * from npm by {@code npm ci} at the project root (pinned in {@code package.json} and its lock file).
 *
 * <p>One dynalite process per test JVM, started on first use on a free port of 127.0.0.1 with no
 * table-state delays, stopped when the JVM exits.
 *
 * <pre>{@code
 * Dynalite.assumeAvailable();            // skips (or, under CI=true, fails) when not installed
 * URI endpoint = Dynalite.endpoint();
 * }</pre>
 */
public final class Dynalite {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static @Nullable URI endpoint;
    private static @Nullable Process process;

    private Dynalite() {}

    /** The project root: where {@code package.json} lives. */
    public static Path projectRoot() {
        String configured = System.getProperty("restmachine.projectRoot");
        if (configured != null && Files.exists(Paths.get(configured, "package.json"))) {
            return Paths.get(configured).toAbsolutePath();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("package.json")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the project root (package.json) above "
                + Paths.get("").toAbsolutePath());
    }

    /** The dynalite command-line script, if {@code npm ci} has installed it. */
    public static Optional<Path> script() {
        Path cli = projectRoot().resolve("node_modules/dynalite/cli.js");
        return Files.isRegularFile(cli) ? Optional.of(cli) : Optional.empty();
    }

    /** Whether dynalite is installed and can be started. */
    public static boolean installed() {
        return script().isPresent();
    }

    /** A one-line reason to show when dynalite tests are skipped. */
    public static String notInstalledReason() {
        return "dynalite is not installed: run `npm ci` in " + projectRoot() + " (CI does this in .ci/run)";
    }

    /**
     * Skips the calling test (JUnit assumption) when dynalite is not installed; under {@code CI=true}
     * a missing dynalite is an error instead, so that CI never silently skips the comparison.
     */
    public static void assumeAvailable() {
        if (installed()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(notInstalledReason());
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(false, notInstalledReason());
    }

    /** The endpoint of this JVM's dynalite, starting it on first call. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    private static URI start() {
        int port = freePort();
        List<String> command = command(port);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Process started = builder.start();
            process = started;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "dynalite-stop"));
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> pumpOutput(started, ready), "dynalite-output");
            reader.setDaemon(true);
            reader.start();
            ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return URI.create("http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dynalite with `" + String.join(" ", command) + "`", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("dynalite did not report listening within " + START_TIMEOUT, e);
        } catch (Exception e) {
            throw new IllegalStateException("dynalite failed to start: " + e.getMessage(), e);
        }
    }

    private static void pumpOutput(Process started, CompletableFuture<Void> ready) {
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("listening")) {
                    ready.complete(null);
                } else if (!ready.isDone()) {
                    seen.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("dynalite exited: " + seen));
    }

    /**
     * The command that starts the installed dynalite on {@code port} of 127.0.0.1 with no
     * table-state delays; {@link IllegalStateException} with {@link #notInstalledReason()} when it is
     * not installed. The benchmarks start their own dynalite process with it.
     */
    public static List<String> command(int port) {
        Path cli = script().orElseThrow(() -> new IllegalStateException(notInstalledReason()));
        return List.of(
                "node",
                cli.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--createTableMs",
                "0",
                "--deleteTableMs",
                "0",
                "--updateTableMs",
                "0");
    }

    /** A free TCP port of 127.0.0.1 (free when asked; the caller binds it soon after). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Stops dynalite now (normally it stops with the JVM). */
    public static synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            process = null;
            endpoint = null;
        }
    }
}
