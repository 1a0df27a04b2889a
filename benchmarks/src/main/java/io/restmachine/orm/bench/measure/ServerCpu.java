package io.restmachine.orm.bench.measure;

import io.restmachine.dynamodb.embedded.action.Engine;
import io.restmachine.dynamodb.embedded.action.FaultPlan;
import io.restmachine.dynamodb.embedded.protocol.ProtocolHandler;
import io.restmachine.dynamodb.embedded.protocol.WireResponse;
import io.restmachine.dynamodb.embedded.table.Database;
import io.restmachine.dynamodb.embedded.table.MutationLog;
import io.restmachine.orm.bench.Row;
import io.restmachine.orm.bench.Settings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's own CPU time per request, with no HTTP and no driver: {@link ProtocolHandler#handle}
 * called in this thread on the bodies the lean driver of measurement 4 sends (PutItem and GetItem of
 * a 13-attribute item, a Query of 1,000 items in pages of 100), timed with the thread's CPU clock,
 * which other processes' load inflates far less than wall time. Rounds alternate the three phases;
 * the figure is the median of the last half of the rounds. Information rows: their peer is the
 * figure of the code before a change, which a side-by-side run supplies by putting a second build's
 * engine classes first on the class path ({@code main} of this class prints the same figures).
 */
public final class ServerCpu {
    /** The request headers of each operation, built once. */
    private static final Map<String, Map<String, String>> HEADERS = new HashMap<>();

    private ServerCpu() {}

    /** PutItem µs, GetItem µs, Query ms of CPU time per request (medians of the later rounds). */
    public record Figures(double putMicros, double getMicros, double queryMillis) {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int operations = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        Figures f = run(rounds, operations, 100);
        System.out.printf(
                "PutItem %.2f µs, GetItem %.2f µs, Query of 1,000 items %.3f ms of thread CPU per request%n",
                f.putMicros(), f.getMicros(), f.queryMillis());
    }

    /** The rows of this measurement. */
    public static List<Row> measure(Settings settings) {
        Figures f = settings.smoke() ? run(2, 2_000, 5) : run(6, 50_000, 100);
        return List.of(
                Row.info(
                        "7. server CPU per PutItem (in-process handle, thread CPU)",
                        Row.fmt(f.putMicros()) + " µs",
                        "",
                        Double.NaN),
                Row.info(
                        "7. server CPU per GetItem (in-process handle, thread CPU)",
                        Row.fmt(f.getMicros()) + " µs",
                        "",
                        Double.NaN),
                Row.info(
                        "7. server CPU per 1,000-item Query (10 pages, thread CPU)",
                        Row.fmt(f.queryMillis()) + " ms",
                        "",
                        Double.NaN));
    }

    static Figures run(int rounds, int operations, int queries) {
        ProtocolHandler handler =
                new ProtocolHandler(new Engine(new Database(MutationLog.NONE, Clock.systemUTC()), FaultPlan.NONE));
        call(
                handler,
                "CreateTable",
                ("{\"TableName\":\"" + Http.TABLE + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                                + "{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}],"
                                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < Http.QUERY_ITEMS; i++) {
            byte[][] around = WireJson.putItemAround(WireJson.queryItem(i));
            call(handler, "PutItem", join(around[0], "QUERY#1", around[1]));
        }
        byte[][] around = WireJson.putItemAround(WireJson.getItem(7));
        byte[][] gets = new byte[Http.GET_ITEMS][];
        for (int i = 0; i < gets.length; i++) {
            call(handler, "PutItem", join(around[0], "GET#" + i, around[1]));
            gets[i] = WireJson.getItemBody(i).getBytes(StandardCharsets.UTF_8);
        }
        byte[][] pages = new byte[Http.QUERY_ITEMS / Http.PAGE][];
        for (int p = 0; p < pages.length; p++) {
            pages[p] = WireJson.queryBody(p == 0 ? -1 : p * Http.PAGE - 1).getBytes(StandardCharsets.UTF_8);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] put = new double[rounds];
        double[] get = new double[rounds];
        double[] query = new double[rounds];
        long key = 0;
        for (int r = 0; r < rounds; r++) {
            long started = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < operations; i++) {
                call(handler, "PutItem", join(around[0], "PUT#" + (key++ % 100_000), around[1]));
            }
            put[r] = (threads.getCurrentThreadCpuTime() - started) / 1e3 / operations;
            started = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < operations; i++) {
                call(handler, "GetItem", gets[i % gets.length]);
            }
            get[r] = (threads.getCurrentThreadCpuTime() - started) / 1e3 / operations;
            started = threads.getCurrentThreadCpuTime();
            for (int q = 0; q < queries; q++) {
                for (byte[] page : pages) {
                    call(handler, "Query", page);
                }
            }
            query[r] = (threads.getCurrentThreadCpuTime() - started) / 1e6 / queries;
        }
        return new Figures(laterMedian(put), laterMedian(get), laterMedian(query));
    }

    private static byte[] join(byte[] head, String key, byte[] tail) {
        byte[] middle = key.getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(head, head.length + middle.length + tail.length);
        System.arraycopy(middle, 0, body, head.length, middle.length);
        System.arraycopy(tail, 0, body, head.length + middle.length, tail.length);
        return body;
    }

    private static void call(ProtocolHandler handler, String operation, byte[] body) {
        WireResponse response = handler.handle("POST", HEADERS.computeIfAbsent(operation, ServerCpu::headers), body);
        if (response.status() != 200) {
            throw new IllegalStateException(operation + " answered " + response.status() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> headers(String operation) {
        return Map.of(
                "content-type", "application/x-amz-json-1.0",
                "x-amz-target", "DynamoDB_20120810." + operation,
                "authorization",
                        "AWS4-HMAC-SHA256 Credential=bench/20261125/us-east-1/dynamodb/aws4_request, "
                                + "SignedHeaders=host, Signature=00");
    }

    private static double laterMedian(double[] rounds) {
        double[] later = Arrays.copyOfRange(rounds, rounds.length / 2, rounds.length);
        Arrays.sort(later);
        return later[later.length / 2];
    }
}
