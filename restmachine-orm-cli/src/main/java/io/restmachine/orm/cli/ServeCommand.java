package io.restmachine.orm.cli;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.ServerHandle;
import io.restmachine.dynamodb.embedded.ServerOptions;
import io.restmachine.dynamodb.embedded.persistence.StorageException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the embedded engine as a DynamoDB-compatible HTTP server, until Ctrl-C (or any
 * termination signal), when it stops the server and closes the engine, flushing {@code --data-dir}.
 */
@Command(
        name = "serve",
        description = {
            "Run the embedded DynamoDB-compatible engine as an HTTP server until Ctrl-C.",
            "Any AWS SDK or the AWS CLI works against it; it accepts any credentials unless --require-auth."
        },
        footer = {
            "",
            "Example: restmachine-orm serve --port 8000 --data-dir ./data",
            "         restmachine-orm serve --host 0.0.0.0 --require-auth --access-key AKIDLOCAL:local-secret%n"
        })
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 8000;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "Address to bind (default: ${DEFAULT-VALUE}); without --require-auth anyone who can"
                    + " reach another address can read and change your data")
    String host = "127.0.0.1";

    @Option(
            names = "--require-auth",
            description = "Refuse requests not signed (AWS Signature V4) with one of the --access-key pairs")
    boolean requireAuth;

    @Option(
            names = "--access-key",
            paramLabel = "ID:SECRET",
            description = "An access key id and its secret that may call the server (repeatable; needs --require-auth)")
    List<String> accessKeys = new ArrayList<>();

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Keep tables and items in this directory across restarts (default: in memory)")
    @Nullable
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        Streams streams = Streams.of(spec);
        if (port < 0 || port > 65535) {
            throw CliException.badInput("--port must be between 0 (any free port) and 65535, not " + port);
        }
        if (dataDir != null && Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw CliException.badInput("--data-dir " + dataDir + " is a file, not a directory");
        }
        ServerOptions options = options();
        EmbeddedDynamoDB engine = open();
        ServerHandle server;
        try {
            server = engine.serve(options);
        } catch (RuntimeException e) {
            engine.close();
            throw bindFailure(e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, engine, streams, stopped), "serve-stop"));
        announce(streams.out(), server.endpoint());
        // Runs until the JVM is told to stop; the hook then closes everything, and the JVM exits.
        stopped.await();
        return 0;
    }

    private ServerOptions options() {
        if (!requireAuth) {
            if (!accessKeys.isEmpty()) {
                throw CliException.badInput("--access-key needs --require-auth (without it every request is served)");
            }
            return new ServerOptions(host, port, Map.of());
        }
        if (accessKeys.isEmpty()) {
            throw CliException.badInput(
                    "--require-auth needs at least one --access-key ID:SECRET, e.g. --access-key AKIDLOCAL:local-secret");
        }
        ServerOptions options;
        try {
            options = new ServerOptions(host, port, Map.of());
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--host: " + e.getMessage());
        }
        for (String pair : accessKeys) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw CliException.badInput(
                        "--access-key takes ID:SECRET (both non-empty), e.g. AKIDLOCAL:local-secret;" + " got '"
                                + (colon < 0 ? pair : pair.substring(0, colon) + ":...") + "'");
            }
            try {
                options = options.withAccessKey(pair.substring(0, colon), pair.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw CliException.badInput("--access-key: " + e.getMessage());
            }
        }
        return options;
    }

    private EmbeddedDynamoDB open() {
        if (dataDir == null) {
            return EmbeddedDynamoDB.inMemory();
        }
        try {
            return EmbeddedDynamoDB.persistent(dataDir);
        } catch (StorageException e) {
            // The engine refuses a locked or damaged directory with a message that says how to proceed.
            throw new CliException(
                    ExitCode.FAILED, "cannot open --data-dir " + dataDir + ": " + Failures.oneLine(e), e);
        }
    }

    private void announce(PrintWriter out, URI endpoint) {
        out.println("restmachine-orm: DynamoDB-compatible server listening on " + endpoint);
        out.println("  data:   "
                + (dataDir == null ? "in memory (lost on exit; --data-dir DIR keeps it)" : dataDir.toAbsolutePath()));
        if (requireAuth) {
            out.println("  auth:   requests must be signed with one of " + accessKeys.size() + " access key(s)");
        }
        out.println("  try:    aws dynamodb list-tables --endpoint-url " + endpoint + " --region us-east-1");
        out.println("  or:     restmachine-orm table list --endpoint " + endpoint);
        out.println("  stop:   Ctrl-C");
        out.flush();
    }

    private void stop(ServerHandle server, EmbeddedDynamoDB engine, Streams streams, CountDownLatch stopped) {
        try {
            server.close();
            engine.close();
            streams.out()
                    .println("restmachine-orm: server stopped"
                            + (dataDir == null ? "" : "; data flushed to " + dataDir.toAbsolutePath()));
            streams.out().flush();
        } finally {
            stopped.countDown();
        }
    }

    private CliException bindFailure(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return new CliException(
                        ExitCode.FAILED,
                        "cannot listen on " + host + ":" + port + ": " + Failures.oneLine(t)
                                + " (another server there? pick another --port, or 0 for any free port)",
                        e);
            }
        }
        return new CliException(
                ExitCode.FAILED, "cannot start the server on " + host + ":" + port + ": " + Failures.oneLine(e), e);
    }
}
