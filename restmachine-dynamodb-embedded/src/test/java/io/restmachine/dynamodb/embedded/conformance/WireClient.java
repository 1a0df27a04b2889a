package io.restmachine.dynamodb.embedded.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends a {@link Step} to one server over HTTP exactly as an AWS SDK would: POST to {@code /} with
 * {@code X-Amz-Target}, the JSON 1.0 content type and a SigV4 signature computed with fixed fake
 * credentials (dynalite requires the header to be well formed; neither server checks the key).
 */
final class WireClient {
    private static final String ACCESS_KEY = "AKIDCONFORMANCE";
    private static final String SECRET_KEY = "conformance-secret-key";
    private static final String REGION = "us-east-1";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI endpoint;

    WireClient(URI endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
    }

    URI endpoint() {
        return endpoint;
    }

    /**
     * The raw status and body text of the server's answer to {@code step}: its method (POST unless
     * the step says otherwise) to {@code /} with the step's query string, the SDK's headers as the
     * step adjusts them, and a SigV4 signature over the headers sent unless the step is unsigned or
     * brings its own {@code Authorization}.
     */
    HttpResponse<String> send(Step step) throws IOException, InterruptedException {
        String payload = step.payload();
        String amzDate = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", step.contentType());
        headers.put("X-Amz-Target", step.target());
        headers.put("X-Amz-Date", amzDate);
        step.headers().forEach((name, value) -> {
            headers.remove(name);
            value.ifPresent(text -> headers.put(name, text));
        });
        if (step.signed() && !step.headers().containsKey("Authorization")) {
            headers.put("Authorization", authorization(step.method(), step.query(), headers, payload, amzDate));
        }
        URI target = endpoint.resolve(step.query().isEmpty() ? "/" : "/?" + step.query());
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .method(step.method(), HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The CORS headers ({@code access-control-*}) of {@code response}, names in lower case, values joined. */
    static Map<String, String> corsHeaders(HttpResponse<?> response) {
        Map<String, String> cors = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("access-control-")) {
                cors.put(lower, String.join(",", values));
            }
        });
        return cors;
    }

    private String authorization(
            String method, String query, Map<String, String> headers, String payload, String amzDate) {
        String date = amzDate.substring(0, 8);
        String scope = date + "/" + REGION + "/dynamodb/aws4_request";
        String host = endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        Map<String, String> signed = new TreeMap<>();
        signed.put("host", host);
        for (String name : List.of("content-type", "x-amz-date", "x-amz-target")) {
            if (headers.containsKey(name)) {
                signed.put(name, headers.get(name));
            }
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        signed.forEach((name, value) ->
                canonicalHeaders.append(name).append(':').append(value).append('\n'));
        String signedHeaders = String.join(";", signed.keySet());
        // Neither server verifies the signature (dynalite cannot); the query goes in as sent.
        String canonicalRequest =
                String.join("\n", method, "/", query, canonicalHeaders.toString(), signedHeaders, sha256Hex(payload));
        String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest));
        byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, REGION);
        key = hmac(key, "dynamodb");
        key = hmac(key, "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
        return "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/" + scope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
