package io.restmachine.dynamodb.embedded.conformance;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The embedded engine's HTTP server ({@code EmbeddedDynamoDB.inMemory().startServer(0)}), found
 * reflectively so that the suite compiles and runs against dynalite alone on a branch where the
 * engine has not landed yet.
 */
final class EmbeddedPeer implements AutoCloseable {
    static final String ENGINE_CLASS = "io.restmachine.dynamodb.embedded.EmbeddedDynamoDB";

    private final AutoCloseable engine;
    private final URI endpoint;

    private EmbeddedPeer(AutoCloseable engine, URI endpoint) {
        this.engine = engine;
        this.endpoint = endpoint;
    }

    /** A started engine, or empty when its class is not on the class path. */
    static Optional<EmbeddedPeer> startIfPresent() {
        Class<?> type;
        try {
            type = Class.forName(ENGINE_CLASS);
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        @Nullable AutoCloseable engine = null;
        try {
            engine = (AutoCloseable) type.getMethod("inMemory").invoke(null);
            URI endpoint = (URI) type.getMethod("startServer", int.class).invoke(engine, 0);
            return Optional.of(new EmbeddedPeer(engine, endpoint));
        } catch (InvocationTargetException e) {
            closeQuietly(engine);
            throw new IllegalStateException("the embedded engine failed to start its HTTP server", e.getCause());
        } catch (ReflectiveOperationException | ClassCastException e) {
            closeQuietly(engine);
            throw new IllegalStateException(
                    "expected EmbeddedDynamoDB.inMemory() returning an AutoCloseable"
                            + " and startServer(int) returning a URI (api.md)",
                    e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        engine.close();
    }

    private static void closeQuietly(@Nullable AutoCloseable engine) {
        if (engine == null) {
            return;
        }
        try {
            engine.close();
        } catch (Exception ignored) {
            // already failing to start; the start failure is the error worth reporting
        }
    }
}
