package io.restmachine.dynamodb.embedded.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.ServerHandle;
import io.restmachine.dynamodb.embedded.ServerOptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The HTTP server with {@code ServerOptions.withAccessKey}: the real SDK with the right key is
 * served, with a wrong secret or unknown key refused; hand-made requests (unsigned, malformed,
 * stale, tampered) get DynamoDB's error types, and none of them reaches the engine.
 */
class RequireAuthServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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

    private static DynamoDbClient sdk(String keyId, String secret) {
        return DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    private static List<String> tables() {
        return db.client().listTables().tableNames();
    }

    @Test
    void server_byDefault_bindsLoopbackOnly() throws Exception {
        assertThat(ServerOptions.port(0).host()).isEqualTo("127.0.0.1");
        URI endpoint = db.startServer(0);
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(InetAddress.getByName(endpoint.getHost()).isLoopbackAddress())
                .isTrue();
        assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void sdkClient_withConfiguredKey_isServed() {
        try (DynamoDbClient client = sdk("AKIDLOCAL", "local-secret")) {
            client.createTable(b -> b.tableName("signed")
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH")));
            client.putItem(b -> b.tableName("signed")
                    .item(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("a"))));
            assertThat(client.scan(b -> b.tableName("signed")).count()).isEqualTo(1);
        }
    }

    @Test
    void sdkClient_withWrongSecret_isRefusedWithInvalidSignature() {
        List<String> before = tables();
        try (DynamoDbClient client = sdk("AKIDLOCAL", "wrong-secret")) {
            assertThatThrownBy(() -> client.createTable(b -> b.tableName("forged")
                            .billingMode("PAY_PER_REQUEST")
                            .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                            .keySchema(k -> k.attributeName("pk").keyType("HASH"))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .startsWith("The request signature we calculated does not match the signature you"
                                        + " provided.");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
        }
        assertThat(tables()).isEqualTo(before).doesNotContain("forged");
    }

    @Test
    void sdkClient_withUnknownKey_isRefusedWithUnrecognizedClient() {
        try (DynamoDbClient client = sdk("AKIDSTRANGER", "local-secret")) {
            assertThatThrownBy(client::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                            e.awsErrorDetails().errorCode())
                    .isEqualTo("UnrecognizedClientException"));
        }
    }

    @Test
    void unsignedRequest_isRefusedWithMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = post(Map.of(), createTableBody("unsigned"));
        assertError(response, "MissingAuthenticationTokenException", "Request is missing Authentication Token");
        assertThat(tables()).doesNotContain("unsigned");
    }

    @Test
    void malformedAuthorization_isRefusedWithIncompleteSignature() throws Exception {
        String header = "AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20260102/us-east-1/dynamodb/aws4_request";
        HttpResponse<String> response = post(
                Map.of("Authorization", header, "X-Amz-Date", SignatureVerifier.format(Instant.now())),
                createTableBody("malformed"));
        assertError(
                response,
                "IncompleteSignatureException",
                "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders'"
                        + " parameter. Authorization=" + header);
        assertThat(tables()).doesNotContain("malformed");
    }

    @Test
    void handSignedRequest_isServed() throws Exception {
        HttpResponse<String> response = signedPost(Instant.now(), "local-secret", listTablesBody(), false);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).has("TableNames")).isTrue();
    }

    @Test
    void handSignedRequest_withBodyChangedAfterSigning_isRefused() throws Exception {
        HttpResponse<String> response = signedPost(Instant.now(), "local-secret", createTableBody("tampered"), true);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).endsWith("#InvalidSignatureException");
        assertThat(tables()).doesNotContain("tampered");
    }

    @Test
    void handSignedRequest_twentyMinutesOld_isRefusedAsExpired() throws Exception {
        HttpResponse<String> response =
                signedPost(Instant.now().minusSeconds(20 * 60), "local-secret", createTableBody("stale"), false);
        JsonNode error = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.get("__type").asText()).isEqualTo("com.amazon.coral.service#InvalidSignatureException");
        assertThat(error.get("message").asText())
                .startsWith("Signature expired: ")
                .contains(" - 15 min.)");
        assertThat(tables()).doesNotContain("stale");
    }

    @Test
    void healthCheck_needsNoSignature() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(server.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("healthy");
    }

    private static void assertError(HttpResponse<String> response, String type, String message) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("__type").asText()).isEqualTo("com.amazon.coral.service#" + type);
        assertThat(error.get("message").asText()).isEqualTo(message);
    }

    private static String createTableBody(String table) {
        return "{\"TableName\":\"" + table + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}";
    }

    private static String listTablesBody() {
        return "{}";
    }

    private static HttpResponse<String> post(Map<String, String> headers, String body) throws Exception {
        String target = body.contains("KeySchema") ? "CreateTable" : "ListTables";
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + target)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs {@code body} as a client would (host, content type, date, target), then sends it, or a changed body. */
    private static HttpResponse<String> signedPost(Instant at, String secret, String body, boolean tamper)
            throws Exception {
        String target = body.contains("KeySchema") ? "CreateTable" : "ListTables";
        Map<String, List<String>> headers = Map.of(
                "host", List.of("127.0.0.1:" + server.port()),
                "content-type", List.of("application/x-amz-json-1.0"),
                "x-amz-date", List.of(SignatureVerifier.format(at)),
                "x-amz-target", List.of("DynamoDB_20120810." + target));
        SignedRequest signed = SignatureVerifierTest.sign(
                new SignedRequest("POST", "/", "", headers, body.getBytes(StandardCharsets.UTF_8)),
                "AKIDLOCAL",
                secret,
                at);
        String sent = tamper ? body.replace("\"PAY_PER_REQUEST\"", "\"PAY_PER_REQUEST\" ") : body;
        return post(
                Map.of("Authorization", signed.header("authorization"), "X-Amz-Date", signed.header("x-amz-date")),
                sent);
    }
}
