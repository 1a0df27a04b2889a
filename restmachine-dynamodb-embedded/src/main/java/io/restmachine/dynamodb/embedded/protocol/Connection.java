package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.auth.SignatureForm;
import io.restmachine.dynamodb.embedded.auth.SignatureVerifier;
import io.restmachine.dynamodb.embedded.auth.SignedRequest;
import io.restmachine.dynamodb.embedded.error.DynamoError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 connection of the {@link HttpTransport}, served on its own thread: reads a request
 * (request line, headers, a {@code Content-Length} or chunked body), hands it to the protocol
 * handler and writes the answer, as long as the client keeps the connection alive. Anything it
 * cannot parse gets a 400 (a body over 16 MB a 413, an unknown transfer coding a 501) and the
 * connection is closed.
 */
final class Connection {
    /** What every connection of one server shares. */
    record Context(
            ProtocolHandler handler,
            @Nullable SignatureVerifier verifier,
            Semaphore inFlight,
            HttpTransport.Limits limits,
            Cors cors,
            Reaper reaper) {}

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_HEADERS = 200;
    /** After refusing an oversize body, at most this much of it is read (and dropped) before closing. */
    private static final long DRAIN_LIMIT = ProtocolHandler.MAX_BODY_BYTES + 64 * 1024L;

    /** {@link #expiresAt()} of a connection not waiting in a read. */
    static final long NOT_WAITING = Long.MAX_VALUE;

    private static final int DRAIN_TIMEOUT_MILLIS = 2_000;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = new byte[0];
    /**
     * Header names SDKs and browsers send, lower case: a request's header of one of these names
     * is read into the constant, with no string built and no hash computed.
     */
    private static final List<String> KNOWN_HEADERS = List.of(
            "host",
            "content-type",
            "content-length",
            "x-amz-target",
            "x-amz-date",
            "authorization",
            "user-agent",
            "accept-encoding",
            "accept",
            "connection",
            "amz-sdk-invocation-id",
            "amz-sdk-request",
            "x-amz-content-sha256",
            "x-amz-security-token",
            "x-amz-user-agent",
            "expect",
            "transfer-encoding",
            "origin",
            "date");

    private final Socket socket;
    private final Context context;
    /** The input buffer: room for the longest line allowed and its CRLF, so a whole line always fits. */
    private final byte[] in = new byte[MAX_LINE + 2];

    private int position;
    private int limit;
    private byte[] head = new byte[1024];
    private InputStream input;
    private OutputStream output;
    /** When the part of the request being read must be complete (System.nanoTime), or 0 between requests. */
    private long deadline;

    private String deadlinePart = "";
    /** When the read under way must have returned (System.nanoTime), or NOT_WAITING; see {@link Reaper}. */
    private volatile long expiresAt = NOT_WAITING;
    /** Whether the reaper has cut this connection's input. */
    private volatile boolean cut;

    Connection(Socket socket, Context context) {
        this.socket = socket;
        this.context = context;
        this.input = InputStream.nullInputStream();
        this.output = OutputStream.nullOutputStream();
    }

    /** Serves requests until the client closes, asks to close, stalls, or sends something malformed. */
    void serve() {
        try {
            socket.setTcpNoDelay(true);
            // No socket timeout: reads block (one system call each) and the reaper bounds them.
            input = socket.getInputStream();
            output = socket.getOutputStream();
            while (serveOne()) {
                // keep-alive: next request on this connection
            }
        } catch (Malformed e) {
            try {
                if (e.status == 413) {
                    // DynamoDB's front end (and dynalite) answer an oversize body with an empty 413.
                    write(413, Map.of("x-amzn-RequestId", ProtocolHandler.requestId()), EMPTY, false, false);
                    drain();
                } else {
                    byte[] body = (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
                    write(e.status, Map.of("Content-Type", "text/plain; charset=utf-8"), body, false, false);
                }
            } catch (IOException ignored) {
                // the client is gone; nothing to tell it
            }
        } catch (SocketTimeoutException e) {
            // silent for too long: close
        } catch (IOException e) {
            // the client went away or the server is closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request and its answer; false when the connection is to be closed. */
    private boolean serveOne() throws IOException, InterruptedException {
        deadline = 0;
        if (position == limit && !fill()) {
            return false; // closed between requests
        }
        // The request has begun: its line and headers must now arrive within the deadline.
        startDeadline(context.limits().headerDeadline(), "request line and headers");
        String requestLine = readLine(true);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(true); // stray empty lines between requests are allowed (RFC 9112 2.2)
        }
        if (requestLine == null) {
            return false;
        }
        int firstSpace = requestLine.indexOf(' ');
        int lastSpace = requestLine.lastIndexOf(' ');
        if (firstSpace <= 0 || lastSpace == firstSpace) {
            throw new Malformed(400, "malformed request line; expected 'METHOD /path HTTP/1.1'");
        }
        String method = requestLine.substring(0, firstSpace);
        String target = requestLine.substring(firstSpace + 1, lastSpace);
        String version = requestLine.substring(lastSpace + 1);
        if (!isToken(method) || target.isEmpty() || target.indexOf(' ') >= 0) {
            throw new Malformed(400, "malformed request line; expected 'METHOD /path HTTP/1.1'");
        }
        boolean http11 = version.equals("HTTP/1.1");
        if (!http11 && !version.equals("HTTP/1.0")) {
            throw new Malformed(version.startsWith("HTTP/") ? 505 : 400, "unsupported protocol version; use HTTP/1.1");
        }
        Map<String, String> headers = new HashMap<>(16);
        List<String[]> all = context.verifier() == null ? null : new ArrayList<>(16);
        readHeaders(headers, all);
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        boolean keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");
        startDeadline(context.limits().bodyDeadline(), "body");
        byte[] body = readBody(headers, http11);
        deadline = 0;
        String path = path(target);
        WireResponse response = ConsoleFiles.serves(method, path)
                ? ConsoleFiles.answer(path, headers.getOrDefault("if-none-match", ""))
                : answer(method, path, target, headers, all, body);
        write(response.status(), response.headers(), response.body(), keepAlive, method.equals("HEAD"));
        return keepAlive;
    }

    private WireResponse answer(
            String method,
            String path,
            String target,
            Map<String, String> headers,
            @Nullable List<String[]> all,
            byte[] body)
            throws InterruptedException {
        String allowOrigin = context.cors().allowOrigin(headers.get("origin"));
        if (allowOrigin != null && method.equals("OPTIONS")) {
            return context.cors().preflight(allowOrigin, headers, ProtocolHandler.requestId());
        }
        context.inFlight().acquire();
        try {
            SignatureVerifier verifier = context.verifier();
            String query = rawQuery(target);
            // DynamoDB checks the form of a signature before anything else, verified or not.
            Optional<DynamoError> refusal = method.equals("GET")
                    ? Optional.empty()
                    : SignatureForm.check(
                            query,
                            headers.get("authorization"),
                            headers.containsKey("x-amz-date") || headers.containsKey("date"));
            if (refusal.isEmpty() && verifier != null && !method.equals("GET")) {
                refusal = verifier.verify(
                        new SignedRequest(method, path, query, multiMap(all == null ? List.of() : all), body));
            }
            WireResponse response = refusal.isPresent()
                    ? context.handler().refuse(headers, refusal.get())
                    : context.handler().handle(method, headers, body, SignatureForm.signedInQuery(query));
            return allowOrigin == null ? response : Cors.allowed(response, allowOrigin);
        } finally {
            context.inFlight().release();
        }
    }

    private static String path(String target) {
        String path = target;
        if (!target.startsWith("/")) {
            if (!(target.startsWith("http://") || target.startsWith("https://"))) {
                throw new Malformed(400, "malformed request target '" + abbreviate(target) + "'; expected /path");
            }
            try {
                URI uri = URI.create(target);
                path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                return path;
            } catch (IllegalArgumentException e) {
                throw new Malformed(400, "malformed request target '" + abbreviate(target) + "'");
            }
        }
        int question = path.indexOf('?');
        return question < 0 ? path : path.substring(0, question);
    }

    private static String rawQuery(String target) {
        int question = target.indexOf('?');
        return question < 0 ? "" : target.substring(question + 1);
    }

    private static Map<String, List<String>> multiMap(List<String[]> all) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String[] header : all) {
            headers.computeIfAbsent(header[0], k -> new ArrayList<>(1)).add(header[1]);
        }
        return headers;
    }

    /**
     * Reads the header lines up to the empty line that ends them, each parsed in place in the
     * buffer ({@link #wholeLine}): its name lower case (a shared constant for the headers SDKs
     * send) and its value without surrounding blanks. The checks run in this order for every line:
     * its length, control characters and bare CRs ({@link #wholeLine}, {@link #lineStop}), the
     * count and total size of the headers, then folding and the form {@code Name: value}.
     */
    private void readHeaders(Map<String, String> headers, @Nullable List<String[]> all) throws IOException {
        int bytes = 0;
        int count = 0;
        while (true) {
            int end = wholeLine(false);
            int start = position;
            int stop = lineStop(start, end);
            int length = stop - start;
            if (length == 0) {
                position = end + 1;
                return;
            }
            bytes += length + 2;
            if (++count > MAX_HEADERS || bytes > MAX_HEADER_BYTES) {
                throw tooManyHeaders();
            }
            if (in[start] == ' ' || in[start] == '\t') {
                throw new Malformed(400, "folded header lines are not allowed (RFC 9112 5.2)");
            }
            int colon = start;
            while (colon < stop && in[colon] != ':') {
                colon++;
            }
            if (colon == start || colon == stop || !isToken(start, colon)) {
                String line = new String(in, start, length, StandardCharsets.ISO_8859_1);
                throw new Malformed(400, "malformed header line '" + abbreviate(line) + "'; expected 'Name: value'");
            }
            int from = colon + 1;
            int to = stop;
            while (from < to && (in[from] == ' ' || in[from] == '\t')) {
                from++;
            }
            while (to > from && (in[to - 1] == ' ' || in[to - 1] == '\t')) {
                to--;
            }
            position = end + 1;
            header(headers, all, knownName(start, colon), new String(in, from, to - from, StandardCharsets.ISO_8859_1));
        }
    }

    private static Malformed tooManyHeaders() {
        return new Malformed(
                431,
                "request headers too large: at most " + MAX_HEADERS + " headers and " + MAX_HEADER_BYTES + " bytes");
    }

    private static void header(Map<String, String> headers, @Nullable List<String[]> all, String name, String value) {
        String previous = headers.putIfAbsent(name, value);
        if (previous != null && name.equals("content-length") && !previous.equals(value)) {
            throw new Malformed(400, "conflicting Content-Length headers");
        }
        if (all != null) {
            all.add(new String[] {name, value});
        }
    }

    /** The lower-case name of bytes [from, to): a shared constant for a known header, else a new string. */
    private String knownName(int from, int to) {
        int length = to - from;
        // An indexed loop: the list's iterator was a per-header allocation in the profile.
        for (int i = 0; i < KNOWN_HEADERS.size(); i++) {
            String known = KNOWN_HEADERS.get(i);
            if (known.length() == length && sameIgnoringCase(known, from)) {
                return known;
            }
        }
        char[] name = new char[length];
        for (int i = 0; i < length; i++) {
            name[i] = Character.toLowerCase((char) (in[from + i] & 0xff));
        }
        return new String(name);
    }

    /** Whether the buffer at {@code from} holds {@code known} (lower-case letters, digits and '-') in any case. */
    private boolean sameIgnoringCase(String known, int from) {
        for (int i = 0; i < known.length(); i++) {
            int b = in[from + i];
            if (b != known.charAt(i) && (b | 0x20) != known.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private byte[] readBody(Map<String, String> headers, boolean http11) throws IOException {
        String coding = headers.get("transfer-encoding");
        String length = headers.get("content-length");
        if (coding != null) {
            if (length != null) {
                throw new Malformed(400, "a request must not carry both Transfer-Encoding and Content-Length");
            }
            if (!coding.equalsIgnoreCase("chunked")) {
                throw new Malformed(501, "unsupported Transfer-Encoding '" + abbreviate(coding) + "'; use chunked");
            }
            sendContinue(headers, http11);
            return readChunked();
        }
        if (length == null) {
            return EMPTY;
        }
        long declared = parseLength(length);
        if (declared > ProtocolHandler.MAX_BODY_BYTES) {
            throw new Malformed(
                    413,
                    "request body of " + declared + " bytes exceeds the limit of " + ProtocolHandler.MAX_BODY_BYTES
                            + " bytes");
        }
        if (declared == 0) {
            return EMPTY;
        }
        sendContinue(headers, http11);
        byte[] body = new byte[(int) declared];
        readFully(body, 0, body.length);
        return body;
    }

    private void sendContinue(Map<String, String> headers, boolean http11) throws IOException {
        if (http11 && "100-continue".equalsIgnoreCase(headers.get("expect"))) {
            output.write(CONTINUE);
            output.flush();
        }
    }

    private byte[] readChunked() throws IOException {
        byte[] body = new byte[1024];
        int size = 0;
        while (true) {
            String line = readLine(false);
            int semicolon = line.indexOf(';');
            String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
            long chunk;
            try {
                chunk = hex.isEmpty() || hex.length() > 8 ? -1 : Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                chunk = -1;
            }
            if (chunk < 0) {
                throw new Malformed(400, "malformed chunk size '" + abbreviate(line) + "'");
            }
            if (chunk == 0) {
                while (!readLine(false).isEmpty()) {
                    // trailer fields are ignored
                }
                return Arrays.copyOf(body, size);
            }
            if (size + chunk > ProtocolHandler.MAX_BODY_BYTES) {
                throw new Malformed(
                        413, "request body exceeds the limit of " + ProtocolHandler.MAX_BODY_BYTES + " bytes");
            }
            if (size + chunk > body.length) {
                body = Arrays.copyOf(
                        body, (int) Math.min(ProtocolHandler.MAX_BODY_BYTES, Math.max(size + chunk, 2L * body.length)));
            }
            readFully(body, size, (int) chunk);
            size += (int) chunk;
            if (!readLine(false).isEmpty()) {
                throw new Malformed(400, "chunk data not followed by CRLF");
            }
        }
    }

    private static long parseLength(String value) {
        if (value.isEmpty() || value.length() > 18) {
            throw new Malformed(400, "malformed Content-Length '" + abbreviate(value) + "'");
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new Malformed(400, "malformed Content-Length '" + abbreviate(value) + "'");
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    // ---- reading -----------------------------------------------------------------------------

    private void startDeadline(Duration allowed, String part) {
        deadline = System.nanoTime() + allowed.toNanos();
        deadlinePart = part;
    }

    private Malformed deadlineMissed() {
        Duration allowed = deadlinePart.equals("body")
                ? context.limits().bodyDeadline()
                : context.limits().headerDeadline();
        return new Malformed(
                408,
                "the request's " + deadlinePart + " did not arrive within " + allowed.toMillis() + " ms; send each"
                        + " request whole");
    }

    /**
     * Reads in blocking mode, bounded by what is left of the deadline (or by the idle timeout
     * between requests), so that a client trickling bytes cannot keep a request open past it: the
     * {@link Reaper} cuts the input of a read still waiting at that time.
     */
    private int read(byte[] target, int offset, int length) throws IOException {
        long expiry;
        long now = System.nanoTime();
        if (deadline == 0) {
            expiry = now + context.limits().idleTimeout().toNanos();
        } else {
            if (deadline - now <= 0) {
                throw deadlineMissed();
            }
            expiry = deadline;
        }
        if (cut) {
            throw timedOut();
        }
        expiresAt = expiry;
        context.reaper().watch(expiry);
        int read;
        try {
            read = input.read(target, offset, length);
        } finally {
            expiresAt = NOT_WAITING;
        }
        if (read < 0 && cut) {
            throw timedOut();
        }
        return read;
    }

    /** The read waited past its time and the reaper cut it: 408 within a request, else a silent close. */
    private IOException timedOut() {
        if (deadline != 0) {
            throw deadlineMissed();
        }
        return new SocketTimeoutException("no request within the idle timeout");
    }

    /** When the read under way must have returned (System.nanoTime), or {@link #NOT_WAITING}. */
    long expiresAt() {
        return expiresAt;
    }

    boolean isCut() {
        return cut;
    }

    /**
     * Ends the read under way (and every later one) with end-of-stream, from the reaper's thread,
     * when it waited past its time; the answer, if any, can still be written.
     */
    void cut() {
        if (cut) {
            return;
        }
        cut = true;
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            // already closed: the read ends anyway
        }
    }

    private boolean fill() throws IOException {
        position = 0;
        limit = 0;
        int read = read(in, 0, in.length);
        if (read <= 0) {
            return false;
        }
        limit = read;
        return true;
    }

    /**
     * One line without its CRLF (a bare LF is accepted too); null at a clean end of stream when
     * {@code endAllowed}, else an end of stream is an {@link java.io.EOFException}.
     */
    private @Nullable String readLine(boolean endAllowed) throws IOException {
        int end = wholeLine(endAllowed);
        if (end < 0) {
            return null;
        }
        int start = position;
        int stop = lineStop(start, end);
        position = end + 1;
        return new String(in, start, stop - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * Makes the line that starts at {@link #position} whole in the buffer, reading more and moving
     * the line to the buffer's start as needed, and returns the index of its LF; -1 at a clean end
     * of stream before the line's first byte when {@code endAllowed}. Refuses a line longer than
     * {@link #MAX_LINE} and control characters ({@link #lineEnd}) as the bytes arrive.
     */
    private int wholeLine(boolean endAllowed) throws IOException {
        int scanned = position;
        while (true) {
            int end = lineEnd(scanned);
            if (end - position > MAX_LINE) {
                throw new Malformed(431, "request line or header longer than " + MAX_LINE + " bytes");
            }
            if (end < limit) {
                return end;
            }
            int partial = limit - position;
            System.arraycopy(in, position, in, 0, partial);
            position = 0;
            limit = partial;
            scanned = partial;
            int read = read(in, limit, in.length - limit);
            if (read <= 0) {
                if (endAllowed && partial == 0) {
                    return -1;
                }
                throw new java.io.EOFException("connection closed mid-request");
            }
            limit += read;
        }
    }

    /** Where the content of the whole line [start, end) ends: before its CR, if it has one; refuses any other CR. */
    private int lineStop(int start, int end) {
        int stop = end > start && in[end - 1] == '\r' ? end - 1 : end;
        for (int i = start; i < stop; i++) {
            if (in[i] == '\r') {
                throw new Malformed(400, "bare CR in the request line or headers");
            }
        }
        return stop;
    }

    /** Where the buffered line from {@code start} ends (its LF, or the buffer's limit); refuses control characters. */
    private int lineEnd(int start) {
        int end = start;
        while (end < limit && in[end] != '\n') {
            int b = in[end] & 0xff;
            if ((b < 0x20 && b != '\t' && b != '\r') || b == 0x7f) {
                throw new Malformed(
                        400, "control character 0x" + Integer.toHexString(b) + " in the request line or headers");
            }
            end++;
        }
        return end;
    }

    private void readFully(byte[] target, int offset, int length) throws IOException {
        int buffered = Math.min(length, limit - position);
        System.arraycopy(in, position, target, offset, buffered);
        position += buffered;
        int done = buffered;
        while (done < length) {
            int read = read(target, offset + done, length - done);
            if (read < 0) {
                throw new java.io.EOFException("connection closed after " + done + " of " + length + " body bytes");
            }
            done += read;
        }
    }

    /** Reads and drops what the client still sends (bounded), so that it sees our answer, not a reset. */
    private void drain() {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(DRAIN_TIMEOUT_MILLIS);
            long dropped = 0;
            int read;
            while (dropped < DRAIN_LIMIT && (read = input.read(in, 0, in.length)) >= 0) {
                dropped += read;
            }
        } catch (IOException e) {
            // timed out or reset: close anyway
        }
    }

    // ---- writing -----------------------------------------------------------------------------

    private void write(int status, Map<String, String> headers, byte[] body, boolean keepAlive, boolean headOnly)
            throws IOException {
        int at = 0;
        at = put(at, "HTTP/1.1 ");
        at = put(at, Integer.toString(status));
        at = put(at, " ");
        at = put(at, reason(status));
        at = put(at, "\r\n");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            at = put(at, header.getKey());
            at = put(at, ": ");
            at = put(at, header.getValue());
            at = put(at, "\r\n");
        }
        at = put(at, "Date: ");
        at = put(at, HttpDate.now());
        at = put(at, "\r\nContent-Length: ");
        at = put(at, Integer.toString(body.length));
        at = put(at, keepAlive ? "\r\n\r\n" : "\r\nConnection: close\r\n\r\n");
        if (headOnly || body.length == 0) {
            output.write(head, 0, at);
        } else if (at + body.length <= 64 * 1024) {
            ensure(at + body.length);
            System.arraycopy(body, 0, head, at, body.length);
            output.write(head, 0, at + body.length);
        } else {
            output.write(head, 0, at);
            output.write(body);
        }
        output.flush();
    }

    private int put(int at, String text) {
        ensure(at + text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            head[at + i] = (byte) (c < 0x80 ? c : '?');
        }
        return at + text.length();
    }

    private void ensure(int size) {
        if (size > head.length) {
            head = Arrays.copyOf(head, Math.max(size, 2 * head.length));
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 304 -> "Not Modified";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 413 -> "Request Entity Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }

    // ---- syntax ------------------------------------------------------------------------------

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the buffered bytes [from, to) form a token. */
    private boolean isToken(int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isTokenChar((char) (in[i] & 0xff))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(char c) {
        return c < TOKEN_CHARS.length && TOKEN_CHARS[c];
    }

    /**
     * The characters of an RFC 9110 token (header names, methods), by code: a table, since every
     * byte of every header name is checked.
     */
    private static final boolean[] TOKEN_CHARS = tokenChars();

    private static boolean[] tokenChars() {
        boolean[] token = new boolean[128];
        for (char c = '0'; c <= '9'; c++) {
            token[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            token[c] = true;
            token[Character.toUpperCase(c)] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            token[c] = true;
        }
        return token;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** A request this server cannot parse: answered with {@code status} and the connection closed. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Malformed(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
