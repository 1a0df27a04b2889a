package io.restmachine.orm.bench.measure;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * The client ceiling of measurement 4: an HTTP/1.1 keep-alive server on 127.0.0.1 that answers
 * PutItem, GetItem and Query of the benchmark with canned, valid responses (rendered once), a thread
 * per connection. Whatever a client reaches against it is the most it can show against any server.
 * The suite runs it in its own JVM ({@link #main}), as it runs the real servers.
 */
public final class StubServer implements AutoCloseable {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GET_MARK = "GET#".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ITEM_MARK = "ITEM#".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final byte[] putResponse;
    /** Index n: the answer holding {@code GET#n}. */
    private final byte[][] getResponses = new byte[Http.GET_ITEMS][];
    /** Index i: the page starting after ITEM#(i*100-1); the last one is empty. */
    private final byte[][] queryResponses;

    private StubServer() {
        putResponse = response("{}");
        for (int i = 0; i < Http.GET_ITEMS; i++) {
            int n = i;
            getResponses[i] = response(WireJson.render(out -> {
                out.writeStartObject();
                out.writeFieldName("Item");
                WireJson.writeItem(out, WireJson.getItem(n));
                out.writeEndObject();
            }));
        }
        int pages = Http.QUERY_ITEMS / Http.PAGE + 1;
        queryResponses = new byte[pages][];
        for (int p = 0; p < pages; p++) {
            int first = p * Http.PAGE;
            int last = Math.min(first + Http.PAGE, Http.QUERY_ITEMS) - 1;
            queryResponses[p] = response(WireJson.render(out -> {
                out.writeStartObject();
                out.writeArrayFieldStart("Items");
                for (int i = first; i <= last; i++) {
                    WireJson.writeItem(out, WireJson.queryItem(i));
                }
                out.writeEndArray();
                out.writeNumberField("Count", last - first + 1);
                out.writeNumberField("ScannedCount", last - first + 1);
                if (last - first + 1 == Http.PAGE) {
                    out.writeFieldName("LastEvaluatedKey");
                    WireJson.writeItem(out, WireJson.queryKey(last));
                }
                out.writeEndObject();
            }));
        }
        try {
            listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1 for the stub server", e);
        }
        Thread acceptor = new Thread(this::accept, "stub-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Serves in this JVM: prints {@code ENDPOINT <uri>} when ready and serves until standard input
     * closes or the process is stopped.
     */
    public static void main(String[] args) throws IOException {
        try (StubServer stub = start()) {
            System.out.println("ENDPOINT " + stub.endpoint());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our input or stops us
            }
        }
    }

    /** Starts the stub on a free port of 127.0.0.1. */
    static StubServer start() {
        return new StubServer();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private static byte[] response(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] head = ("HTTP/1.1 200 OK\r\n"
                        + "Content-Type: application/x-amz-json-1.0\r\n"
                        + "x-amzn-RequestId: STUBSTUBSTUBSTUBSTUBSTUBSTUBSTUBSTUBSTUBSTUBSTUBSTUB\r\n"
                        + "x-amz-crc32: " + crc.getValue() + "\r\n"
                        + "Date: Wed, 25 Nov 2026 12:00:00 GMT\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                Thread connection = new Thread(() -> serve(socket), "stub-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            OutputStream out = socket.getOutputStream();
            StringBuilder line = new StringBuilder(256);
            byte[] body = new byte[64 * 1024];
            while (readLine(in, line)) {
                int length = 0;
                String target = "";
                boolean expectContinue = false;
                while (readLine(in, line) && line.length() > 0) {
                    String header = line.toString();
                    int colon = header.indexOf(':');
                    String name =
                            colon < 0 ? "" : header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    if (name.equals("content-length")) {
                        length = Integer.parseInt(header.substring(colon + 1).trim());
                    } else if (name.equals("x-amz-target")) {
                        target = header.substring(colon + 1).trim();
                    } else if (name.equals("expect")) {
                        expectContinue = header.substring(colon + 1).trim().equalsIgnoreCase("100-continue");
                    }
                }
                if (expectContinue) {
                    out.write(CONTINUE);
                    out.flush();
                }
                if (length > body.length) {
                    body = new byte[length];
                }
                if (in.readNBytes(body, 0, length) < length) {
                    return;
                }
                out.write(answer(target, body, length));
                out.flush();
            }
        } catch (SocketException e) {
            // the client went away or the stub was closed
        } catch (IOException e) {
            throw new UncheckedIOException("stub connection failed", e);
        } finally {
            connections.remove(socket);
        }
    }

    private byte[] answer(String target, byte[] body, int length) {
        if (target.endsWith(".GetItem")) {
            int at = LeanConnection.indexOf(body, length, GET_MARK, 0);
            int n = 0;
            for (int i = at < 0 ? length : at + GET_MARK.length; i < length && body[i] >= '0' && body[i] <= '9'; i++) {
                n = n * 10 + (body[i] - '0');
            }
            return getResponses[n % Http.GET_ITEMS];
        }
        if (target.endsWith(".Query")) {
            int at = LeanConnection.indexOf(body, length, ITEM_MARK, 0);
            if (at < 0) {
                return queryResponses[0];
            }
            int after = Integer.parseInt(new String(body, at + ITEM_MARK.length, 5, StandardCharsets.US_ASCII));
            return queryResponses[Math.min((after + 1) / Http.PAGE, queryResponses.length - 1)];
        }
        return putResponse;
    }

    private static boolean readLine(InputStream in, StringBuilder line) throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                return false;
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket socket : List.copyOf(connections)) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
