package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP layer as DynamoDB answers it (docs/conformance.md, "HTTP layer"): CORS for the
 * configured origins only, the form of SigV4 signatures checked before the body even without
 * authentication, presigned requests, and JSON 1.1 bodies that are not JSON.
 */
class HttpLayerTest {
    private static final String WELL_SIGNED =
            "AWS4-HMAC-SHA256 Credential=AKID/20300101/us-east-1/dynamodb/aws4_request,"
                    + " SignedHeaders=host;x-amz-date, Signature=abcdef";
    private static final String ALL_QUERY_PARAMETERS = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKID%2F20300101%2Fus-east-1%2Fdynamodb%2Faws4_request"
            + "&X-Amz-Date=20300101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=abcdef";

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedDynamoDB db;
    private URI endpoint;

    private void serve(List<String> corsOrigins) {
        db = EmbeddedDynamoDB.inMemory();
        endpoint = db.serve(ServerOptions.port(0).withCorsOrigins(corsOrigins)).endpoint();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private HttpResponse<String> send(String method, String query, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/" + query))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> listTables(Map<String, String> extra, String query, String body) throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(Map.of(
                "Content-Type", "application/x-amz-json-1.0",
                "X-Amz-Target", "DynamoDB_20120810.ListTables",
                "X-Amz-Date", "20300101T000000Z"));
        headers.putAll(extra);
        return send("POST", query, headers, body);
    }

    @Test
    void withoutCors_aBrowserGetsNoCorsHeaders_andAPreflightIsRefused() throws Exception {
        serve(List.of());
        HttpResponse<String> answer =
                listTables(Map.of("Origin", "https://evil.example", "Authorization", WELL_SIGNED), "", "{}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> preflight = send(
                "OPTIONS", "", Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"), "");
        assertThat(preflight.statusCode()).isEqualTo(404);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void withCorsOrigins_onlyThoseOriginsAreAllowed_andPreflightsAnsweredAsDynamoDBDoes() throws Exception {
        serve(List.of("http://localhost:3000"));
        HttpResponse<String> allowed =
                listTables(Map.of("Origin", "http://localhost:3000", "Authorization", WELL_SIGNED), "", "{}");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(allowed.headers().firstValue("Vary")).hasValue("Origin");
        HttpResponse<String> other =
                listTables(Map.of("Origin", "https://evil.example", "Authorization", WELL_SIGNED), "", "{}");
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> preflight = send(
                "OPTIONS",
                "",
                Map.of(
                        "Origin", "http://localhost:3000",
                        "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "authorization,content-type,x-amz-target"),
                "");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.body()).isEmpty();
        assertThat(preflight.headers().map())
                .containsEntry("access-control-allow-origin", List.of("http://localhost:3000"))
                .containsEntry("access-control-allow-methods", List.of("POST"))
                .containsEntry("access-control-allow-headers", List.of("authorization,content-type,x-amz-target"))
                .containsEntry("access-control-max-age", List.of("172800"));
    }

    @Test
    void withCorsAnyOrigin_theAnswerIsStar() throws Exception {
        serve(List.of("*"));
        HttpResponse<String> answer =
                listTables(Map.of("Origin", "https://any.example", "Authorization", WELL_SIGNED), "", "{}");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void anIncompleteAuthorizationHeader_isIncompleteSignature_beforeTheBodyIsRead() throws Exception {
        serve(List.of());
        HttpResponse<String> answer =
                listTables(Map.of("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/x"), "", "{not json");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body())
                .contains("com.amazon.coral.service#IncompleteSignatureException")
                .contains("Authorization header requires 'Signature' parameter. Authorization header requires"
                        + " 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=AKID/x");
    }

    @Test
    void incompleteQueryStringAuthentication_isIncompleteSignature() throws Exception {
        serve(List.of());
        HttpResponse<String> answer = listTables(Map.of(), "?X-Amz-Algorithm=AWS4-HMAC-SHA256", "{}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body())
                .contains("IncompleteSignatureException")
                .contains("AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters"
                        + " must include 'X-Amz-Signature'. AWS query-string parameters must include"
                        + " 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'."
                        + " Re-examine the query-string parameters.");
    }

    @Test
    void bothAHeaderAndQueryStringAuthentication_isInvalidSignature() throws Exception {
        serve(List.of());
        HttpResponse<String> answer =
                listTables(Map.of("Authorization", WELL_SIGNED), "?" + ALL_QUERY_PARAMETERS, "{}");
        assertThat(answer.body())
                .contains("InvalidSignatureException")
                .contains("Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
    }

    @Test
    void aPresignedRequest_isServed() throws Exception {
        serve(List.of());
        HttpResponse<String> answer = listTables(Map.of(), "?" + ALL_QUERY_PARAMETERS, "{}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"TableNames\":[]}");
    }

    @Test
    void aJson11BodyThatIsNotJson_isUnknownOperation404() throws Exception {
        serve(List.of());
        HttpResponse<String> answer = listTables(
                Map.of("Content-Type", "application/x-amz-json-1.1", "Authorization", WELL_SIGNED), "", "{\"Limit\": ");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("<UnknownOperationException/>\n");
    }
}
