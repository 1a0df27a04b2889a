package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.auth.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP face of the {@link ProtocolHandler}: a small HTTP/1.1 keep-alive server on blocking
 * sockets with one thread per connection, so that a request is read, handled and answered on the
 * thread that owns its connection, with no hand-off. At most {@code threads} requests run in the
 * handler at once. Malformed requests get a 400 and the connection is closed. A request must
 * arrive whole within absolute deadlines ({@link Limits}), so a client trickling bytes cannot hold
 * a connection (reads block with no socket timeout, one system call each, and a {@link Reaper}
 * thread enforces the deadlines); past the connection cap a new connection is answered {@code 503
 * ServiceUnavailable} and closed, so clients retry instead of seeing a silent close. Bodies over
 * DynamoDB's 16 MB limit are refused with 413 without being read.
 */
public final class HttpTransport implements AutoCloseable {
    /**
     * What a client may hold: open connections, the wait for a kept-alive connection's next
     * request, and the absolute deadlines for a request's line and headers (from its first byte)
     * and for its body (after the headers).
     */
    public record Limits(int maxConnections, Duration idleTimeout, Duration headerDeadline, Duration bodyDeadline) {
        /** 1024 connections, 60 s idle, 10 s for headers, 30 s for a body. */
        public static final Limits DEFAULT =
                new Limits(1024, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /** Refusals at the connection cap run on their own short-lived threads, at most this many at once. */
    private static final int MAX_REFUSALS = 16;

    private static final int REFUSAL_DRAIN_MILLIS = 1_000;
    private static final byte[] UNAVAILABLE_BODY =
            ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ServiceUnavailable\","
                            + "\"message\":\"The DynamoDB service is currently unavailable: every connection of this server is in"
                            + " use. Retry shortly.\"}")
                    .getBytes(StandardCharsets.UTF_8);

    private final ServerSocket listener;
    private final URI endpoint;
    private final Connection.Context context;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private final Semaphore refusals = new Semaphore(MAX_REFUSALS);
    private volatile boolean closed;

    private HttpTransport(ServerSocket listener, URI endpoint, Connection.Context context) {
        this.listener = listener;
        this.endpoint = endpoint;
        this.context = context;
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
        return start(handler, host, port, threads, verifier, Limits.DEFAULT);
    }

    /** Like {@link #start(ProtocolHandler, String, int, int, SignatureVerifier)}, with other {@code limits}. */
    public static HttpTransport start(
            ProtocolHandler handler,
            String host,
            int port,
            int threads,
            @Nullable SignatureVerifier verifier,
            Limits limits) {
        return start(handler, host, port, threads, verifier, limits, List.of());
    }

    /**
     * Like {@link #start(ProtocolHandler, String, int, int, SignatureVerifier, Limits)}, answering
     * browsers from {@code corsOrigins} (or any origin for {@code *}) with CORS headers.
     */
    public static HttpTransport start(
            ProtocolHandler handler,
            String host,
            int port,
            int threads,
            @Nullable SignatureVerifier verifier,
            Limits limits,
            List<String> corsOrigins) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(host, port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on " + host + ":" + port + " (is the port in use? use 0 for any free port)", e);
        }
        InetAddress bound = listener.getInetAddress();
        String shownHost = bound.isAnyLocalAddress() ? "127.0.0.1" : bound.getHostAddress();
        if (shownHost.contains(":")) {
            shownHost = "[" + shownHost + "]";
        }
        URI endpoint = URI.create("http://" + shownHost + ":" + listener.getLocalPort());
        Reaper reaper = new Reaper("embedded-dynamodb-http-deadlines-" + listener.getLocalPort());
        HttpTransport transport = new HttpTransport(
                listener,
                endpoint,
                new Connection.Context(
                        handler, verifier, new Semaphore(threads), limits, new Cors(corsOrigins), reaper));
        reaper.start();
        Thread acceptor = new Thread(transport::accept, "embedded-dynamodb-http-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return transport;
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue; // e.g. too many open files for a moment: keep serving the others
            }
            if (closed) {
                quietlyClose(socket);
                continue;
            }
            if (open.size() >= context.limits().maxConnections()) {
                refuse(socket);
                continue;
            }
            open.add(socket);
            Connection connection = new Connection(socket, context);
            context.reaper().add(connection);
            Thread thread = new Thread(
                    () -> {
                        try {
                            connection.serve();
                        } finally {
                            context.reaper().remove(connection);
                            open.remove(socket);
                            quietlyClose(socket);
                        }
                    },
                    "embedded-dynamodb-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Answers a connection beyond the cap with DynamoDB's 503, which SDKs retry, then reads (and
     * drops, briefly) what the client already sent so that it sees the answer rather than a
     * reset. On its own thread, so that a client that does not read cannot stall the acceptor; if
     * too many refusals are under way, the connection is just closed.
     */
    private void refuse(Socket socket) {
        if (!refusals.tryAcquire()) {
            quietlyClose(socket);
            return;
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        socket.setSoTimeout(REFUSAL_DRAIN_MILLIS);
                        OutputStream out = socket.getOutputStream();
                        out.write(("HTTP/1.1 503 Service Unavailable\r\n"
                                        + "Content-Type: application/x-amz-json-1.0\r\n"
                                        + "x-amzn-RequestId: " + ProtocolHandler.requestId() + "\r\n"
                                        + "Content-Length: " + UNAVAILABLE_BODY.length + "\r\n"
                                        + "Connection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.write(UNAVAILABLE_BODY);
                        out.flush();
                        socket.shutdownOutput();
                        InputStream in = socket.getInputStream();
                        byte[] sink = new byte[4096];
                        long deadline = System.nanoTime() + REFUSAL_DRAIN_MILLIS * 1_000_000L;
                        while (System.nanoTime() < deadline && in.read(sink) >= 0) {
                            // drop what the client sent before it read the answer
                        }
                    } catch (IOException e) {
                        // the client went away: nothing to tell it
                    } finally {
                        quietlyClose(socket);
                        refusals.release();
                    }
                },
                "embedded-dynamodb-http-refusal");
        thread.setDaemon(true);
        thread.start();
    }

    private static void quietlyClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with this connection
        }
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops accepting connections and closes the open ones (their threads then end). */
    @Override
    public void close() {
        closed = true;
        context.reaper().stop();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket socket : List.copyOf(open)) {
            quietlyClose(socket);
        }
    }
}
