package io.restmachine.orm.bench.measure;

import io.restmachine.orm.bench.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/** Starts the two HTTP servers of measurement 4 (and the one of measurement 6) as processes. */
final class Peers {
    private Peers() {}

    /** Our engine in a child JVM ({@link ServerChild}). */
    static ServerProcess ours(List<String> jvmOptions) {
        return new ServerProcess(
                "embedded-server",
                ChildJvm.command(jvmOptions, ServerChild.class, List.of()),
                line -> line.startsWith("ENDPOINT ") ? URI.create(line.substring("ENDPOINT ".length())) : null);
    }

    /** The no-cost stub server of the client ceiling in a child JVM ({@link StubServer}). */
    static ServerProcess stub() {
        return new ServerProcess(
                "stub-server",
                ChildJvm.command(List.of("-Xms256m", "-Xmx512m"), StubServer.class, List.of()),
                line -> line.startsWith("ENDPOINT ") ? URI.create(line.substring("ENDPOINT ".length())) : null);
    }

    /** dynalite (npm, pinned in package.json) on a free port of 127.0.0.1, with no table-state delays. */
    static ServerProcess dynalite() {
        Path cli = dynaliteScript()
                .orElseThrow(() -> new IllegalStateException(
                        "dynalite is not installed: run `npm ci --no-audit --no-fund` in " + projectRoot()));
        int port = freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        return new ServerProcess(
                "dynalite",
                List.of(
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
                        "0"),
                line -> line.contains("listening") ? endpoint : null);
    }

    /** The dynalite script under the project root's node_modules, if installed. */
    static Optional<Path> dynaliteScript() {
        Path cli = projectRoot().resolve("node_modules/dynalite/cli.js");
        return Files.isRegularFile(cli) ? Optional.of(cli) : Optional.empty();
    }

    /** The project root: {@code -Drestmachine.projectRoot}, else the nearest directory above with package.json and pom.xml. */
    static Path projectRoot() {
        String configured = System.getProperty("restmachine.projectRoot");
        if (configured != null) {
            return Paths.get(configured).toAbsolutePath();
        }
        Path start = Paths.get("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("package.json")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return start;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
