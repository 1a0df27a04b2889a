package io.restmachine.dynamodb.embedded.peer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The third-party DynamoDB-compatible server the test suites compare against: dynalite, installed
 * from npm by {@code npm ci} at the project root (pinned in {@code package.json} and its lock file).
 *
 * <p>One dynalite process per test JVM, started on first use on a free port of 127.0.0.1 with no
 * table-state delays, stopped when the JVM exits. Whether a suite runs, skips or fails without it is
 * {@link PeerCheck}'s decision:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PeerCheck DYNALITE = PeerCheck.DYNALITE;   // the whole class skips (or fails under CI=true)
 * ...
 * URI endpoint = Dynalite.endpoint();
 * }</pre>
 */
public final class Dynalite {
    private static final PeerProcess.Shared SERVER = new PeerProcess.Shared(() -> {
        int port = freePort();
        return PeerProcess.start("dynalite", command(port), Map.of(), port, line -> line.contains("listening"));
    });

    private Dynalite() {}

    /** The project root: where {@code package.json} lives. */
    public static Path projectRoot() {
        String configured = System.getProperty("restmachine.projectRoot");
        if (configured != null && Files.exists(Paths.get(configured, "package.json"))) {
            return Paths.get(configured).toAbsolutePath();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("package.json")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the project root (package.json) above "
                + Paths.get("").toAbsolutePath());
    }

    /** The dynalite command-line script, if {@code npm ci} has installed it. */
    public static Optional<Path> script() {
        Path cli = projectRoot().resolve("node_modules/dynalite/cli.js");
        return Files.isRegularFile(cli) ? Optional.of(cli) : Optional.empty();
    }

    /** Why dynalite cannot run here, or empty when it is installed. */
    public static Optional<String> missingReason() {
        return script().isPresent() ? Optional.empty() : Optional.of(notInstalledReason());
    }

    /** A one-line reason to show when dynalite tests are skipped. */
    public static String notInstalledReason() {
        return "dynalite is not installed: run `npm ci --no-audit --no-fund` in " + projectRoot()
                + " (CI does this in .ci/run)";
    }

    /**
     * Skips the calling test when dynalite is not installed, and fails it under {@code CI=true}; for a
     * single test in a class that does not need dynalite otherwise (whole suites register
     * {@link PeerCheck#DYNALITE} instead).
     */
    public static void assumeAvailable() {
        PeerCheck.DYNALITE.assumeAvailable();
    }

    /** The endpoint of this JVM's dynalite, starting it on first call. */
    public static URI endpoint() {
        return SERVER.endpoint();
    }

    /**
     * The command that starts the installed dynalite on {@code port} of 127.0.0.1 with no
     * table-state delays; {@link IllegalStateException} with {@link #notInstalledReason()} when it is
     * not installed. The benchmarks start their own dynalite process with it.
     */
    public static List<String> command(int port) {
        Path cli = script().orElseThrow(() -> new IllegalStateException(notInstalledReason()));
        return List.of(
                "node",
                cli.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--createTableMs",
                "0",
                "--deleteTableMs",
                "0",
                "--updateTableMs",
                "0");
    }

    /** A free TCP port of 127.0.0.1 (free when asked; the caller binds it soon after). */
    public static int freePort() {
        return PeerProcess.freePort();
    }

    /** Stops dynalite now (normally it stops with the JVM). */
    public static void stop() {
        SERVER.stop();
    }
}
