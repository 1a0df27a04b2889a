package io.restmachine.dynamodb.embedded;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the HTTP server listens and who may call it: by default 127.0.0.1 and anyone; with access
 * keys, only requests signed (AWS Signature Version 4) by one of them.
 *
 * <pre>{@code
 * ServerOptions options = ServerOptions.port(8000).withAccessKey("AKIDLOCAL", "local-secret");
 * try (ServerHandle server = db.serve(options)) {
 *     // clients must sign with AKIDLOCAL / local-secret; anything else gets DynamoDB's auth errors
 * }
 * }</pre>
 *
 * <p>The server also bounds what a client can hold: at most {@code maxConnections} open
 * connections (a connection beyond them is answered {@code 503 ServiceUnavailable}, which SDKs
 * retry, and closed); a request must arrive whole within absolute deadlines, its request line and
 * headers within {@code headerDeadline} of its first byte and its body within {@code
 * bodyDeadline} after the headers, however slowly it trickles in (else {@code 408} and the
 * connection is closed); a kept-alive connection may wait {@code idleTimeout} for its next
 * request.
 *
 * @param host the address to bind; anything but a loopback address exposes the server to the network
 * @param port the port; 0 picks any free port
 * @param accessKeys secret access key by access key id; empty means no authentication
 * @param maxConnections the most connections open at once (default 1024)
 * @param idleTimeout how long a connection may wait for its next request (default 60 s)
 * @param headerDeadline how long a request's line and headers may take from its first byte (default 10 s)
 * @param bodyDeadline how long a request's body may take after its headers (default 30 s)
 * @param corsOrigins the origins whose web pages may call the server from a browser ({@code *}: any);
 *     none by default, since without authentication any page open in the browser could otherwise
 *     read and change the tables
 */
public record ServerOptions(
        String host,
        int port,
        Map<String, String> accessKeys,
        int maxConnections,
        Duration idleTimeout,
        Duration headerDeadline,
        Duration bodyDeadline,
        List<String> corsOrigins) {
    /** The address the server binds unless told otherwise. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The default connection cap. */
    public static final int MAX_CONNECTIONS = 1024;

    /** The default time a connection may wait for its next request. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The default deadline for a request's line and headers: SDK clients write a request in one
     * go, so even a large one arrives in milliseconds; 10 s leaves room for a slow network and
     * frees a connection held by a client that sends a byte at a time.
     */
    public static final Duration HEADER_DEADLINE = Duration.ofSeconds(10);

    /**
     * The default deadline for a request's body: 30 s carries the largest body DynamoDB accepts
     * (16 MB) at about 0.5 MB/s, far below any network an SDK client would use.
     */
    public static final Duration BODY_DEADLINE = Duration.ofSeconds(30);

    /** {@code host} and {@code port} with {@code accessKeys} and the default limits. */
    public ServerOptions(String host, int port, Map<String, String> accessKeys) {
        this(host, port, accessKeys, MAX_CONNECTIONS, IDLE_TIMEOUT, HEADER_DEADLINE, BODY_DEADLINE, List.of());
    }

    public ServerOptions {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(headerDeadline, "headerDeadline");
        Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("headerDeadline", headerDeadline);
        requirePositive("bodyDeadline", bodyDeadline);
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must name an address to bind, e.g. 127.0.0.1; got a blank string");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 (any free port) and 65535, got " + port);
        }
        accessKeys.forEach((id, secret) -> requireKey(id, secret));
        accessKeys = Map.copyOf(accessKeys);
        corsOrigins = List.copyOf(corsOrigins);
        for (String origin : corsOrigins) {
            if (!origin.equals("*") && !origin.matches("[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s]+")) {
                throw new IllegalArgumentException("a CORS origin is * or scheme://host[:port] with no path, e.g."
                        + " http://localhost:3000; got '" + origin + "'");
            }
        }
    }

    /** 127.0.0.1 on {@code port} (0: any free port), without authentication. */
    public static ServerOptions port(int port) {
        return new ServerOptions(LOOPBACK, port, Map.of());
    }

    /** These options bound to {@code host} instead. */
    public ServerOptions withHost(String host) {
        return new ServerOptions(
                host, port, accessKeys, maxConnections, idleTimeout, headerDeadline, bodyDeadline, corsOrigins);
    }

    /** These options with at most {@code connections} connections open at once. */
    public ServerOptions withMaxConnections(int connections) {
        return new ServerOptions(
                host, port, accessKeys, connections, idleTimeout, headerDeadline, bodyDeadline, corsOrigins);
    }

    /** These options with another wait for a kept-alive connection's next request. */
    public ServerOptions withIdleTimeout(Duration timeout) {
        return new ServerOptions(
                host, port, accessKeys, maxConnections, timeout, headerDeadline, bodyDeadline, corsOrigins);
    }

    /** These options with other absolute deadlines for a request's line and headers, and for its body. */
    public ServerOptions withRequestDeadlines(Duration headers, Duration body) {
        return new ServerOptions(host, port, accessKeys, maxConnections, idleTimeout, headers, body, corsOrigins);
    }

    /**
     * These options plus one accepted access key; with at least one key the server refuses every
     * request not signed by a configured key.
     */
    public ServerOptions withAccessKey(String accessKeyId, String secretAccessKey) {
        requireKey(accessKeyId, secretAccessKey);
        Map<String, String> keys = new LinkedHashMap<>(accessKeys);
        keys.put(accessKeyId, secretAccessKey);
        return new ServerOptions(
                host, port, keys, maxConnections, idleTimeout, headerDeadline, bodyDeadline, corsOrigins);
    }

    /**
     * These options answering web pages from {@code origins} with CORS headers ({@code *}: any
     * origin, as DynamoDB does; only sensible with authentication or on a machine without a browser).
     */
    public ServerOptions withCorsOrigins(List<String> origins) {
        return new ServerOptions(
                host, port, accessKeys, maxConnections, idleTimeout, headerDeadline, bodyDeadline, origins);
    }

    /** Whether requests must be signed by one of {@link #accessKeys()}. */
    public boolean requiresAuth() {
        return !accessKeys.isEmpty();
    }

    /** Host, port, access key ids and limits; never the secrets. */
    @Override
    public String toString() {
        return "ServerOptions[host=" + host + ", port=" + port + ", accessKeyIds=" + accessKeys.keySet()
                + ", maxConnections=" + maxConnections + ", idleTimeout=" + idleTimeout + ", headerDeadline="
                + headerDeadline + ", bodyDeadline=" + bodyDeadline + "]";
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    name + " must be positive and at most " + Integer.MAX_VALUE + " ms, got " + duration);
        }
    }

    private static void requireKey(String id, String secret) {
        Objects.requireNonNull(id, "accessKeyId");
        Objects.requireNonNull(secret, "secretAccessKey");
        if (id.isEmpty() || id.contains("/") || id.contains(",") || !id.strip().equals(id)) {
            throw new IllegalArgumentException("access key id must be non-empty, without '/', ',' or surrounding"
                    + " spaces (it travels inside the Credential of the Authorization header); got '" + id + "'");
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the secret access key of '" + id + "' must not be empty");
        }
    }
}
