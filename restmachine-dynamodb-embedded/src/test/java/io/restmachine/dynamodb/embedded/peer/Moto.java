package io.restmachine.dynamodb.embedded.peer;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A second third-party DynamoDB-compatible server: moto's {@code moto_server} (the Python original's
 * own test substrate), installed for {@code python3} with {@code pip install 'moto[server]'}. Unlike
 * dynalite it implements transactions and time-to-live settings (but never expires items).
 *
 * <p>One {@code moto_server} per test JVM, started on first use on a free port of 127.0.0.1,
 * stopped when the JVM exits. Suites register {@link PeerCheck#MOTO} to skip (or, under
 * {@code CI=true}, fail) when it is not installed.
 */
public final class Moto {
    private static final String COMMAND = "moto_server";
    private static final String NOT_INSTALLED = COMMAND + " is not on the PATH: install moto's server for python3"
            + " (`pip install 'moto[server]'`; .ci/run checks it)";
    private static final PeerProcess.Shared SERVER = new PeerProcess.Shared(Moto::start);

    private Moto() {}

    /** {@code moto_server} on the {@code PATH}, if it is there. */
    public static Optional<Path> executable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, COMMAND);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Why moto cannot run here, or empty when {@code moto_server} is on the {@code PATH}. */
    public static Optional<String> missingReason() {
        return executable().isPresent() ? Optional.empty() : Optional.of(NOT_INSTALLED);
    }

    /** The endpoint of this JVM's moto server, starting it on first call. */
    public static URI endpoint() {
        return SERVER.endpoint();
    }

    /** Stops moto now (normally it stops with the JVM). */
    public static void stop() {
        SERVER.stop();
    }

    private static PeerProcess start() {
        Path server = executable().orElseThrow(() -> new IllegalStateException(NOT_INSTALLED));
        int port = PeerProcess.freePort();
        List<String> command = List.of(server.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port));
        // Unbuffered, so that the "Running on" line arrives when it is written, not at exit.
        return PeerProcess.start(
                "moto", command, Map.of("PYTHONUNBUFFERED", "1"), port, line -> line.contains("Running on"));
    }
}
