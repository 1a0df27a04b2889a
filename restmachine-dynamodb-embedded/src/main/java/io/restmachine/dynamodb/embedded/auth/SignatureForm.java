package io.restmachine.dynamodb.embedded.auth;

import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The checks DynamoDB makes on the form of a Signature Version 4 signature before anything else
 * of the request, the body included, and whether or not the server verifies signatures: an
 * {@code Authorization: AWS4-...} header must carry its Credential, Signature and SignedHeaders and
 * come with a date header; query-string authentication ({@code X-Amz-Algorithm=...}, a presigned
 * request) must carry its five parameters; and a request may not use both. Messages are
 * DynamoDB's, as dynalite captured them (docs/conformance.md, "HTTP layer").
 */
public final class SignatureForm {
    private static final List<String> HEADER_PARTS = List.of("Credential", "Signature", "SignedHeaders");
    private static final List<String> QUERY_PARTS =
            List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date");

    private SignatureForm() {}

    /**
     * DynamoDB's error for a malformed signature, or empty when the request's signature (if any)
     * is well formed. A request with no signature at all passes here: the protocol layer answers it
     * MissingAuthenticationTokenException in its turn.
     *
     * @param rawQuery the request target's query string, undecoded ("" when none)
     * @param authorization the Authorization header, or null
     * @param hasDate whether an X-Amz-Date or Date header is present
     */
    public static Optional<DynamoError> check(String rawQuery, @Nullable String authorization, boolean hasDate) {
        Map<String, String> query = query(rawQuery);
        boolean queryAuth = query.containsKey("X-Amz-Algorithm");
        if (authorization != null && queryAuth) {
            return refuse(
                    ErrorType.INVALID_SIGNATURE,
                    "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
        }
        if (authorization != null && authorization.trim().startsWith("AWS4-")) {
            String problems = headerProblems(authorization.trim(), hasDate);
            return problems.isEmpty()
                    ? Optional.empty()
                    : refuse(ErrorType.INCOMPLETE_SIGNATURE, problems + "Authorization=" + authorization.trim());
        }
        if (queryAuth) {
            return queryProblems(query);
        }
        return Optional.empty();
    }

    /**
     * IncompleteSignatureException naming each of the five query-string authentication
     * parameters that {@code query} lacks, or empty when it has them all.
     */
    static Optional<DynamoError> queryProblems(Map<String, String> query) {
        StringBuilder missing = new StringBuilder();
        for (String part : QUERY_PARTS) {
            String value = query.get(part);
            if (value == null || value.isEmpty()) {
                missing.append("AWS query-string parameters must include '")
                        .append(part)
                        .append("'. ");
            }
        }
        return missing.isEmpty()
                ? Optional.empty()
                : refuse(ErrorType.INCOMPLETE_SIGNATURE, missing + "Re-examine the query-string parameters.");
    }

    /** {@code rawQuery} without any {@code name=...} pair (names compared after decoding), still undecoded. */
    static String withoutParameter(String rawQuery, String name) {
        StringBuilder kept = new StringBuilder(rawQuery.length());
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            if (pair.isEmpty() || decode(rawName).equals(name)) {
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append('&');
            }
            kept.append(pair);
        }
        return kept.toString();
    }

    /** Whether the request is authenticated by query-string parameters (presigned). */
    public static boolean signedInQuery(String rawQuery) {
        return query(rawQuery).containsKey("X-Amz-Algorithm");
    }

    /**
     * What an {@code AWS4-} Authorization header lacks, as DynamoDB lists it (each sentence ending
     * in a space), or "" when it lacks nothing.
     */
    static String headerProblems(String authorization, boolean hasDate) {
        if (hasDate && hasAllParts(authorization)) {
            return ""; // the usual case, checked without building the map of parameters
        }
        Map<String, String> parts = parameters(authorization);
        StringBuilder missing = new StringBuilder();
        for (String name : HEADER_PARTS) {
            String value = parts.get(name);
            if (value == null || value.isEmpty()) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (!hasDate) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        return missing.toString();
    }

    /**
     * Whether the first occurrence of each of {@link #HEADER_PARTS} in {@code authorization} has a
     * value: what {@link #parameters} would show, found by the same scan without building strings,
     * since it runs on every request.
     */
    private static boolean hasAllParts(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return false;
        }
        int[] seenAndPresent = new int[2];
        forEachPiece(authorization, space + 1, (start, equals, end) -> {
            int part = partIndex(authorization, start, equals);
            if (part >= 0 && (seenAndPresent[0] & (1 << part)) == 0) {
                seenAndPresent[0] |= 1 << part;
                if (trimmedEnd(authorization, equals + 1, end) > trimmedStart(authorization, equals + 1, end)) {
                    seenAndPresent[1] |= 1 << part;
                }
            }
        });
        return seenAndPresent[1] == (1 << HEADER_PARTS.size()) - 1;
    }

    /** The index in {@link #HEADER_PARTS} of the name in {@code text[from, to)} (trimmed), or -1. */
    private static int partIndex(String text, int from, int to) {
        int start = trimmedStart(text, from, to);
        int end = trimmedEnd(text, start, to);
        for (int i = 0; i < HEADER_PARTS.size(); i++) {
            String name = HEADER_PARTS.get(i);
            if (name.length() == end - start && text.regionMatches(start, name, 0, name.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Where {@code text[from, to)} starts once trimmed as {@link String#trim()} does. */
    private static int trimmedStart(String text, int from, int to) {
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        return from;
    }

    /** Where {@code text[from, to)} ends once trimmed as {@link String#trim()} does. */
    private static int trimmedEnd(String text, int from, int to) {
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        return to;
    }

    /**
     * {@code AWS4-HMAC-SHA256 Credential=a/b, SignedHeaders=x;y, Signature=hex} as a map of its
     * parameters (first occurrence wins); the algorithm is the first word.
     */
    static Map<String, String> parameters(String authorization) {
        Map<String, String> parts = new LinkedHashMap<>();
        int space = authorization.indexOf(' ');
        if (space >= 0) {
            forEachPiece(
                    authorization,
                    space + 1,
                    (start, equals, end) -> parts.putIfAbsent(
                            authorization.substring(start, equals).trim(),
                            authorization.substring(equals + 1, end).trim()));
        }
        return parts;
    }

    /** One {@code name=value} piece: the name in {@code [start, equals)}, the value in {@code (equals, end)}. */
    @FunctionalInterface
    private interface Piece {
        void accept(int start, int equals, int end);
    }

    /**
     * Calls {@code piece} for each piece of {@code text} from {@code from} on that has a name before
     * its first {@code =}; pieces are separated by single commas or spaces (a scan, not a regex
     * split: this runs on every request).
     */
    private static void forEachPiece(String text, int from, Piece piece) {
        int length = text.length();
        int start = from;
        while (start <= length) {
            int end = start;
            int equals = -1;
            char c;
            while (end < length && (c = text.charAt(end)) != ',' && c != ' ') {
                if (c == '=' && equals < 0) {
                    equals = end;
                }
                end++;
            }
            if (equals > start) {
                piece.accept(start, equals, end);
            }
            start = end + 1;
        }
    }

    /** The query string's parameters, decoded, the first of a repeated name winning. */
    static Map<String, String> query(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.putIfAbsent(decode(name), decode(value));
        }
        return query;
    }

    /** Percent-decoding; text with a malformed escape is kept as it is. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return text;
        }
    }

    private static Optional<DynamoError> refuse(ErrorType type, String message) {
        return Optional.of(new DynamoError(type, message));
    }
}
