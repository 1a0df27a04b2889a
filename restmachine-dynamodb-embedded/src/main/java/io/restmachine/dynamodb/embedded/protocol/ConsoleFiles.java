package io.restmachine.dynamodb.embedded.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web console's files, served by the HTTP server under {@code /console/}: plain HTML, CSS and
 * JavaScript kept as resources of this jar (no build step, no CDN). The page talks to the server
 * through the same DynamoDB API that SDKs use, from the same origin, so it needs no CORS and no
 * second back end; these files hold no data, which is why they are served without a signature,
 * like the health check.
 *
 * <p>Only flat file names of known types are served ({@code name.ext}, letters, digits and
 * {@code -}): a path with another slash, a dot segment, an encoded character or an unknown
 * extension is a 404, so nothing outside the console's folder can be reached. Every answer may be
 * cached but is revalidated ({@code no-cache} with an {@code ETag}), so a new jar's files show at
 * once, and carries headers that keep the page from being framed or sniffed.
 */
final class ConsoleFiles {
    /** The path the console lives under, without its trailing slash. */
    static final String PATH = "/console";

    private static final String FOLDER = "/io/restmachine/dynamodb/embedded/console/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|png|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml");
    private static final byte[] NOT_FOUND =
            "Not found: the console's files are /console/ and the files it loads.\n".getBytes(StandardCharsets.UTF_8);

    private static final Map<String, Optional<Asset>> FILES = new ConcurrentHashMap<>();

    private ConsoleFiles() {}

    /** Whether this request is the console's ({@code GET} or {@code HEAD} under {@value #PATH}). */
    static boolean serves(String method, String path) {
        return (method.equals("GET") || method.equals("HEAD")) && (path.equals(PATH) || path.startsWith(PATH + "/"));
    }

    /**
     * The answer to a {@code GET} of {@code path} (one that {@link #serves} accepts): the file, a
     * {@code 304} when {@code ifNoneMatch} names its current version, a redirect from {@value
     * #PATH} to {@value #PATH}{@code /}, or a 404.
     */
    static WireResponse answer(String path, String ifNoneMatch) {
        if (path.equals(PATH)) {
            Map<String, String> headers = commonHeaders();
            headers.put("Location", PATH + "/");
            return new WireResponse(308, headers, new byte[0]);
        }
        String name = path.substring(PATH.length() + 1);
        if (name.isEmpty()) {
            name = "index.html";
        }
        Optional<Asset> file =
                NAME.matcher(name).matches() ? FILES.computeIfAbsent(name, ConsoleFiles::load) : Optional.empty();
        Map<String, String> headers = commonHeaders();
        if (file.isEmpty()) {
            headers.put("Content-Type", "text/plain; charset=utf-8");
            return new WireResponse(404, headers, NOT_FOUND);
        }
        headers.put("ETag", file.get().etag());
        if (ifNoneMatch.contains(file.get().etag())) {
            return new WireResponse(304, headers, new byte[0]);
        }
        headers.put("Content-Type", file.get().type());
        return new WireResponse(200, headers, file.get().content());
    }

    private static Map<String, String> commonHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        // Cached, but checked against the ETag on every use: a new jar's console shows at once.
        headers.put("Cache-Control", "no-cache");
        headers.put("X-Content-Type-Options", "nosniff");
        // Scripts and styles only from these files (no inline code), requests only to this server,
        // and no other site may frame the page (it holds an access key while signed in).
        headers.put(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                        + " frame-ancestors 'none'; form-action 'none'");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        return headers;
    }

    private static Optional<Asset> load(String name) {
        try (InputStream in = ConsoleFiles.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] content = in.readAllBytes();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new Asset(TYPES.get(extension), content, etag(content)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console file " + name + " from the jar", e);
        }
    }

    private static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256, which every Java SE runtime must provide", e);
        }
    }

    /** One file of the console: its content type, bytes and version tag. */
    private record Asset(String type, byte[] content, String etag) {}
}
