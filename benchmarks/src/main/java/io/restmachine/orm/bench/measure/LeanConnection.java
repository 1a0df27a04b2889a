package io.restmachine.orm.bench.measure;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The lean load generator's side of one HTTP/1.1 keep-alive connection: writes a pre-rendered
 * request and reads the response (status, {@code Content-Length} or chunked body) into a reused
 * buffer, so that the client costs next to nothing beside the server it drives. Not thread-safe:
 * one per load thread.
 */
final class LeanConnection implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 30_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] body = new byte[64 * 1024];
    private int bodyLength;
    private final StringBuilder line = new StringBuilder(128);
    private boolean closing;

    LeanConnection(URI endpoint) {
        try {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + endpoint, e);
        }
    }

    /** Sends one request and returns the response status; the body is then in {@link #body()}. */
    int send(byte[] request) {
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            throw new UncheckedIOException("request failed on " + socket, e);
        }
    }

    /**
     * Whether the server said it closes the connection after the last response ({@code Connection:
     * close}, as moto's server does after every one): the driver then opens a new one.
     */
    boolean closing() {
        return closing;
    }

    /** The last response's body (valid up to {@link #bodyLength()}). */
    byte[] body() {
        return body;
    }

    int bodyLength() {
        return bodyLength;
    }

    /** The last response's body as text, for error messages. */
    String bodyText() {
        return new String(body, 0, Math.min(bodyLength, 2000), StandardCharsets.UTF_8);
    }

    /** Whether the last body contains {@code needle}. */
    boolean bodyContains(byte[] needle) {
        return indexOf(body, bodyLength, needle, 0) >= 0;
    }

    /** Position of {@code needle} in the first {@code length} bytes of {@code hay} from {@code from}, or -1. */
    static int indexOf(byte[] hay, int length, byte[] needle, int from) {
        outer:
        for (int i = from; i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private int readResponse() throws IOException {
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: '" + status + "'");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        String header;
        while (!(header = readLine()).isEmpty()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                closing = true;
            }
        }
        bodyLength = 0;
        if (chunked) {
            int size;
            while ((size = Integer.parseInt(readLine().trim(), 16)) > 0) {
                readBody(size);
                readLine();
            }
            readLine();
        } else if (contentLength > 0) {
            readBody((int) contentLength);
        }
        return code;
    }

    private void readBody(int size) throws IOException {
        if (bodyLength + size > body.length) {
            body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + size));
        }
        int read = in.readNBytes(body, bodyLength, size);
        if (read < size) {
            throw new IOException("connection closed after " + read + " of " + size + " body bytes");
        }
        bodyLength += size;
    }

    private String readLine() throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a load connection: nothing to recover
        }
    }
}
