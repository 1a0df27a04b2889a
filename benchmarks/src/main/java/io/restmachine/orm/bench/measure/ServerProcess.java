package io.restmachine.orm.bench.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
