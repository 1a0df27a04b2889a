package io.restmachine.dynamodb.embedded.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.ServerHandle;
import io.restmachine.dynamodb.embedded.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web console's files as the HTTP server serves them, over raw sockets so that no client
 * tidies a path: content types, revalidation, the redirect to {@code /console/}, refusals of
 * anything outside the console's folder, and that signing (with {@code --require-auth}) and the
 * health check are untouched.
 */
class ConsoleFilesTest {
    private static EmbeddedDynamoDB db;
    private static ServerHandle server;

    @BeforeAll
    static void start() {
        db = EmbeddedDynamoDB.inMemory();
        server = db.serve(ServerOptions.port(0).withAccessKey("AKIDLOCAL", "local-secret"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void theConsole_isServedAsHtml_withItsScriptsAndStyles_withoutASignature() throws IOException {
        Response page = get("/console/", "");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>restmachine-orm console</title>");

        for (String script : new String[] {"app.js", "dynamo.js", "sigv4.js"}) {
            Response file = get("/console/" + script, "");
            assertThat(file.status()).as(script).isEqualTo(200);
            assertThat(file.header("content-type")).isEqualTo("text/javascript; charset=utf-8");
        }
        assertThat(get("/console/console.css", "").header("content-type")).isEqualTo("text/css; charset=utf-8");
    }

    @Test
    void everyAnswer_isRevalidated_andCannotBeFramedOrSniffed() throws IOException {
        Response page = get("/console/index.html", "");

        assertThat(page.header("cache-control")).isEqualTo("no-cache");
        assertThat(page.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(page.header("x-frame-options")).isEqualTo("DENY");
        assertThat(page.header("content-security-policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        String etag = page.header("etag");
        assertThat(etag).startsWith("\"").endsWith("\"");

        Response again = get("/console/index.html", "If-None-Match: " + etag + "\r\n");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/console/index.html", "If-None-Match: \"stale\"\r\n").status())
                .isEqualTo(200);
    }

    @Test
    void theBarePath_redirectsToTheFolder() throws IOException {
        Response redirect = get("/console", "");

        assertThat(redirect.status()).isEqualTo(308);
        assertThat(redirect.header("location")).isEqualTo("/console/");
    }

    @Test
    void head_answersTheHeadersOnly() throws IOException {
        Response head = request("HEAD /console/app.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("content-type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(head.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/console/../pom.xml",
                "/console/%2e%2e/pom.xml",
                "/console/..%2fConsoleFiles.class",
                "/console/sub/index.html",
                "/console/ConsoleFiles.class",
                "/console/missing.js",
                "/console/.hidden.js",
                "/console/index.html%00.js",
                "/console//etc/passwd"
            })
    void pathsOutsideTheConsolesFiles_are404(String path) throws IOException {
        Response response = get(path, "");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("content-type")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void theApi_stillNeedsASignature_andTheHealthCheckStillAnswers() throws IOException {
        Response unsigned = request("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.body()).contains("MissingAuthenticationTokenException");

        assertThat(get("/", "").body()).startsWith("healthy:");
        assertThat(get("/consoles", "").body()).as("only /console and below").startsWith("healthy:");
    }

    private static Response get(String path, String headers) throws IOException {
        return request("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + headers + "Connection: close\r\n\r\n");
    }

    private static Response request(String text) throws IOException {
        try (Socket socket =
                new Socket(server.endpoint().getHost(), server.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String answer = all.toString(StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, split).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new Response(Integer.parseInt(lines[0].substring(9, 12)), headers, answer.substring(split + 4));
        }
    }

    private record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }
}
