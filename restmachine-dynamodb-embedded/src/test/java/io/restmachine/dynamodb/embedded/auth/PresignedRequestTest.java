package io.restmachine.dynamodb.embedded.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.ServerHandle;
import io.restmachine.dynamodb.embedded.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Presigned (query-string) requests made by the AWS SDK's own signer ({@link AwsV4HttpSigner} with
 * {@code AUTH_LOCATION=QUERY_STRING}), sent over HTTP to a server that requires signatures: a
 * correct one is served; a tampered signature, a wrong secret, a stale date or a lifetime
 * ({@code X-Amz-Expires}) that has run out get DynamoDB's errors, and none of them reaches a table.
 */
class PresignedRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CREATE = "{\"TableName\":\"%s\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
            + "\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
            + "\"BillingMode\":\"PAY_PER_REQUEST\"}";
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

    /** The SDK's presigned form of CreateTable {@code table}, signed at {@code at}, valid for {@code lifetime}. */
    private static SdkHttpRequest presign(String secret, String body, Instant at, Duration lifetime) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(server.endpoint().resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "DynamoDB_20120810.CreateTable")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(
                        AwsCredentialsIdentity.create("AKIDLOCAL", secret))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, lifetime)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        return signed.request();
    }

    private static HttpResponse<String> send(SdkHttpRequest signed, String body) throws Exception {
        return send(signed, body, uri -> uri);
    }

    private static HttpResponse<String> send(SdkHttpRequest signed, String body, UnaryOperator<String> target)
            throws Exception {
        assertThat(signed.headers()).doesNotContainKey("Authorization");
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(target.apply(signed.getUri().toString())))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("host")) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        String type = body.path("__type").asText();
        String message = body.hasNonNull("message")
                ? body.get("message").asText()
                : body.path("Message").asText();
        return type.substring(type.indexOf('#') + 1) + ": " + message;
    }

    @Test
    void sdkPresignedRequest_withTheConfiguredKey_isServed() throws Exception {
        String body = CREATE.formatted("presigned");
        SdkHttpRequest signed = presign("local-secret", body, Instant.now(), Duration.ofMinutes(5));
        assertThat(signed.rawQueryParameters()).containsKeys("X-Amz-Algorithm", "X-Amz-Signature", "X-Amz-Expires");

        HttpResponse<String> response = send(signed, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(db.client().listTables().tableNames()).contains("presigned");
    }

    @Test
    void sdkPresignedRequest_withAnotherSecret_isInvalidSignature() throws Exception {
        String body = CREATE.formatted("wrong-secret");

        HttpResponse<String> response = send(presign("other-secret", body, Instant.now(), Duration.ofMinutes(5)), body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("InvalidSignatureException: " + SignatureVerifier.MISMATCH);
        assertThat(db.client().listTables().tableNames()).doesNotContain("wrong-secret");
    }

    @Test
    void sdkPresignedRequest_withATamperedSignatureOrBody_isInvalidSignature() throws Exception {
        String body = CREATE.formatted("tampered");
        SdkHttpRequest signed = presign("local-secret", body, Instant.now(), Duration.ofMinutes(5));
        String signature = signed.rawQueryParameters().get("X-Amz-Signature").get(0);
        String flipped = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);

        HttpResponse<String> wrongSignature = send(signed, body, uri -> uri.replace(signature, flipped));
        HttpResponse<String> otherBody = send(signed, CREATE.formatted("tampered-too"));

        assertThat(error(wrongSignature)).isEqualTo("InvalidSignatureException: " + SignatureVerifier.MISMATCH);
        assertThat(error(otherBody)).isEqualTo("InvalidSignatureException: " + SignatureVerifier.MISMATCH);
        assertThat(db.client().listTables().tableNames()).doesNotContain("tampered", "tampered-too");
    }

    @Test
    void sdkPresignedRequest_pastItsExpires_isRefusedWithTheExpiryMessage() throws Exception {
        String body = CREATE.formatted("expired");
        Instant signedAt = Instant.now().minusSeconds(120);

        HttpResponse<String> response = send(presign("local-secret", body, signedAt, Duration.ofSeconds(60)), body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response))
                .startsWith("InvalidSignatureException: Signature expired: " + SignatureVerifier.format(signedAt))
                .endsWith(" - 60 sec.)");
        assertThat(db.client().listTables().tableNames()).doesNotContain("expired");
    }

    @Test
    void sdkPresignedRequest_signedMoreThan15MinutesAgo_isExpiredWhateverItsExpires() throws Exception {
        String body = CREATE.formatted("stale");
        Instant signedAt = Instant.now().minus(Duration.ofMinutes(20));

        HttpResponse<String> response = send(presign("local-secret", body, signedAt, Duration.ofHours(1)), body);

        assertThat(error(response))
                .startsWith("InvalidSignatureException: Signature expired: " + SignatureVerifier.format(signedAt))
                .endsWith(" - 15 min.)");
    }

    @Test
    void presignedRequest_missingAParameter_isIncompleteSignature() throws Exception {
        String body = CREATE.formatted("incomplete");
        SdkHttpRequest signed = presign("local-secret", body, Instant.now(), Duration.ofMinutes(5));

        HttpResponse<String> response = send(signed, body, uri -> uri.replaceAll("X-Amz-SignedHeaders=[^&]*&?", ""));

        assertThat(error(response))
                .isEqualTo("IncompleteSignatureException: AWS query-string parameters must include"
                        + " 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.");
    }

    /** The SDK's presigned request as the verifier sees it, with {@code rewrite} applied to its query string. */
    private static io.restmachine.dynamodb.embedded.auth.SignedRequest asReceived(
            SdkHttpRequest signed, String body, UnaryOperator<String> rewrite, Map<String, List<String>> extra) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>(signed.headers());
        headers.put("Host", List.of(signed.host() + ":" + signed.port()));
        headers.putAll(extra);
        return new io.restmachine.dynamodb.embedded.auth.SignedRequest(
                "POST",
                "/",
                rewrite.apply(signed.getUri().getRawQuery()),
                headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static final Instant SIGNED_AT = Instant.parse("2026-01-02T03:04:05Z");

    private static SignatureVerifier verifierAt(Instant now) {
        return SignatureVerifier.of(Map.of("AKIDLOCAL", "local-secret"), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void verifier_presignedRequestWithAnAuthorizationHeaderToo_isInvalidSignature() {
        String body = CREATE.formatted("both");
        SignatureVerifier verifier = verifierAt(SIGNED_AT);
        SdkHttpRequest signed = presign("local-secret", body, SIGNED_AT, Duration.ofMinutes(5));

        assertThat(verifier.verify(asReceived(signed, body, q -> q, Map.of()))).isEmpty();
        assertThat(verifier.verify(asReceived(
                        signed, body, q -> q, Map.of("Authorization", List.of("AWS4-HMAC-SHA256 Credential=x")))))
                .hasValueSatisfying(e -> assertThat(e.message())
                        .isEqualTo("Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP"
                                + " header."));
    }

    @Test
    void verifier_presignedRequestWithAnotherAlgorithmOrABadExpires_isIncompleteSignature() {
        String body = CREATE.formatted("odd");
        SignatureVerifier verifier = verifierAt(SIGNED_AT);
        SdkHttpRequest signed = presign("local-secret", body, SIGNED_AT, Duration.ofMinutes(5));

        assertThat(verifier.verify(
                        asReceived(signed, body, q -> q.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512"), Map.of())))
                .hasValueSatisfying(e -> assertThat(e.type().name()).isEqualTo("INCOMPLETE_SIGNATURE"));
        for (String expires : List.of("0", "604801", "soon")) {
            assertThat(verifier.verify(asReceived(
                            signed, body, q -> q.replace("X-Amz-Expires=300", "X-Amz-Expires=" + expires), Map.of())))
                    .hasValueSatisfying(e -> assertThat(e.message())
                            .startsWith("X-Amz-Expires must be a whole number of seconds from 1 to 604800; got '"
                                    + expires));
        }
    }

    @Test
    void verifier_presignedRequestAtTheEdgeOfItsExpires_passesThenExpires() {
        String body = CREATE.formatted("edge");
        SdkHttpRequest signed = presign("local-secret", body, SIGNED_AT, Duration.ofSeconds(60));
        SignatureVerifier atExpiry = verifierAt(SIGNED_AT.plusSeconds(60));
        SignatureVerifier after = verifierAt(SIGNED_AT.plusSeconds(61));

        assertThat(atExpiry.verify(asReceived(signed, body, q -> q, Map.of()))).isEmpty();
        assertThat(after.verify(asReceived(signed, body, q -> q, Map.of())))
                .hasValueSatisfying(e -> assertThat(e.message())
                        .isEqualTo("Signature expired: 20260102T030405Z is now earlier than 20260102T030406Z"
                                + " (20260102T030506Z - 60 sec.)"));
    }
}
