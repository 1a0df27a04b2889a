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
import org.jspecify.annotations.Nullable;

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
    /** The longest lifetime a presigned request may claim ({@code X-Amz-Expires}): seven days. */
    static final long MAX_PRESIGNED_SECONDS = 604_800;

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

    /**
     * Empty when the request is signed by a known key and current; otherwise DynamoDB's error. A
     * request carrying {@code X-Amz-Algorithm} in its query string is verified as a presigned
     * request ({@link #verifyPresigned}); any other by its {@code Authorization} header.
     */
    public Optional<DynamoError> verify(SignedRequest request) {
        Map<String, String> query = SignatureForm.query(request.rawQuery());
        if (query.containsKey("X-Amz-Algorithm")) {
            return verifyPresigned(request, query);
        }
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
        Claim claim = new Claim(
                parts.get("Credential"),
                parts.get("SignedHeaders"),
                parts.get("Signature"),
                amzDate,
                null,
                " Authorization=" + authorization);
        return check(request, claim, request.rawQuery());
    }

    /**
     * A presigned request (query-string authentication): the five {@code X-Amz-*} parameters take
     * the Authorization header's place, the canonical query string is the request's without {@code
     * X-Amz-Signature}, and the payload hash is the body's (or {@code UNSIGNED-PAYLOAD} when an
     * {@code X-Amz-Content-Sha256} header or parameter says so). The request is current while its
     * {@code X-Amz-Date} is within 15 minutes of the server's clock, as for a signed header, and,
     * when it carries {@code X-Amz-Expires}, no more than that many seconds have passed since.
     */
    private Optional<DynamoError> verifyPresigned(SignedRequest request, Map<String, String> query) {
        if (request.header("authorization") != null) {
            return refuse(
                    ErrorType.INVALID_SIGNATURE,
                    "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
        }
        Optional<DynamoError> incomplete = SignatureForm.queryProblems(query);
        if (incomplete.isPresent()) {
            return incomplete;
        }
        if (!query.get("X-Amz-Algorithm").equals(ALGORITHM)) {
            return refuse(
                    ErrorType.INCOMPLETE_SIGNATURE,
                    "X-Amz-Algorithm only supports '" + ALGORITHM + "'. Re-examine the query-string parameters.");
        }
        Duration expires = null;
        String expiresText = query.get("X-Amz-Expires");
        if (expiresText != null) {
            long seconds;
            try {
                seconds = Long.parseLong(expiresText);
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (seconds < 1 || seconds > MAX_PRESIGNED_SECONDS) {
                return refuse(
                        ErrorType.INCOMPLETE_SIGNATURE,
                        "X-Amz-Expires must be a whole number of seconds from 1 to " + MAX_PRESIGNED_SECONDS + "; got '"
                                + expiresText + "'. Re-examine the query-string parameters.");
            }
            expires = Duration.ofSeconds(seconds);
        }
        Claim claim = new Claim(
                query.get("X-Amz-Credential"),
                query.get("X-Amz-SignedHeaders"),
                query.get("X-Amz-Signature"),
                query.get("X-Amz-Date"),
                expires,
                " Re-examine the query-string parameters.");
        return check(request, claim, SignatureForm.withoutParameter(request.rawQuery(), "X-Amz-Signature"));
    }

    /**
     * What a signature claims, from its header or its query string.
     *
     * @param expires the presigned request's own lifetime ({@code X-Amz-Expires}), null for none
     * @param where how an IncompleteSignatureException ends: the header quoted, or the query-string advice
     */
    private record Claim(
            String credential,
            String signedHeaders,
            String signature,
            String amzDate,
            @Nullable Duration expires,
            String where) {}

    /** The checks both forms share, in DynamoDB's order; {@code canonicalQuery} is the query string signed. */
    private Optional<DynamoError> check(SignedRequest request, Claim claim, String canonicalQuery) {
        String[] scope = claim.credential().split("/", -1);
        if (scope.length != 5 || !scope[4].equals("aws4_request") || scope[0].isEmpty()) {
            return refuse(
                    ErrorType.INCOMPLETE_SIGNATURE,
                    "Credential should be scoped to a valid region, not ''. Credential should be scoped to correct"
                            + " service: 'dynamodb'. Credential should be scoped with a valid terminator: 'aws4_request',"
                            + " not '" + scope[scope.length - 1] + "'." + claim.where());
        }
        String amzDate = claim.amzDate();
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
        List<String> signedHeaders = Arrays.asList(claim.signedHeaders().split(";", -1));
        if (!signedHeaders.contains("host")) {
            return refuse(
                    ErrorType.INVALID_SIGNATURE,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        Optional<DynamoError> stale = staleness(signedAt, claim.expires());
        if (stale.isPresent()) {
            return stale;
        }
        String secret = secrets.get(scope[0]);
        if (secret == null) {
            return refuse(ErrorType.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
        }
        String payloadHash = request.header("x-amz-content-sha256");
        if (payloadHash == null && claim.expires() != null) {
            payloadHash = SignatureForm.query(request.rawQuery()).get("X-Amz-Content-Sha256");
        }
        String bodyHash = HexFormat.of().formatHex(sha256(request.body()));
        if (payloadHash == null) {
            payloadHash = bodyHash;
        } else if (!payloadHash.equals("UNSIGNED-PAYLOAD") && !payloadHash.equals(bodyHash)) {
            return refuse(
                    ErrorType.INVALID_SIGNATURE,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        String canonical = CanonicalRequest.of(request, canonicalQuery, signedHeaders, payloadHash);
        String credentialScope = String.join("/", scope[1], scope[2], scope[3], scope[4]);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + credentialScope + "\n"
                + HexFormat.of().formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] expected = sign(signingKey(secret, scope[1], scope[2], scope[3]), stringToSign);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(claim.signature());
        } catch (IllegalArgumentException e) {
            return refuse(ErrorType.INVALID_SIGNATURE, MISMATCH);
        }
        return MessageDigest.isEqual(expected, given)
                ? Optional.empty()
                : refuse(ErrorType.INVALID_SIGNATURE, MISMATCH);
    }

    /**
     * DynamoDB's errors for a request signed more than 15 minutes away from now, or (a presigned
     * request with {@code X-Amz-Expires}) signed longer ago than its own lifetime.
     */
    private Optional<DynamoError> staleness(Instant signedAt, @Nullable Duration expires) {
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
        if (expires != null && signedAt.isBefore(now.minus(expires))) {
            return refuse(
                    ErrorType.INVALID_SIGNATURE,
                    "Signature expired: " + format(signedAt) + " is now earlier than " + format(now.minus(expires))
                            + " (" + format(now) + " - " + expires.getSeconds() + " sec.)");
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
