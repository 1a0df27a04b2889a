package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wire protocol as any HTTP client sees it (no SDK in between). */
class ProtocolTest {
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=a/20250101/us-east-1/dynamodb/aws4_request,"
            + " SignedHeaders=host, Signature=abc";

    private EmbeddedDynamoDB db;
    private URI endpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        db = EmbeddedDynamoDB.inMemory();
        endpoint = db.startServer(0);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("Authorization", SIGNED)
                .header("X-Amz-Date", "20250101T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startServer_bindsTheLoopbackAddress() {
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.getPort()).isPositive();
    }

    @Test
    void get_answersTheHealthCheck() throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
    }

    @Test
    void unknownAction_isUnknownOperationException() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.Frobnicate", "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
    }

    @Test
    void malformedJson_isSerializationException() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{\"Limit\":");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("com.amazon.coral.service#SerializationException");
    }

    @Test
    void malformedJson_comesBeforeAnUnknownTargetAndAMissingSignature() throws Exception {
        HttpResponse<String> unknown = post("DynamoDB_20120810.Frobnicate", "{\"Limit\":");
        assertThat(unknown.body()).contains("#SerializationException");
        HttpResponse<String> unsigned = http.send(
                HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                        .POST(HttpRequest.BodyPublishers.ofString("[1, }"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.body()).contains("#SerializationException");
    }

    @Test
    void aTransactionMeetsEachActionsErrorsInTurn() throws Exception {
        // The first action's table is looked up before the second action's values are checked.
        String body = "{\"TransactItems\": ["
                + "{\"Put\": {\"TableName\": \"missing\", \"Item\": {\"pk\": {\"S\": \"a\"}}}},"
                + "{\"Put\": {\"TableName\": \"missing\", \"Item\": {\"pk\": {\"N\": \"x\"}}}}]}";
        HttpResponse<String> response = post("DynamoDB_20120810.TransactWriteItems", body);
        assertThat(response.body()).contains("#ResourceNotFoundException");
        String swapped = "{\"TransactItems\": ["
                + "{\"Put\": {\"TableName\": \"missing\", \"Item\": {\"pk\": {\"N\": \"x\"}}}},"
                + "{\"Put\": {\"TableName\": \"missing\", \"Item\": {\"pk\": {\"S\": \"a\"}}}}]}";
        assertThat(post("DynamoDB_20120810.TransactWriteItems", swapped).body())
                .contains("#ValidationException")
                .contains("numeric value");
    }

    @Test
    void wrongMemberType_isSerializationExceptionNamingTheJavaType() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{\"Limit\":\"ten\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\","
                        + "\"Message\":\"STRING_VALUE cannot be converted to Integer\"}");
    }

    @Test
    void constraintViolations_areListedInOneValidationException() throws Exception {
        HttpResponse<String> response =
                post("DynamoDB_20120810.ListTables", "{\"Limit\":1000,\"ExclusiveStartTableName\":\"a;\"}");
        assertThat(response.body())
                .contains("com.amazon.coral.validate#ValidationException")
                .contains("3 validation errors detected: Value '1000' at 'limit' failed to satisfy constraint: Member"
                        + " must have value less than or equal to 100");
    }

    /** As DynamoDB Local does, even without --require-auth; the README tells raw-HTTP users so. */
    @Test
    void missingAuthorization_isMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("MissingAuthenticationTokenException")
                .contains("Request is missing Authentication Token");
    }

    @Test
    void responses_carryRequestIdAndCrc32OfTheBody() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"TableNames\":[]}");
        CRC32 crc = new CRC32();
        crc.update(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
        assertThat(response.headers().firstValue("x-amzn-RequestId"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(52).matches("[A-Z0-9]{52}"));
        String next = post("DynamoDB_20120810.ListTables", "{}")
                .headers()
                .firstValue("x-amzn-RequestId")
                .orElseThrow();
        assertThat(next)
                .matches("[A-Z0-9]{52}")
                .isNotEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
    }

    @Test
    void oversizeBody_isRefusedWith413() throws Exception {
        String body = "{\"TableName\":\"" + "x".repeat(16 * 1024 * 1024) + "\"}";
        HttpResponse<String> response = post("DynamoDB_20120810.DescribeTable", body);
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void wrongContentType_isNotFound() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "text/plain")
                        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }
}
