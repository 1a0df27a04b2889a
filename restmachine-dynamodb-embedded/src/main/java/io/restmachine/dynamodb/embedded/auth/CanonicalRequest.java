package io.restmachine.dynamodb.embedded.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The canonical request of Signature Version 4, the text whose hash a client signs. */
final class CanonicalRequest {
    private CanonicalRequest() {}

    /**
     * {@code METHOD \n path \n query \n headers \n \n signed-headers \n payload-hash}, with the
     * path's segments encoded once more (as every AWS service but S3 does), query parameters
     * encoded and sorted, and header values trimmed with inner runs of spaces collapsed.
     */
    static String of(SignedRequest request, List<String> signedHeaders, String payloadHash) {
        return of(request, request.rawQuery(), signedHeaders, payloadHash);
    }

    /** The same over {@code rawQuery} instead of the request's own query string (a presigned request's, without its signature). */
    static String of(SignedRequest request, String rawQuery, List<String> signedHeaders, String payloadHash) {
        StringBuilder text = new StringBuilder(512);
        text.append(request.method()).append('\n');
        text.append(path(request.rawPath())).append('\n');
        text.append(query(rawQuery)).append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            List<String> trimmed = new ArrayList<>(values.size());
            for (String value : values) {
                trimmed.add(value.trim().replaceAll(" +", " "));
            }
            text.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        text.append('\n');
        text.append(String.join(";", signedHeaders)).append('\n');
        text.append(payloadHash);
        return text.toString();
    }

    private static String path(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        String[] segments = rawPath.split("/", -1);
        List<String> encoded = new ArrayList<>(segments.length);
        for (String segment : segments) {
            encoded.add(encode(segment));
        }
        return String.join("/", encoded);
    }

    private static String query(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(Map.entry(encode(decode(name)), encode(decode(value))));
        }
        pairs.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        List<String> joined = new ArrayList<>(pairs.size());
        for (Map.Entry<String, String> pair : pairs) {
            joined.add(pair.getKey() + "=" + pair.getValue());
        }
        return String.join("&", joined);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 percent-encoding: everything but {@code A-Z a-z 0-9 - _ . ~}. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
