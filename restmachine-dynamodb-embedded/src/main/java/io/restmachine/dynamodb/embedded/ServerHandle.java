package io.restmachine.dynamodb.embedded;

import java.net.URI;

/**
 * A running HTTP server of an {@link EmbeddedDynamoDB}; closing it stops the server (the engine
 * and its data stay).
 *
 * <pre>{@code
 * try (ServerHandle server = db.serve("127.0.0.1", 0)) {
 *     URI endpoint = server.endpoint();
 * }
 * }</pre>
 */
public interface ServerHandle extends AutoCloseable {
    /** Where the server listens, e.g. {@code http://127.0.0.1:8000}. */
    URI endpoint();

    /** The port it listens on. */
    default int port() {
        return endpoint().getPort();
    }

    /** Stops the server. */
    @Override
    void close();
}
