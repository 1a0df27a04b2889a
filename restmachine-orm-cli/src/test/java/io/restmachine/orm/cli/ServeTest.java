package io.restmachine.orm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * {@code serve} in its own JVM, as a user runs it: reachable through the AWS SDK over HTTP, stopped
 * by a signal (what Ctrl-C sends), and with {@code --data-dir} finding its data again on restart.
 */
class ServeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private Process server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void serve_answersTheAwsSdkOverHttp_andStopsOnASignal() throws Exception {
        Lines output = start("serve", "--port", "0");
        URI endpoint = endpointFrom(output);
        assertThat(String.join("\n", output.through("stop:")))
                .contains("aws dynamodb list-tables --endpoint-url " + endpoint + " --region us-east-1")
                .contains("in memory")
                .contains("console: " + endpoint + "/console/");
        HttpResponse<String> console = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(endpoint.resolve("/console/")).build(), BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("<title>restmachine-orm console</title>");

        try (DynamoDbClient client = client(endpoint)) {
            Cli.Result created = Cli.against(endpoint.toString()).run("table", "create", "--table", "table-t");
            assertThat(created.status()).as(created.toString()).isZero();
            client.putItem(b -> b.tableName("table-t")
                    .item(Map.of("pk", AttributeValue.fromS("A"), "sk", AttributeValue.fromS("B"))));
            assertThat(client.scan(b -> b.tableName("table-t")).count()).isEqualTo(1);
        }

        server.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C (SIGINT)
        assertThat(server.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(output.rest()).as("exit status %d", server.exitValue()).contains("restmachine-orm: server stopped");
    }

    @Test
    void serve_withDataDir_keepsDataAcrossRestarts(@TempDir Path data) throws Exception {
        Lines output = start("serve", "--port", "0", "--data-dir", data.toString());
        URI endpoint = endpointFrom(output);
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        List<String> banner = output.through("stop:");
        assertThat(String.join("\n", banner))
                .contains("aws dynamodb list-tables --endpoint-url " + endpoint + " --region us-east-1")
                .contains(data.toAbsolutePath().toString());

        try (DynamoDbClient client = client(endpoint)) {
            assertThat(Cli.against(endpoint.toString())
                            .run("table", "create", "--table", "kept")
                            .status())
                    .isZero();
            client.putItem(b -> b.tableName("kept")
                    .item(Map.of(
                            "pk", AttributeValue.fromS("USER#1"),
                            "sk", AttributeValue.fromS("PROFILE"),
                            "name", AttributeValue.fromS("Alice"))));
        }

        server.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C (SIGINT)
        assertThat(server.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(String.join("\n", output.rest())).contains("data flushed to " + data.toAbsolutePath());

        Lines again = start("serve", "--port", "0", "--data-dir", data.toString());
        try (DynamoDbClient client = client(endpointFrom(again))) {
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName("kept")
                            .key(Map.of("pk", AttributeValue.fromS("USER#1"), "sk", AttributeValue.fromS("PROFILE"))))
                    .item();
            assertThat(item).containsEntry("name", AttributeValue.fromS("Alice"));
        }
    }

    @Test
    void serve_onADataDirLockedByAnotherEngine_exits1WithOneLine(@TempDir Path data) {
        try (EmbeddedDynamoDB holder = EmbeddedDynamoDB.persistent(data)) {
            Cli.Result result = assertTimeoutPreemptively(
                    WAIT, () -> Cli.plain("serve", "--port", "0", "--data-dir", data.toString()));

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.err())
                    .startsWith("restmachine-orm: cannot open --data-dir " + data)
                    .hasLineCount(1);
        }
    }

    @Test
    void serve_onAPortInUse_exits1WithOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Result result = assertTimeoutPreemptively(
                    WAIT, () -> Cli.plain("serve", "--port", Integer.toString(taken.getLocalPort())));

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.err())
                    .startsWith("restmachine-orm: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("--port")
                    .hasLineCount(1);
        }
    }

    @Test
    void serve_withAnImpossiblePort_exits2() {
        Cli.Result result = Cli.plain("serve", "--port", "70000");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("--port must be between 0").hasLineCount(1);
    }

    @Test
    void serve_withRequireAuth_servesTheConfiguredKeyAndRefusesAWrongSecret() throws Exception {
        Lines output = start("serve", "--port", "0", "--require-auth", "--access-key", "AKIDLOCAL:local-secret");
        URI endpoint = endpointFrom(output);
        assertThat(output.through("auth:")).last().asString().contains("signed with one of 1 access key(s)");

        try (DynamoDbClient signed = client(endpoint, "AKIDLOCAL", "local-secret");
                DynamoDbClient forged = client(endpoint, "AKIDLOCAL", "not-the-secret")) {
            assertThat(signed.listTables().tableNames()).isEmpty();
            assertThatThrownBy(forged::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                            e.awsErrorDetails().errorCode())
                    .isEqualTo("InvalidSignatureException"));
        }
    }

    @Test
    void serve_withRequireAuthButNoKey_exits2() {
        Cli.Result result = Cli.plain("serve", "--port", "0", "--require-auth");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err())
                .contains("--require-auth needs at least one access key: --access-keys-file FILE")
                .hasLineCount(1);
    }

    @Test
    void serve_withAccessKeyWithoutSecret_exits2WithoutEchoingIt() {
        Cli.Result result = Cli.plain("serve", "--port", "0", "--require-auth", "--access-key", "AKIDLOCAL");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("--access-key takes ID:SECRET").hasLineCount(1);
    }

    @Test
    void serve_withAccessKeyButNoRequireAuth_exits2() {
        Cli.Result result = Cli.plain("serve", "--port", "0", "--access-key", "AKIDLOCAL:s");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("--access-key needs --require-auth").doesNotContain(":s");
    }

    @Test
    void serve_withAnOwnerOnlyKeysFile_servesItsKeys(@TempDir Path dir) throws Exception {
        Path keys = ownerOnlyFile(dir.resolve("keys"), "# local keys\n\nAKIDFILE:file-secret\n");
        Lines output = start("serve", "--port", "0", "--require-auth", "--access-keys-file", keys.toString());
        URI endpoint = endpointFrom(output);

        try (DynamoDbClient signed = client(endpoint, "AKIDFILE", "file-secret");
                DynamoDbClient forged = client(endpoint, "AKIDFILE", "guess")) {
            assertThat(signed.listTables().tableNames()).isEmpty();
            assertThatThrownBy(forged::listTables).isInstanceOf(DynamoDbException.class);
        }
    }

    @Test
    void serve_withKeysInTheEnvironment_servesThem() throws Exception {
        Lines output = start(
                Map.of("RESTMACHINE_ACCESS_KEYS", "AKIDENV:env-secret, AKIDTWO:two-secret"),
                "serve",
                "--port",
                "0",
                "--require-auth");
        URI endpoint = endpointFrom(output);
        assertThat(output.through("auth:")).last().asString().contains("signed with one of 2 access key(s)");

        try (DynamoDbClient signed = client(endpoint, "AKIDTWO", "two-secret")) {
            assertThat(signed.listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void serve_withAKeysFileOthersCanRead_exits2SayingHowToFixIt_withoutTheSecret(@TempDir Path dir)
            throws IOException {
        Path keys = dir.resolve("keys");
        Files.writeString(keys, "AKIDFILE:file-secret\n");
        Files.setPosixFilePermissions(keys, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result result = Cli.plain("serve", "--port", "0", "--require-auth", "--access-keys-file", keys.toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err())
                .contains("can be used by other users (permissions rw-r--r--)")
                .contains("chmod 600 '" + keys + "'")
                .doesNotContain("file-secret")
                .hasLineCount(1);
    }

    @Test
    void serveHelp_namesEveryWayToGiveKeys_andWarnsAboutPs() {
        Cli.Result result = Cli.plain("serve", "--help");

        assertThat(result.out())
                .contains("--access-keys-file")
                .contains("RESTMACHINE_ACCESS_KEYS")
                .contains("chmod 600")
                .contains("ps")
                .contains("MissingAuthenticationTokenException");
    }

    @Test
    void acceptLogLoss_afterServeRefusedACutLog_letsTheDirectoryOpenAgain(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        Path image = dir.resolve("image");
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.persistent(data)) {
            db.client().createTable(b -> b.tableName("kept")
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH")));
            for (int i = 0; i < 20; i++) {
                int n = i;
                db.client().putItem(b -> b.tableName("kept").item(Map.of("pk", AttributeValue.fromS("k" + n))));
            }
            // The directory as a crash would leave it, then cut to half (a copy stopped short).
            Files.createDirectories(image);
            try (var files = Files.list(data)) {
                for (Path file : files.filter(f -> !f.getFileName().toString().equals("lock"))
                        .toList()) {
                    Files.copy(file, image.resolve(file.getFileName()));
                }
            }
        }
        Path segment = image.resolve(String.format("wal-%020d.log", 1));
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Cli.Result refused = assertTimeoutPreemptively(
                WAIT, () -> Cli.plain("serve", "--port", "0", "--data-dir", image.toString()));
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err())
                .contains("but it had been synced up to offset")
                .contains("restmachine-orm accept-log-loss --data-dir '" + image.toAbsolutePath() + "'");

        Cli.Result accepted = Cli.plain("accept-log-loss", "--data-dir", image.toString());

        assertThat(accepted.status()).as(accepted.toString()).isZero();
        assertThat(accepted.out()).contains("acknowledged bytes were missing").contains("opens again");
        try (EmbeddedDynamoDB reopened = EmbeddedDynamoDB.persistent(image)) {
            assertThat(reopened.client().scan(b -> b.tableName("kept")).count()).isBetween(5, 15);
        }
    }

    private static Path ownerOnlyFile(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private Lines start(String... args) throws IOException {
        return start(Map.of(), args);
    }

    private Lines start(Map<String, String> environment, String... args) throws IOException {
        if (server != null) {
            server.destroyForcibly();
        }
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(
                List.of(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("serve", ".out");
        output.toFile().deleteOnExit();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        server = builder.redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        return new Lines(output);
    }

    private static URI endpointFrom(Lines output) throws InterruptedException, IOException {
        String line = output.until("listening on ");
        return URI.create(line.substring(line.indexOf("listening on ") + "listening on ".length())
                .trim());
    }

    private static DynamoDbClient client(URI endpoint) {
        return client(endpoint, "any", "any");
    }

    private static DynamoDbClient client(URI endpoint, String keyId, String secret) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .build();
    }

    /**
     * The output of a child process, written to a file (a file, unlike a pipe, keeps what the JVM
     * prints while it shuts down) and read with bounded polling.
     */
    private static final class Lines {
        private final Path file;
        private int consumed;

        Lines(Path file) {
            this.file = file;
        }

        /** The unread lines up to and including the first one containing the text. */
        List<String> through(String text) throws InterruptedException, IOException {
            int from = consumed;
            until(text);
            return Files.readAllLines(file, StandardCharsets.UTF_8).subList(from, consumed);
        }

        /** The first unread line containing the text, waiting at most a minute. */
        String until(String text) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = consumed; i < all.size(); i++) {
                    if (all.get(i).contains(text)) {
                        consumed = i + 1;
                        return all.get(i);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "no line with '" + text + "' within " + WAIT + "; output was:\n" + String.join("\n", all));
                }
                Thread.sleep(50); // polling a file; bounded by the deadline
            }
        }

        /** Every line after the last one found. */
        List<String> rest() throws IOException {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return all.subList(Math.min(consumed, all.size()), all.size());
        }
    }
}
