package io.restmachine.dynamodb.embedded.protocol;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restmachine.dynamodb.embedded.auth.SignatureVerifier;
import io.restmachine.dynamodb.embedded.auth.SignedRequest;
import io.restmachine.dynamodb.embedded.error.DynamoError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP face of the {@link ProtocolHandler}: the JDK's HTTP server on a bounded pool of worker
 * threads. Bodies over DynamoDB's 16 MB limit are refused with 413 without being read whole.
 */
public final class HttpTransport implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each
        // response then waits for the client's delayed ACK (~40 ms). Read once, at first use.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final URI endpoint;

    private HttpTransport(HttpServer server, ExecutorService workers, URI endpoint) {
        this.server = server;
        this.workers = workers;
        this.endpoint = endpoint;
    }

    /**
     * Starts serving {@code handler} on {@code host:port} (port 0: any free port) with at most
     * {@code threads} requests in progress at once.
     */
    public static HttpTransport start(ProtocolHandler handler, String host, int port, int threads) {
        return start(handler, host, port, threads, null);
    }

    /**
     * Like {@link #start(ProtocolHandler, String, int, int)}, refusing (with DynamoDB's error)
     * every request other than the health check that {@code verifier} does not accept.
     */
    public static HttpTransport start(
            ProtocolHandler handler, String host, int port, int threads, @Nullable SignatureVerifier verifier) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
            AtomicInteger counter = new AtomicInteger();
            ThreadPoolExecutor workers = new ThreadPoolExecutor(
                    threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(4096), runnable -> {
                        Thread thread = new Thread(runnable, "embedded-dynamodb-http-" + counter.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            workers.allowCoreThreadTimeOut(true);
            server.setExecutor(workers);
            server.createContext("/", exchange -> serve(handler, verifier, exchange));
            server.start();
            InetSocketAddress bound = server.getAddress();
            String shownHost = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getHostString();
            if (shownHost.contains(":")) {
                shownHost = "[" + shownHost + "]";
            }
            return new HttpTransport(server, workers, URI.create("http://" + shownHost + ":" + bound.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on " + host + ":" + port + " (is the port in use? use 0 for any free port)", e);
        }
    }

    private static void serve(ProtocolHandler handler, @Nullable SignatureVerifier verifier, HttpExchange exchange)
            throws IOException {
        try (exchange) {
            Map<String, String> headers = new HashMap<>();
            for (Map.Entry<String, List<String>> header :
                    exchange.getRequestHeaders().entrySet()) {
                if (!header.getValue().isEmpty()) {
                    headers.put(
                            header.getKey().toLowerCase(java.util.Locale.ROOT),
                            header.getValue().get(0));
                }
            }
            byte[] body = readBody(exchange.getRequestBody(), headers.get("content-length"));
            Optional<DynamoError> refusal = body == null
                            || verifier == null
                            || exchange.getRequestMethod().equals("GET")
                    ? Optional.empty()
                    : verifier.verify(signed(exchange, body));
            WireResponse response = body == null
                    ? new WireResponse(413, Map.of(), new byte[0])
                    : refusal.isPresent()
                            ? handler.refuse(headers, refusal.get())
                            : handler.handle(exchange.getRequestMethod(), headers, body);
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                exchange.getResponseHeaders().set(header.getKey(), header.getValue());
            }
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        }
    }

    private static SignedRequest signed(HttpExchange exchange, byte[] body) {
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return new SignedRequest(exchange.getRequestMethod(), path, query, exchange.getRequestHeaders(), body);
    }

    /** The body, or null when it exceeds the limit. */
    private static byte[] readBody(InputStream in, String contentLength) throws IOException {
        if (contentLength != null) {
            try {
                long declared = Long.parseLong(contentLength.trim());
                if (declared > ProtocolHandler.MAX_BODY_BYTES) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // The server itself rejects malformed lengths; read what comes.
            }
        }
        byte[] body = in.readNBytes(ProtocolHandler.MAX_BODY_BYTES + 1);
        return body.length > ProtocolHandler.MAX_BODY_BYTES ? null : body;
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops accepting connections and ends the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
