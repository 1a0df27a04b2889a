package io.restmachine.orm.bench.measure;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The lean load generator of measurement 4: the PutItem, GetItem and Query requests the SDK client
 * sends, pre-rendered, over one plain HTTP/1.1 keep-alive connection per load thread, with every
 * response checked (status 200, the requested item, the item count). Its own cost per request is a
 * few microseconds, so what it measures is the server.
 */
final class LeanDriver implements AutoCloseable {
    private static final int TEMPLATES = 100;
    private static final byte[] COUNT = "\"Count\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_KEY = "\"LastEvaluatedKey\"".getBytes(StandardCharsets.US_ASCII);

    private final URI endpoint;
    private final String hostPort;
    private final LeanConnection[] connections;
    private final byte[][][] putTemplates = new byte[TEMPLATES][][];
    private final byte[][] gets = new byte[Http.GET_ITEMS][];
    private final byte[][] getNeedles = new byte[Http.GET_ITEMS][];
    private final byte[][] queries;

    /** A driver for at most {@code threads} load threads; connections open on first use. */
    LeanDriver(URI endpoint, int threads) {
        this.endpoint = endpoint;
        this.hostPort = endpoint.getHost() + ":" + endpoint.getPort();
        this.connections = new LeanConnection[threads];
        for (int i = 0; i < TEMPLATES; i++) {
            putTemplates[i] = WireJson.putItemAround(WireJson.getItem(i));
        }
        for (int i = 0; i < Http.GET_ITEMS; i++) {
            gets[i] = WireJson.request(hostPort, "GetItem", WireJson.getItemBody(i));
            getNeedles[i] = ("\"GET#" + i + "\"").getBytes(StandardCharsets.US_ASCII);
        }
        queries = new byte[Http.QUERY_ITEMS / Http.PAGE + 1][];
        for (int page = 0; page < queries.length; page++) {
            queries[page] = WireJson.request(hostPort, "Query", WireJson.queryBody(page * Http.PAGE - 1));
        }
    }

    private LeanConnection connection(int thread) {
        LeanConnection connection = connections[thread];
        if (connection != null && connection.closing()) {
            connection.close();
            connection = null;
        }
        if (connection == null) {
            connection = new LeanConnection(endpoint);
            connections[thread] = connection;
        }
        return connection;
    }

    /**
     * Sends on this thread's connection; if the server has closed it meanwhile (node closes
     * connections idle for 5 s, e.g. those of threads 1 to 7 during an @1 phase), sends once more on
     * a fresh one, as HTTP clients do with stale keep-alive connections. Every request here is
     * idempotent.
     */
    private LeanConnection send(int thread, byte[] request, String operation) {
        LeanConnection connection = connection(thread);
        int status;
        try {
            status = connection.send(request);
        } catch (UncheckedIOException stale) {
            connection.close();
            connection = new LeanConnection(endpoint);
            connections[thread] = connection;
            status = connection.send(request);
        }
        expectOk(connection, status, operation);
        return connection;
    }

    /** Puts a fresh item {@code PUT#thread#n}. */
    void put(int thread, long n) {
        byte[][] around = putTemplates[(int) (n % TEMPLATES)];
        byte[] key = ("PUT#" + thread + "#" + n).getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[around[0].length + key.length + around[1].length];
        System.arraycopy(around[0], 0, body, 0, around[0].length);
        System.arraycopy(key, 0, body, around[0].length, key.length);
        System.arraycopy(around[1], 0, body, around[0].length + key.length, around[1].length);
        send(thread, WireJson.request(hostPort, "PutItem", body), "PutItem");
    }

    /** Gets {@code GET#(n mod 1000)} and checks that the answer holds that item. */
    void get(int thread, long n) {
        int i = (int) (n % Http.GET_ITEMS);
        LeanConnection connection = send(thread, gets[i], "GetItem");
        if (!connection.bodyContains(getNeedles[i])) {
            throw new IllegalStateException(
                    "GetItem GET#" + i + " answered without the item: " + connection.bodyText());
        }
    }

    /** Reads the query partition in pages of 100; fails unless it saw all 1,000 items, in order. */
    int query(int thread) {
        int seen = 0;
        int after = -1;
        for (int page = 0; page <= Http.QUERY_ITEMS / Http.PAGE + 1; page++) {
            LeanConnection connection = send(thread, queryRequest(after), "Query");
            int count = count(connection);
            seen += count;
            if (!connection.bodyContains(LAST_KEY)) {
                if (seen != Http.QUERY_ITEMS) {
                    throw new IllegalStateException(
                            "the query returned " + seen + " items, expected " + Http.QUERY_ITEMS);
                }
                return seen;
            }
            after += count;
        }
        throw new IllegalStateException("the query did not end after " + (Http.QUERY_ITEMS / Http.PAGE + 2) + " pages");
    }

    private byte[] queryRequest(int after) {
        int page = (after + 1) / Http.PAGE;
        return (after + 1) % Http.PAGE == 0 && page < queries.length
                ? queries[page]
                : WireJson.request(hostPort, "Query", WireJson.queryBody(after));
    }

    private static int count(LeanConnection connection) {
        byte[] body = connection.body();
        int at = LeanConnection.indexOf(body, connection.bodyLength(), COUNT, 0);
        if (at < 0) {
            throw new IllegalStateException("Query answered without a Count: " + connection.bodyText());
        }
        int start = at + COUNT.length;
        while (start < connection.bodyLength() && body[start] == ' ') {
            start++; // moto writes "Count": 100
        }
        int value = 0;
        for (int i = start; i < connection.bodyLength() && body[i] >= '0' && body[i] <= '9'; i++) {
            value = value * 10 + (body[i] - '0');
        }
        return value;
    }

    private static void expectOk(LeanConnection connection, int status, String operation) {
        if (status != 200) {
            throw new IllegalStateException(operation + " answered " + status + ": " + connection.bodyText());
        }
    }

    @Override
    public void close() {
        for (LeanConnection connection : connections) {
            if (connection != null) {
                connection.close();
            }
        }
    }
}
