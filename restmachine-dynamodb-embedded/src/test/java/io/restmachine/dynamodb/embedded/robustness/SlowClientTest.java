package io.restmachine.dynamodb.embedded.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.ServerHandle;
import io.restmachine.dynamodb.embedded.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Clients that trickle a request a byte at a time cannot keep others out: every request must
 * arrive whole within absolute deadlines (here 500 ms for the headers), and a connection beyond
 * the cap (here 4) is answered with DynamoDB's 503 instead of a silent close. Bounded: 4 slow
 * connections on 127.0.0.1, each sending at most 40 bytes, one every 100 ms.
 */
class SlowClientTest {
    private static final int CAP = 4;
    private static final Duration HEADER_DEADLINE = Duration.ofMillis(500);
    private static final int MAX_TRICKLED_BYTES = 40;

    /** What one slow connection saw: how many bytes it sent before the server answered, and the answer. */
    private record Trickle(int bytesSent, String answer) {}

    @Test
    void slowClientsAtTheCap_getA503ForNewcomers_thenA408AtTheDeadline_andANormalClientIsServedAgain()
            throws Exception {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
                ServerHandle server = db.serve(ServerOptions.port(0)
                        .withMaxConnections(CAP)
                        .withRequestDeadlines(HEADER_DEADLINE, HEADER_DEADLINE))) {
            ExecutorService pool = Executors.newFixedThreadPool(CAP);
            try {
                List<Socket> slow = new ArrayList<>();
                List<Future<Trickle>> trickles = new ArrayList<>();
                for (int i = 0; i < CAP; i++) {
                    // Connected but silent: the idle timeout (60 s) applies until the first byte.
                    Socket socket = new Socket("127.0.0.1", server.port());
                    socket.setSoTimeout(10_000);
                    slow.add(socket);
                }
                awaitConnections(server);

                String newcomer = exchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(newcomer).startsWith("HTTP/1.1 503 Service Unavailable");
                assertThat(newcomer).contains("com.amazonaws.dynamodb.v20120810#ServiceUnavailable");

                for (Socket socket : slow) {
                    trickles.add(pool.submit(() -> trickle(socket)));
                }
                List<Integer> cutAfter = new ArrayList<>();
                for (Future<Trickle> future : trickles) {
                    Trickle trickle = future.get(30, TimeUnit.SECONDS);
                    cutAfter.add(trickle.bytesSent());
                    assertThat(trickle.answer()).startsWith("HTTP/1.1 408 Request Timeout");
                    assertThat(trickle.bytesSent())
                            .as("the server cut the trickle at its deadline, long before it ended")
                            .isLessThan(MAX_TRICKLED_BYTES);
                }
                System.out.printf(
                        "SlowClientTest: cap %d, header deadline %d ms; newcomer got 503; slow connections cut with 408"
                                + " after %s bytes (one per 100 ms)%n",
                        CAP, HEADER_DEADLINE.toMillis(), cutAfter);
            } finally {
                pool.shutdownNow();
            }

            DynamoDbClient client = DynamoDbClient.builder()
                    .endpointOverride(server.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                    .build();
            try (client) {
                assertThat(client.listTables().tableNames()).isEmpty();
            }
        }
    }

    /** Waits (bounded) until the slow connections have reached the server's connection count. */
    private static void awaitConnections(ServerHandle server) throws IOException {
        // The acceptor registers a connection right after accept(); a health check on a fresh
        // connection that gets a 503 proves the cap is reached. Until then, it is served (200).
        for (int attempt = 0; attempt < 200; attempt++) {
            String answer = exchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            if (answer.startsWith("HTTP/1.1 503")) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the server never reached its cap of " + CAP + " connections");
    }

    /** Sends one byte every 100 ms (at most MAX_TRICKLED_BYTES) until the server answers or closes. */
    private static Trickle trickle(Socket socket) throws IOException, InterruptedException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        byte[] request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaa"
                .getBytes(StandardCharsets.US_ASCII);
        int sent = 0;
        try {
            for (int i = 0; i < request.length && sent < MAX_TRICKLED_BYTES; i++) {
                if (in.available() > 0) {
                    break;
                }
                out.write(request[i]);
                out.flush();
                sent++;
                Thread.sleep(100); // the slowness under test, not a synchronisation
            }
        } catch (SocketException e) {
            // the server closed the connection after answering: read what it said
        }
        return new Trickle(sent, readAll(in));
    }

    private static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int read;
        try {
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
            }
        } catch (SocketException e) {
            // reset after the answer: keep what arrived
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
