package io.restmachine.dynamodb.embedded.auth;

import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request's AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 ...}) against
 * a fixed set of access keys, answering with DynamoDB's error for each way a request can fail:
 * {@code MissingAuthenticationTokenException} (unsigned), {@code IncompleteSignatureException}
 * (malformed header), {@code UnrecognizedClientException} (unknown access key id) and {@code
 * InvalidSignatureException} (wrong signature, or {@code X-Amz-Date} more than 15 minutes away
 * from the server's clock).
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.of(Map.of("AKIDEXAMPLE", "secret"), Clock.systemUTC());
 * Optional<DynamoError> refusal = verifier.verify(SignedRequest.of("POST", "/", "", headers, body));
 * }</pre>
 *
 * <p>Region is not checked (the engine has none); the service in the credential scope must be
 * {@code dynamodb}. Thread-safe.
 */
public final class SignatureVerifier {
    /** How far {@code X-Amz-Date} may be from the server's clock, as in DynamoDB. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String SERVICE = "dynamodb";
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    static final String MISMATCH = "The request signature we calculated does not match the signature you provided."
            + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private final Map<String, String> secrets;
    private final Clock clock;

    private SignatureVerifier(Map<String, String> secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * A verifier accepting requests signed with any of {@code secrets} (access key id to secret
     * access key), judging request times by {@code clock}.
     */
    public static SignatureVerifier of(Map<String, String> secrets, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException(
                    "a signature verifier needs at least one access key (id and secret); without keys every request"
                            + " would be refused");
        }
        return new SignatureVerifier(Map.copyOf(secrets), clock);
    }

    /** Empty when the request is signed by a known key and current; otherwise DynamoDB's error. */
    public Optional<DynamoError> verify(SignedRequest request) {
        String header = request.header("authorization");
        if (header == null || header.isBlank()) {
            return refuse(ErrorType.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
        }
        String authorization = header.trim();
        if (!authorization.startsWith(ALGORITHM + " ")) {
            // DynamoDB only takes Signature Version 4; anything else is as good as no signature.
            return refuse(ErrorType.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
        }
        Map<String, String> parts = SignatureForm.parameters(authorization);
        String amzDate = request.header("x-amz-date");
        String missing = SignatureForm.headerProblems(authorization, amzDate != null);
        if (!missing.isEmpty()) {
            return refuse(ErrorType.INCOMPLETE_SIGNATURE, missing + "Authorization=" + authorization);
        }
        String[] scope = parts.get("Credential").split("/", -1);
        if (scope.length != 5 || !scope[4].equals("aws4_request") || scope[0].isEmpty()) {
            return refuse(
                    ErrorType.INCOMPLETE_SIGNATURE,
                    "Credential should be scoped to a valid region, not ''. Credential should be scoped to correct"
                            + " service: 'dynamodb'. Credential should be scoped with a valid terminator: 'aws4_request',"
                            + " not '" + scope[scope.length - 1] + "'. Authorization=" + authorization);
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return refuse(
                    ErrorType.INCOMPLETE_SIGNATURE,
                    "Date must be in ISO-8601 'basic format'. Got '" + amzDate
                            + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        if (!scope[3].equals(SERVICE)) {
            return refuse(
                    ErrorType.INVALID_SIGNATURE, "Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        if (!amzDate.startsWith(scope[1])) {
            return refuse(
                    ErrorType.INVALID_SIGNATURE,
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                            + scope[1] + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        List<String> signedHeaders = Arrays.asList(parts.get("SignedHeaders").split(";", -1));
        if (!signedHeaders.contains("host")) {
            return refuse(
                    ErrorType.INVALID_SIGNATURE,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        Optional<DynamoError> stale = staleness(signedAt);
        if (stale.isPresent()) {
            return stale;
        }
        String secret = secrets.get(scope[0]);
        if (secret == null) {
            return refuse(ErrorType.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
        }
        String payloadHash = request.header("x-amz-content-sha256");
        String bodyHash = HexFormat.of().formatHex(sha256(request.body()));
        if (payloadHash == null) {
            payloadHash = bodyHash;
        } else if (!payloadHash.equals("UNSIGNED-PAYLOAD") && !payloadHash.equals(bodyHash)) {
            return refuse(
                    ErrorType.INVALID_SIGNATURE,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        String canonical = CanonicalRequest.of(request, signedHeaders, payloadHash);
        String credentialScope = String.join("/", scope[1], scope[2], scope[3], scope[4]);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + credentialScope + "\n"
                + HexFormat.of().formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] expected = sign(signingKey(secret, scope[1], scope[2], scope[3]), stringToSign);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(parts.get("Signature"));
        } catch (IllegalArgumentException e) {
            return refuse(ErrorType.INVALID_SIGNATURE, MISMATCH);
        }
        return MessageDigest.isEqual(expected, given)
                ? Optional.empty()
                : refuse(ErrorType.INVALID_SIGNATURE, MISMATCH);
    }

    private Optional<DynamoError> staleness(Instant signedAt) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            return refuse(
                    ErrorType.INVALID_SIGNATURE,
                    "Signature expired: " + format(signedAt) + " is now earlier than " + format(now.minus(MAX_SKEW))
                            + " (" + format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            return refuse(
                    ErrorType.INVALID_SIGNATURE,
                    "Signature not yet current: " + format(signedAt) + " is still later than "
                            + format(now.plus(MAX_SKEW)) + " (" + format(now) + " + 15 min.)");
        }
        return Optional.empty();
    }

    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = sign(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = sign(key, region);
        key = sign(key, service);
        return sign(key, "aws4_request");
    }

    static byte[] sign(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HmacSHA256, which every Java SE runtime must provide", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no SHA-256, which every Java SE runtime must provide", e);
        }
    }

    static String format(Instant instant) {
        return AMZ_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static Optional<DynamoError> refuse(ErrorType type, String message) {
        return Optional.of(new DynamoError(type, message));
    }
}
