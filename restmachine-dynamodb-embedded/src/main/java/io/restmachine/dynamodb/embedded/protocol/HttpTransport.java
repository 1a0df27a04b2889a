package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.auth.SignatureVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
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
 * handler at once. Malformed requests get a 400 and the connection is closed; every read has a
 * timeout, so a stalled client cannot hold a thread for ever. Bodies over DynamoDB's 16 MB limit
 * are refused with 413 without being read.
 */
public final class HttpTransport implements AutoCloseable {
    /** How long a connection may stay silent, idle or mid-request, before it is closed. */
    static final int READ_TIMEOUT_MILLIS = 60_000;
    /** Open connections beyond this are closed at once rather than given a thread. */
    static final int MAX_CONNECTIONS = 1024;

    private final ServerSocket listener;
    private final URI endpoint;
    private final Connection.Context context;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
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
        HttpTransport transport = new HttpTransport(
                listener, endpoint, new Connection.Context(handler, verifier, new Semaphore(threads)));
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
            if (closed || open.size() >= MAX_CONNECTIONS) {
                quietlyClose(socket);
                continue;
            }
            open.add(socket);
            Thread thread = new Thread(
                    () -> {
                        try {
                            new Connection(socket, context).serve();
                        } finally {
                            open.remove(socket);
                            quietlyClose(socket);
                        }
                    },
                    "embedded-dynamodb-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
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
