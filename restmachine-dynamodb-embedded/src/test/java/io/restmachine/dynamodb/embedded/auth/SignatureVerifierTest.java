package io.restmachine.dynamodb.embedded.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verifier on its own, with a fixed clock: AWS's published example, then each way to fail. */
class SignatureVerifierTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final SignatureVerifier VERIFIER =
            SignatureVerifier.of(Map.of("AKIDLOCAL", "local-secret"), Clock.fixed(NOW, ZoneOffset.UTC));
    private static final byte[] BODY = "{\"TableName\":\"t\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signingPrimitives_reproduceAwsPublishedGetVanillaExample() {
        // AWS's Signature Version 4 test suite, "get-vanilla": fixed key, date, region and service.
        SignedRequest request = new SignedRequest(
                "GET",
                "/",
                "",
                Map.of("Host", List.of("example.amazonaws.com"), "X-Amz-Date", List.of("20150830T123600Z")),
                new byte[0]);
        String canonical = CanonicalRequest.of(
                request,
                List.of("host", "x-amz-date"),
                HexFormat.of().formatHex(SignatureVerifier.sha256(new byte[0])));
        String stringToSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                + HexFormat.of().formatHex(SignatureVerifier.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = SignatureVerifier.signingKey(
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1", "service");

        assertThat(HexFormat.of().formatHex(SignatureVerifier.sign(key, stringToSign)))
                .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void verify_correctlySignedCurrentRequest_passes() {
        assertThat(VERIFIER.verify(signed(NOW, "AKIDLOCAL", "local-secret", BODY)))
                .isEmpty();
    }

    @Test
    void verify_requestWithQueryAndEncodedPath_passes() {
        SignedRequest request = sign(
                new SignedRequest("POST", "/a%20b/c", "b=2&a=1&a=0", headers(NOW), BODY),
                "AKIDLOCAL",
                "local-secret",
                NOW);
        assertThat(VERIFIER.verify(request)).isEmpty();
    }

    @Test
    void verify_withoutAuthorization_isMissingAuthenticationToken() {
        assertThat(VERIFIER.verify(new SignedRequest("POST", "/", "", headers(NOW), BODY)))
                .contains(new DynamoError(
                        ErrorType.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token"));
    }

    @Test
    void verify_withSignatureVersion2_isMissingAuthenticationToken() {
        assertThat(VERIFIER.verify(
                        withAuthorization(signed(NOW, "AKIDLOCAL", "local-secret", BODY), "AWS AKIDLOCAL:abc")))
                .map(DynamoError::type)
                .contains(ErrorType.MISSING_AUTHENTICATION_TOKEN);
    }

    @Test
    void verify_withoutSignatureAndSignedHeaders_isIncompleteNamingBoth() {
        String header = "AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20260102/us-east-1/dynamodb/aws4_request";
        Optional<DynamoError> error =
                VERIFIER.verify(withAuthorization(signed(NOW, "AKIDLOCAL", "local-secret", BODY), header));
        assertThat(error).map(DynamoError::type).contains(ErrorType.INCOMPLETE_SIGNATURE);
        assertThat(error.orElseThrow().message())
                .isEqualTo("Authorization header requires 'Signature' parameter. Authorization header requires"
                        + " 'SignedHeaders' parameter. Authorization=" + header);
    }

    @Test
    void verify_withCredentialWithoutScope_isIncomplete() {
        String header = "AWS4-HMAC-SHA256 Credential=AKIDLOCAL, SignedHeaders=host, Signature=00";
        assertThat(VERIFIER.verify(withAuthorization(signed(NOW, "AKIDLOCAL", "local-secret", BODY), header)))
                .map(DynamoError::type)
                .contains(ErrorType.INCOMPLETE_SIGNATURE);
    }

    @Test
    void verify_withUnparsableDate_isIncomplete() {
        SignedRequest request = signed(NOW, "AKIDLOCAL", "local-secret", BODY);
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("x-amz-date", List.of("yesterday"));
        assertThat(VERIFIER.verify(new SignedRequest("POST", "/", "", headers, BODY)))
                .map(DynamoError::message)
                .hasValueSatisfying(
                        m -> assertThat(m).startsWith("Date must be in ISO-8601 'basic format'. Got 'yesterday'"));
    }

    @Test
    void verify_withUnknownAccessKeyId_isUnrecognizedClient() {
        assertThat(VERIFIER.verify(signed(NOW, "AKIDOTHER", "local-secret", BODY)))
                .contains(new DynamoError(
                        ErrorType.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid."));
    }

    @Test
    void verify_withWrongSecret_isInvalidSignatureWithDynamoDbsMessage() {
        assertThat(VERIFIER.verify(signed(NOW, "AKIDLOCAL", "wrong-secret", BODY)))
                .contains(new DynamoError(ErrorType.INVALID_SIGNATURE, SignatureVerifier.MISMATCH));
    }

    @Test
    void verify_withBodyChangedAfterSigning_isInvalidSignature() {
        SignedRequest request = signed(NOW, "AKIDLOCAL", "local-secret", BODY);
        SignedRequest tampered = new SignedRequest(
                "POST", "/", "", request.headers(), "{\"TableName\":\"u\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(VERIFIER.verify(tampered)).map(DynamoError::type).contains(ErrorType.INVALID_SIGNATURE);
    }

    @Test
    void verify_withSignedHeaderChangedAfterSigning_isInvalidSignature() {
        SignedRequest request = signed(NOW, "AKIDLOCAL", "local-secret", BODY);
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("x-amz-target", List.of("DynamoDB_20120810.DeleteTable"));
        assertThat(VERIFIER.verify(new SignedRequest("POST", "/", "", headers, BODY)))
                .contains(new DynamoError(ErrorType.INVALID_SIGNATURE, SignatureVerifier.MISMATCH));
    }

    @Test
    void verify_withNonHexSignature_isInvalidSignature() {
        SignedRequest request = signed(NOW, "AKIDLOCAL", "local-secret", BODY);
        String header = request.header("authorization").replaceAll("Signature=.*", "Signature=not-hex");
        assertThat(VERIFIER.verify(withAuthorization(request, header)))
                .contains(new DynamoError(ErrorType.INVALID_SIGNATURE, SignatureVerifier.MISMATCH));
    }

    @Test
    void verify_signedSixteenMinutesAgo_isExpiredWithDynamoDbsMessage() {
        Instant then = NOW.minusSeconds(16 * 60);
        assertThat(VERIFIER.verify(signed(then, "AKIDLOCAL", "local-secret", BODY)))
                .contains(new DynamoError(
                        ErrorType.INVALID_SIGNATURE,
                        "Signature expired: 20260102T024805Z is now earlier than 20260102T024905Z"
                                + " (20260102T030405Z - 15 min.)"));
    }

    @Test
    void verify_signedFourteenMinutesAgo_passes() {
        assertThat(VERIFIER.verify(signed(NOW.minusSeconds(14 * 60), "AKIDLOCAL", "local-secret", BODY)))
                .isEmpty();
    }

    @Test
    void verify_signedSixteenMinutesAhead_isNotYetCurrent() {
        assertThat(VERIFIER.verify(signed(NOW.plusSeconds(16 * 60), "AKIDLOCAL", "local-secret", BODY)))
                .map(DynamoError::message)
                .hasValueSatisfying(m -> assertThat(m).startsWith("Signature not yet current: 20260102T032005Z"));
    }

    @Test
    void verify_scopedToAnotherService_isInvalidSignature() {
        SignedRequest request = signed(NOW, "AKIDLOCAL", "local-secret", BODY);
        String header = request.header("authorization").replace("/dynamodb/", "/s3/");
        assertThat(VERIFIER.verify(withAuthorization(request, header)))
                .map(DynamoError::message)
                .contains("Credential should be scoped to correct service: 'dynamodb'. ");
    }

    @Test
    void verify_withoutHostAmongSignedHeaders_isInvalidSignature() {
        SignedRequest request = new SignedRequest("POST", "/", "", headers(NOW), BODY);
        SignedRequest signed = sign(request, "AKIDLOCAL", "local-secret", NOW, List.of("x-amz-date"));
        assertThat(VERIFIER.verify(signed))
                .map(DynamoError::message)
                .contains("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void of_withoutKeys_isRefused() {
        assertThatThrownBy(() -> SignatureVerifier.of(Map.of(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one access key");
    }

    static Map<String, List<String>> headers(Instant at) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:8000"));
        headers.put("Content-Type", List.of("application/x-amz-json-1.0"));
        headers.put("X-Amz-Target", List.of("DynamoDB_20120810.DescribeTable"));
        headers.put("X-Amz-Date", List.of(SignatureVerifier.format(at)));
        return headers;
    }

    static SignedRequest signed(Instant at, String keyId, String secret, byte[] body) {
        return sign(new SignedRequest("POST", "/", "", headers(at), body), keyId, secret, at);
    }

    static SignedRequest sign(SignedRequest request, String keyId, String secret, Instant at) {
        return sign(request, keyId, secret, at, List.of("content-type", "host", "x-amz-date", "x-amz-target"));
    }

    /** Signs as a client would: the test's own, independent use of the primitives. */
    static SignedRequest sign(SignedRequest request, String keyId, String secret, Instant at, List<String> signed) {
        String date = SignatureVerifier.format(at).substring(0, 8);
        String scope = date + "/us-east-1/dynamodb/aws4_request";
        String canonical = CanonicalRequest.of(
                request, signed, HexFormat.of().formatHex(SignatureVerifier.sha256(request.body())));
        String stringToSign = "AWS4-HMAC-SHA256\n" + SignatureVerifier.format(at) + "\n" + scope + "\n"
                + HexFormat.of().formatHex(SignatureVerifier.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        String signature = HexFormat.of()
                .formatHex(SignatureVerifier.sign(
                        SignatureVerifier.signingKey(secret, date, "us-east-1", "dynamodb"), stringToSign));
        return withAuthorization(
                request,
                "AWS4-HMAC-SHA256 Credential=" + keyId + "/" + scope + ", SignedHeaders=" + String.join(";", signed)
                        + ", Signature=" + signature);
    }

    static SignedRequest withAuthorization(SignedRequest request, String authorization) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("authorization", List.of(authorization));
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }
}
