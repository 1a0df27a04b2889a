package io.restmachine.orm.bench.measure;

import io.restmachine.dynamodb.embedded.peer.Dynalite;
import io.restmachine.orm.bench.ChildJvm;
import java.net.URI;
import java.util.List;
import java.util.Map;

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

    /**
     * moto's {@code moto_server} (python, installed on the PATH) on a free port of 127.0.0.1: the
     * command the conformance tests use ({@code peer.Moto}).
     */
    static ServerProcess moto() {
        int port = Dynalite.freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        return new ServerProcess(
                "moto",
                List.of("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port)),
                Map.of("PYTHONUNBUFFERED", "1"),
                line -> line.contains("Running on") ? endpoint : null);
    }

    /**
     * dynalite (npm, pinned in package.json) on a free port of 127.0.0.1, with no table-state delays:
     * the command the conformance tests use ({@link Dynalite#command}).
     */
    static ServerProcess dynalite() {
        int port = Dynalite.freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        return new ServerProcess(
                "dynalite", Dynalite.command(port), line -> line.contains("listening") ? endpoint : null);
    }
}
