package io.restmachine.dynamodb.embedded;

import java.util.LinkedHashMap;
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
 * @param host the address to bind; anything but a loopback address exposes the server to the network
 * @param port the port; 0 picks any free port
 * @param accessKeys secret access key by access key id; empty means no authentication
 */
public record ServerOptions(String host, int port, Map<String, String> accessKeys) {
    /** The address the server binds unless told otherwise. */
    public static final String LOOPBACK = "127.0.0.1";

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must name an address to bind, e.g. 127.0.0.1; got a blank string");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 (any free port) and 65535, got " + port);
        }
        accessKeys.forEach((id, secret) -> requireKey(id, secret));
        accessKeys = Map.copyOf(accessKeys);
    }

    /** 127.0.0.1 on {@code port} (0: any free port), without authentication. */
    public static ServerOptions port(int port) {
        return new ServerOptions(LOOPBACK, port, Map.of());
    }

    /** These options bound to {@code host} instead. */
    public ServerOptions withHost(String host) {
        return new ServerOptions(host, port, accessKeys);
    }

    /**
     * These options plus one accepted access key; with at least one key the server refuses every
     * request not signed by a configured key.
     */
    public ServerOptions withAccessKey(String accessKeyId, String secretAccessKey) {
        requireKey(accessKeyId, secretAccessKey);
        Map<String, String> keys = new LinkedHashMap<>(accessKeys);
        keys.put(accessKeyId, secretAccessKey);
        return new ServerOptions(host, port, keys);
    }

    /** Whether requests must be signed by one of {@link #accessKeys()}. */
    public boolean requiresAuth() {
        return !accessKeys.isEmpty();
    }

    /** Host, port and access key ids; never the secrets. */
    @Override
    public String toString() {
        return "ServerOptions[host=" + host + ", port=" + port + ", accessKeyIds=" + accessKeys.keySet() + "]";
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
