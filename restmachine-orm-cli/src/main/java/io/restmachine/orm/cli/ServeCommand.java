package io.restmachine.orm.cli;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.ServerHandle;
import io.restmachine.dynamodb.embedded.ServerOptions;
import io.restmachine.dynamodb.embedded.persistence.StorageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            "Any AWS SDK or the AWS CLI works against it; it accepts any credentials unless --require-auth.",
            "Without --require-auth a request with no Authorization header still gets"
                    + " MissingAuthenticationTokenException, as from DynamoDB Local: send any SigV4-signed request.",
            "A web console for its tables and items is at http://HOST:PORT/console/ (under --require-auth it asks for"
                    + " an access key and signs its requests with it)."
        },
        footer = {
            "",
            "Access keys for --require-auth come from --access-keys-file FILE (one ID:SECRET per line; the file must be"
                    + " readable by its owner only: chmod 600), from the environment variable " + ServeCommand.KEYS_ENV
                    + " (ID:SECRET pairs separated by commas or spaces), or from --access-key ID:SECRET, which every"
                    + " local user can read in the process list (ps): prefer the file or the variable.",
            "",
            "Example: restmachine-orm serve --port 8000 --data-dir ./data",
            "         restmachine-orm serve --host 0.0.0.0 --require-auth --access-keys-file ~/.restmachine-keys%n"
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
            description = "Refuse requests not signed (AWS Signature V4, in the Authorization header or presigned"
                    + " in the query string) with one of the access keys (see below), signed more than 15 minutes"
                    + " away from this machine's clock, or presigned and past their X-Amz-Expires")
    boolean requireAuth;

    @Option(
            names = "--access-key",
            paramLabel = "ID:SECRET",
            description = "An access key id and its secret that may call the server (repeatable; needs --require-auth);"
                    + " visible to other local users through ps: prefer --access-keys-file or " + KEYS_ENV)
    List<String> accessKeys = new ArrayList<>();

    @Option(
            names = "--access-keys-file",
            paramLabel = "FILE",
            description = "Read access keys from FILE, one ID:SECRET per line ('#' starts a comment); FILE must be"
                    + " readable by its owner only (chmod 600); needs --require-auth")
    @Nullable
    Path accessKeysFile;

    /** The environment variable that may hold access keys (read only with --require-auth). */
    static final String KEYS_ENV = "RESTMACHINE_ACCESS_KEYS";

    /** The process environment, where {@link #KEYS_ENV} is read. */
    Map<String, String> environment = System.getenv();

    /** How many access keys were configured, from all sources (for the banner). */
    private int keyCount;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Keep tables and items in this directory across restarts (default: in memory)")
    @Nullable
    Path dataDir;

    @Option(
            names = "--cors",
            paramLabel = "ORIGINS",
            split = ",",
            description = "Let web pages from these origins call the server from a browser (comma-separated,"
                    + " e.g. http://localhost:3000; * for any, as DynamoDB allows). Default: none. Without"
                    + " --require-auth, * would let any page open in your browser read and change your tables,"
                    + " so name your app's origin instead")
    List<String> corsOrigins = new ArrayList<>();

    @Option(
            names = "--create-table-ms",
            paramLabel = "N",
            description = "How long a new table stays CREATING, in milliseconds (default: ${DEFAULT-VALUE}, as"
                    + " dynalite's): item requests meanwhile get ResourceNotFoundException, as from DynamoDB, so a"
                    + " client that does not wait for ACTIVE fails here, not in production; 0 makes tables ACTIVE at"
                    + " once")
    long createTableMs = 500;

    @Option(
            names = "--update-table-ms",
            paramLabel = "N",
            description = "How long a table stays UPDATING (new indexes CREATING) after UpdateTable, in milliseconds"
                    + " (default: ${DEFAULT-VALUE})")
    long updateTableMs = 500;

    @Option(
            names = "--delete-table-ms",
            paramLabel = "N",
            description = "How long a deleted table is still shown DELETING, in milliseconds (default:"
                    + " ${DEFAULT-VALUE})")
    long deleteTableMs = 500;

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
        ServerOptions options;
        try {
            options = new ServerOptions(host, port, Map.of());
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--host: " + e.getMessage());
        }
        try {
            options = options.withCorsOrigins(corsOrigins);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--cors: " + e.getMessage());
        }
        if (!requireAuth) {
            if (!accessKeys.isEmpty()) {
                throw CliException.badInput("--access-key needs --require-auth (without it every request is served)");
            }
            if (accessKeysFile != null) {
                throw CliException.badInput(
                        "--access-keys-file needs --require-auth (without it every request is served)");
            }
            return options;
        }
        List<KeySource> keys = new ArrayList<>();
        for (String pair : accessKeys) {
            keys.add(new KeySource(pair, "--access-key"));
        }
        String fromEnvironment = environment.get(KEYS_ENV);
        if (fromEnvironment != null) {
            for (String pair : fromEnvironment.split("[,\\s]+")) {
                if (!pair.isEmpty()) {
                    keys.add(new KeySource(pair, "the variable " + KEYS_ENV));
                }
            }
        }
        if (accessKeysFile != null) {
            keys.addAll(readKeysFile(accessKeysFile));
        }
        if (keys.isEmpty()) {
            throw CliException.badInput(
                    "--require-auth needs at least one access key: --access-keys-file FILE, the" + " variable "
                            + KEYS_ENV + ", or --access-key ID:SECRET, e.g. --access-key AKIDLOCAL:local-secret");
        }
        keyCount = keys.size();
        for (KeySource key : keys) {
            String pair = key.pair();
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw CliException.badInput(
                        "--access-key takes ID:SECRET (both non-empty), e.g. AKIDLOCAL:local-secret;" + " got '"
                                + (colon < 0 ? pair : pair.substring(0, colon) + ":...") + "' from " + key.source());
            }
            try {
                options = options.withAccessKey(pair.substring(0, colon), pair.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw CliException.badInput("--access-key: " + e.getMessage() + " (from " + key.source() + ")");
            }
        }
        return options;
    }

    /** One ID:SECRET pair and where it came from (for messages, which never show the secret). */
    private record KeySource(String pair, String source) {}

    /** The keys of an owner-only file; refuses a file that other users may read or write. */
    private static List<KeySource> readKeysFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw CliException.badInput("--access-keys-file " + file + " does not exist or is not a file");
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> shared = EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission permission : permissions) {
                if (!permission.name().startsWith("OWNER_")) {
                    shared.add(permission);
                }
            }
            if (!shared.isEmpty()) {
                throw CliException.badInput("--access-keys-file " + file + " can be used by other users (permissions "
                        + PosixFilePermissions.toString(permissions) + "); it holds secrets, so make it readable by"
                        + " its owner only: chmod 600 '" + file + "'");
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): its ACLs are the owner's business.
        } catch (IOException e) {
            throw CliException.badInput("--access-keys-file " + file + " cannot be read: " + Failures.oneLine(e));
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw CliException.badInput("--access-keys-file " + file + " cannot be read: " + Failures.oneLine(e));
        }
        List<KeySource> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                keys.add(new KeySource(line, "line " + (i + 1) + " of " + file));
            }
        }
        return keys;
    }

    private EmbeddedDynamoDB open() {
        EmbeddedDynamoDB.Builder builder = EmbeddedDynamoDB.builder()
                .createTableDelay(delay("--create-table-ms", createTableMs))
                .updateTableDelay(delay("--update-table-ms", updateTableMs))
                .deleteTableDelay(delay("--delete-table-ms", deleteTableMs));
        if (dataDir == null) {
            return builder.build();
        }
        try {
            return builder.persistent(dataDir).build();
        } catch (StorageException e) {
            // The engine refuses a locked or damaged directory with a message that says how to proceed.
            throw new CliException(
                    ExitCode.FAILED, "cannot open --data-dir " + dataDir + ": " + Failures.oneLine(e), e);
        }
    }

    private static Duration delay(String option, long millis) {
        if (millis < 0 || millis > Duration.ofHours(1).toMillis()) {
            throw CliException.badInput(option + " must be between 0 and 3600000 (one hour), not " + millis);
        }
        return Duration.ofMillis(millis);
    }

    private void announce(PrintWriter out, URI endpoint) {
        out.println("restmachine-orm: DynamoDB-compatible server listening on " + endpoint);
        out.println("  data:   "
                + (dataDir == null ? "in memory (lost on exit; --data-dir DIR keeps it)" : dataDir.toAbsolutePath()));
        if (requireAuth) {
            out.println("  auth:   requests must be signed with one of " + keyCount + " access key(s)");
        }
        if (!corsOrigins.isEmpty()) {
            out.println("  cors:   web pages from " + String.join(", ", corsOrigins) + " may call this server");
        }
        out.println("  console: " + endpoint + "/console/ (open it in a browser)");
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
