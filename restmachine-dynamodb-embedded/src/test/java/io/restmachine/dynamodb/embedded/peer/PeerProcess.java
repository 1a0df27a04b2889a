package io.restmachine.dynamodb.embedded.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A peer server the tests start as a child process on a free port of 127.0.0.1: started once, ready
 * when its output says it listens, stopped (with any process it started) by {@link #stop()} or when
 * the JVM exits.
 */
final class PeerProcess {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URI endpoint;

    private PeerProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * Starts {@code command} (which must listen on {@code port}) and waits, at most 30 seconds, for
     * an output line that {@code ready} accepts.
     */
    static PeerProcess start(
            String name, List<String> command, Map<String, String> environment, int port, Predicate<String> ready) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process started;
        try {
            started = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " with `" + String.join(" ", command) + "`", e);
        }
        PeerProcess peer = new PeerProcess(started, URI.create("http://127.0.0.1:" + port));
        Runtime.getRuntime().addShutdownHook(new Thread(peer::stop, name + "-stop"));
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> pumpOutput(name, started, ready, listening), name + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return peer;
        } catch (TimeoutException e) {
            peer.stop();
            throw new IllegalStateException(name + " did not report listening within " + START_TIMEOUT, e);
        } catch (ExecutionException e) {
            peer.stop();
            throw new IllegalStateException(
                    name + " failed to start: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            peer.stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
    }

    /** Reads the server's output to its end (so it never blocks on a full pipe), completing on readiness. */
    private static void pumpOutput(
            String name, Process started, Predicate<String> ready, CompletableFuture<Void> listening) {
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (ready.test(line)) {
                    listening.complete(null);
                } else if (!listening.isDone()) {
                    seen.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException(name + " exited: " + seen));
    }

    URI endpoint() {
        return endpoint;
    }

    /** Stops the server and whatever it started (a launcher script's child, say). */
    void stop() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** A free TCP port of 127.0.0.1 (free when asked; the caller binds it soon after). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** One peer process per JVM, started on first use. */
    static final class Shared {
        private final Supplier<PeerProcess> starter;
        private @Nullable PeerProcess running;

        Shared(Supplier<PeerProcess> starter) {
            this.starter = starter;
        }

        synchronized URI endpoint() {
            PeerProcess peer = running;
            if (peer == null) {
                peer = starter.get();
                running = peer;
            }
            return peer.endpoint();
        }

        synchronized void stop() {
            if (running != null) {
                running.stop();
                running = null;
            }
        }
    }
}
