package io.restmachine.dynamodb.embedded.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The HTTP/1.1 layer of the engine's server, spoken over raw sockets: keep-alive, chunked bodies,
 * {@code Expect: 100-continue}, DynamoDB's empty 413 for bodies over 16 MB (answered from the
 * headers, before any body byte is read), and a 400 with the connection closed for malformed input.
 */
class HttpServerTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb/aws4_request,"
            + " SignedHeaders=host;x-amz-date;x-amz-target, Signature=abc";
    private static final int TIMEOUT_MILLIS = 10_000;

    private EmbeddedDynamoDB db;
    private URI endpoint;

    @BeforeEach
    void start() {
        db = EmbeddedDynamoDB.inMemory();
        endpoint = db.startServer(0);
        db.client().createTable(b -> b.tableName("web")
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    private static String post(String target, String body, String... extraHeaders) {
        StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\nHost: localhost\r\n")
                .append("Content-Type: application/x-amz-json-1.0\r\n")
                .append("X-Amz-Target: DynamoDB_20120810.")
                .append(target)
                .append("\r\nAuthorization: ")
                .append(AUTH)
                .append("\r\nX-Amz-Date: 20260101T000000Z\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        if (Arrays.stream(extraHeaders).noneMatch(h -> h.startsWith("Transfer-Encoding"))) {
            request.append("Content-Length: ")
                    .append(body.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n");
        }
        return request.append("\r\n").append(body).toString();
    }

    /** Reads one response: status line, headers and a Content-Length body. */
    private static Response read(InputStream in) throws IOException {
        String head = readHead(in);
        int status = Integer.parseInt(head.substring(9, 12));
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Response(status, head, new String(body, StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int c;
        while (matched < 4 && (c = in.read()) >= 0) {
            head.write(c);
            matched = (c == '\r' && matched % 2 == 0) || (c == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private record Response(int status, String head, String body) {}

    private long items() {
        return db.client().scan(b -> b.tableName("web")).count();
    }

    @Test
    void oneConnection_servesManyRequests_keepAlive() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 3; i++) {
                out.write(post("PutItem", "{\"TableName\":\"web\",\"Item\":{\"pk\":{\"S\":\"k" + i + "\"}}}")
                        .getBytes(StandardCharsets.UTF_8));
                Response response = read(in);
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.head()).containsIgnoringCase("x-amz-crc32:").contains("Date: ");
            }
        }
        assertThat(items()).isEqualTo(3);
    }

    @Test
    void healthCheck_answersGet() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Response response = read(socket.getInputStream());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).startsWith("healthy:");
        }
    }

    @Test
    void chunkedBody_andExpectContinue_areUnderstood() throws Exception {
        String body = "{\"TableName\":\"web\",\"Item\":{\"pk\":{\"S\":\"chunked\"}}}";
        String chunked = Integer.toHexString(10) + "\r\n" + body.substring(0, 10) + "\r\n"
                + Integer.toHexString(body.length() - 10) + "\r\n" + body.substring(10) + "\r\n0\r\n\r\n";
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(post("PutItem", "", "Transfer-Encoding: chunked", "Expect: 100-continue")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(readHead(in)).startsWith("HTTP/1.1 100 Continue");
            out.write(chunked.getBytes(StandardCharsets.US_ASCII));
            assertThat(read(in).status()).isEqualTo(200);
        }
        assertThat(items()).isEqualTo(1);
    }

    @Test
    void declaredBodyOver16Megabytes_getsAnEmpty413BeforeAnyBodyIsSent_andWritesNothing() throws Exception {
        try (Socket socket = connect()) {
            String head = post("PutItem", "").replace("Content-Length: 0", "Content-Length: " + (16 * 1024 * 1024 + 1));
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            // No body byte is sent: the answer can only come from the headers.
            Response response = read(socket.getInputStream());
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.head()).contains("413 Request Entity Too Large").contains("Connection: close");
            assertThat(response.body()).isEmpty();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(items()).isZero();
    }

    @Test
    void chunkedBodyOver16Megabytes_getsA413_andWritesNothing() throws Exception {
        byte[] chunk = new byte[1024 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(post("PutItem", "", "Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
            Response response;
            try {
                for (int i = 0; i < 17; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                // the server may stop reading once it has refused the body; its answer is still there
            }
            response = read(socket.getInputStream());
            assertThat(response.status()).isEqualTo(413);
        }
        assertThat(items()).isZero();
    }

    @Test
    void malformedRequests_get400_andTheConnectionIsClosed() throws Exception {
        String[] malformed = {
            "NOT-HTTP\r\n\r\n",
            "POST / HTTP/1.1\r\nHost x\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "POST / HTTP/1.1\r\nX-Bad: a\u0000b\r\n\r\n",
            "POST / HTTP/1.1\r\n folded: header\r\n\r\n",
            "POST / HTTP/1.1\r\nX-Bare: a\rb\r\n\r\n",
            "POST / HTTP/1.1\r\n: no-name\r\n\r\n",
        };
        for (String request : malformed) {
            try (Socket socket = connect()) {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                Response response = read(socket.getInputStream());
                assertThat(response.status()).as(request).isEqualTo(400);
                assertThat(response.head()).as(request).contains("Connection: close");
                assertThat(socket.getInputStream().read()).as(request).isEqualTo(-1);
            }
        }
        assertThat(items()).isZero();
    }

    @Test
    void unsupportedVersionOrCoding_areRefusedWithTheirStatus() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("POST / HTTP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(socket.getInputStream()).status()).isEqualTo(505);
        }
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(socket.getInputStream()).status()).isEqualTo(501);
        }
    }

    private static String putBody(String key) {
        return "{\"TableName\":\"web\",\"Item\":{\"pk\":{\"S\":\"" + key + "\"}}}";
    }

    @Test
    void requestSentOneByteAtATime_isReadWhole_withBlanksAroundValuesAndNamesInAnyCase() throws Exception {
        String request = post("PutItem", putBody("slow"))
                .replace("X-Amz-Target: DynamoDB_20120810.PutItem", "X-AMZ-TARGET: \t DynamoDB_20120810.PutItem \t");
        try (Socket socket = connect()) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            for (byte b : request.getBytes(StandardCharsets.UTF_8)) {
                out.write(b);
                out.flush();
            }
            assertThat(read(socket.getInputStream()).status()).isEqualTo(200);
        }
        assertThat(items()).isEqualTo(1);
    }

    @Test
    void twoRequestsInOneWrite_areBothAnswered() throws Exception {
        String both = post("PutItem", putBody("first")) + post("PutItem", putBody("second"));
        try (Socket socket = connect()) {
            socket.getOutputStream().write(both.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            assertThat(read(in).status()).isEqualTo(200);
            assertThat(read(in).status()).isEqualTo(200);
        }
        assertThat(items()).isEqualTo(2);
    }

    @Test
    void theLongestHeaderLineAllowed_isRead_andOneByteMore_gets431() throws Exception {
        // A line may take 16 KiB up to its LF, its CR included: 16,383 bytes of header.
        String name = "X-Long: ";
        String longest = name + "a".repeat(16 * 1024 - 1 - name.length());
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write(post("PutItem", putBody("long"), longest).getBytes(StandardCharsets.UTF_8));
            assertThat(read(socket.getInputStream()).status()).isEqualTo(200);
        }
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write(post("PutItem", putBody("too-long"), longest + "a").getBytes(StandardCharsets.UTF_8));
            assertThat(read(socket.getInputStream()).status()).isEqualTo(431);
        }
        assertThat(items()).isEqualTo(1);
    }

    @Test
    void moreThan200Headers_get431() throws Exception {
        String[] many = new String[200];
        Arrays.setAll(many, i -> "X-Header-" + i + ": v");
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write(post("PutItem", putBody("many"), many).getBytes(StandardCharsets.UTF_8));
            assertThat(read(socket.getInputStream()).status()).isEqualTo(431);
        }
        assertThat(items()).isZero();
    }
}
