package io.restmachine.dynamodb.embedded;

import io.restmachine.dynamodb.embedded.action.Engine;
import io.restmachine.dynamodb.embedded.action.FaultPlan;
import io.restmachine.dynamodb.embedded.auth.SignatureVerifier;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.persistence.Disk;
import io.restmachine.dynamodb.embedded.persistence.DurableStore;
import io.restmachine.dynamodb.embedded.persistence.RecoveryReport;
import io.restmachine.dynamodb.embedded.protocol.HttpTransport;
import io.restmachine.dynamodb.embedded.protocol.InProcessHttpClient;
import io.restmachine.dynamodb.embedded.protocol.ProtocolHandler;
import io.restmachine.dynamodb.embedded.table.Database;
import io.restmachine.dynamodb.embedded.table.MutationLog;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.table.TableDelays;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.auth.scheme.NoAuthAuthScheme;
import software.amazon.awssdk.http.auth.spi.scheme.AuthSchemeOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A pure-Java DynamoDB-compatible engine, used through the AWS SDK v2: in-process (no socket) or
 * over HTTP on 127.0.0.1.
 *
 * <pre>{@code
 * try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
 *     DynamoDbClient client = db.client();          // in-process: no socket, no Docker
 *     URI endpoint = db.startServer(8000);          // also speak HTTP on 127.0.0.1 (0 = any port)
 *     db.faults().throttle(0.1).unprocessed(0.3);   // for tests of retries
 * }
 * }</pre>
 *
 * <p>Thread-safe: requests run in parallel; each single-item write is atomic with its condition
 * and transactions are all-or-nothing and isolated. Items whose time-to-live has passed are
 * deleted by a background sweep (see {@link Builder#expiryInterval}); {@link #expireNow()} runs
 * one sweep at once.
 */
public final class EmbeddedDynamoDB implements AutoCloseable {
    /** The endpoint the in-process client is configured with; nothing listens there. */
    public static final URI IN_PROCESS_ENDPOINT = URI.create("http://embedded-dynamodb.localhost");

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private final Database database;
    private final @Nullable DurableStore store;
    private final Faults faults = new Faults();
    private final ProtocolHandler handler;
    private final int serverThreads;
    private final @Nullable ScheduledExecutorService sweeper;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private boolean closed;

    private EmbeddedDynamoDB(Builder builder) {
        if (builder.directory == null) {
            this.store = null;
            this.database = new Database(MutationLog.NONE, builder.clock);
        } else {
            this.store = DurableStore.open(
                    builder.directory,
                    builder.clock,
                    new DurableStore.Compaction(builder.compactionThreshold, builder.compactionRatio),
                    Disk.LOCAL);
            this.database = store.database();
        }
        database.delays(builder.delays);
        if (builder.collectionLimit != Database.ITEM_COLLECTION_LIMIT) {
            database.collectionLimit(builder.collectionLimit);
        }
        this.handler = new ProtocolHandler(new Engine(database, faultPlan(faults)));
        this.serverThreads = builder.serverThreads;
        if (builder.expiryInterval.isZero()) {
            this.sweeper = null;
        } else {
            this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "embedded-dynamodb-ttl");
                thread.setDaemon(true);
                return thread;
            });
            long millis = builder.expiryInterval.toMillis();
            sweeper.scheduleWithFixedDelay(database::expireNow, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** A new, empty engine keeping everything in memory. */
    public static EmbeddedDynamoDB inMemory() {
        return builder().build();
    }

    /**
     * An engine that keeps its tables and items in {@code dir} (created if missing) across
     * restarts: every write is in a synced write-ahead log before it is acknowledged, and the log
     * is compacted into a snapshot as it grows and on {@link #close()}. Opening recovers what the
     * directory holds; see {@link #recoveryReport()}.
     *
     * <pre>{@code
     * try (EmbeddedDynamoDB db = EmbeddedDynamoDB.persistent(Path.of("data"))) {
     *     db.client().putItem(...);   // on disk when it returns
     * }
     * }</pre>
     *
     * @throws io.restmachine.dynamodb.embedded.persistence.StorageException if another engine has
     *     the directory open, or its snapshot or the middle of its log is damaged (the message says
     *     where and how to proceed)
     */
    public static EmbeddedDynamoDB persistent(Path dir) {
        return builder().persistent(dir).build();
    }

    /**
     * Accepts the loss of acknowledged writes after {@link #persistent} refused to open {@code
     * dir} because its log is damaged or was cut short: cuts the log at the first damage, keeps
     * the cut bytes and any later segments beside it as {@code *.lost} files (nothing is deleted),
     * and marks what remains as synced, so that the next open recovers everything before the
     * damage. The refusal's message names this call and the CLI's {@code restmachine-orm
     * accept-log-loss --data-dir DIR}.
     *
     * @return one line per change made; empty if the log needed none
     * @throws io.restmachine.dynamodb.embedded.persistence.StorageException if an engine has the directory open
     */
    public static List<String> acceptLogLoss(Path dir) {
        return DurableStore.acceptLogLoss(dir);
    }

    /** Settings: clock, expiry sweep interval, HTTP worker threads, and a directory to persist in. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A new {@link DynamoDbClient} talking to this engine in-process (region us-east-1, dummy
     * credentials). The engine closes every client it handed out when it closes.
     */
    public DynamoDbClient client() {
        return client(builder -> {});
    }

    /**
     * Like {@link #client()}, with {@code customizer} applied to the client's builder last: for
     * example to add an SDK {@code ExecutionInterceptor} (metrics, tracing). Keep the in-process
     * HTTP client and endpoint it sets, or the client no longer reaches this engine.
     */
    public synchronized DynamoDbClient client(Consumer<DynamoDbClientBuilder> customizer) {
        Objects.requireNonNull(customizer, "customizer");
        requireOpen();
        DynamoDbClientBuilder builder = inProcess(DynamoDbClient.builder())
                .authSchemeProvider(params -> NO_AUTH)
                .endpointProvider(params -> IN_PROCESS);
        customizer.accept(builder);
        DynamoDbClient client = builder.build();
        resources.add(client);
        return client;
    }

    /**
     * A new {@link DynamoDbStreamsClient} reading this engine's streams in-process (ListStreams,
     * DescribeStream, GetShardIterator, GetRecords; see docs/streams.md). The engine closes it
     * when it closes.
     */
    public synchronized DynamoDbStreamsClient streamsClient() {
        requireOpen();
        DynamoDbStreamsClient client = inProcess(DynamoDbStreamsClient.builder())
                .authSchemeProvider(params -> NO_AUTH)
                .endpointProvider(params -> IN_PROCESS)
                .build();
        resources.add(client);
        return client;
    }

    /**
     * The in-process clients' only auth scheme: none. The engine trusts callers in its own JVM
     * ({@link ProtocolHandler#handleInProcess}), so signing every request (hashing its body, four
     * HMACs) would only cost time.
     */
    private static final List<AuthSchemeOption> NO_AUTH = List.of(
            AuthSchemeOption.builder().schemeId(NoAuthAuthScheme.SCHEME_ID).build());

    /** The in-process clients' endpoint, resolved without evaluating the SDK's endpoint rules. */
    private static final CompletableFuture<Endpoint> IN_PROCESS = CompletableFuture.completedFuture(
            Endpoint.builder().url(IN_PROCESS_ENDPOINT).build());

    /** {@code builder} set to reach this engine in-process: region us-east-1, dummy credentials. */
    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B inProcess(B builder) {
        return builder.httpClient(new InProcessHttpClient(handler))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("embedded", "embedded")))
                .endpointOverride(IN_PROCESS_ENDPOINT);
    }

    /**
     * The definition of table {@code tableName} as it is now, apart from its name and items (see
     * {@link TableTemplate}), for {@link #createTable(TableTemplate, String)}.
     *
     * @throws IllegalArgumentException if there is no such table
     */
    public TableTemplate tableTemplate(String tableName) {
        Objects.requireNonNull(tableName, "tableName");
        requireOpen();
        try {
            return new TableTemplate(database.table(tableName).definition());
        } catch (EngineException e) {
            throw new IllegalArgumentException(
                    "no table named '" + tableName + "' to take a template from: create it"
                            + " first (CreateTable, or backend.createTable())",
                    e);
        }
    }

    /**
     * Creates the empty table {@code tableName} defined as {@code template} says (a new table id and
     * creation time; no stream, no tags), as CreateTable would (CREATING for the {@link
     * Builder#createTableDelay} first), but without a request through the SDK: for test frameworks
     * that give every test a fresh table of one shape. {@code @DynamoDBTest} uses it on the
     * embedded engine.
     *
     * @throws IllegalArgumentException if {@code tableName} is not a valid table name
     * @throws IllegalStateException if a table of that name exists (or is still being deleted)
     */
    public void createTable(TableTemplate template, String tableName) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(tableName, "tableName");
        requireOpen();
        if (tableName.length() < 3
                || tableName.length() > 255
                || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("'" + tableName + "' is not a valid table name: use 3 to 255 of the"
                    + " characters a-z, A-Z, 0-9, '_', '-' and '.'");
        }
        TableDefinition source = template.definition();
        TableDefinition definition = new TableDefinition(
                tableName,
                source.attributeTypes(),
                source.key(),
                source.localIndexes(),
                source.globalIndexes(),
                source.payPerRequest(),
                source.readCapacity(),
                source.writeCapacity(),
                database.clock().millis() / 1000.0,
                UUID.randomUUID().toString(),
                source.ttlAttribute());
        try {
            database.create(definition);
        } catch (EngineException e) {
            throw new IllegalStateException(
                    "cannot create table '" + tableName + "': " + e.error().message(), e);
        }
    }

    /**
     * Deletes table {@code tableName} and its items at once, as DeleteTable would but without a
     * request through the SDK (the table is shown DELETING for the {@link Builder#deleteTableDelay}).
     *
     * @return false if there was no such table
     * @throws IllegalStateException if the table is still being created or updated
     */
    public boolean deleteTable(String tableName) {
        Objects.requireNonNull(tableName, "tableName");
        requireOpen();
        if (database.tableNames().stream().noneMatch(tableName::equals)) {
            return false;
        }
        try {
            database.delete(tableName);
            return true;
        } catch (EngineException e) {
            throw new IllegalStateException(
                    "cannot delete table '" + tableName + "': " + e.error().message(), e);
        }
    }

    /**
     * Serves DynamoDB's HTTP protocol on 127.0.0.1 until the engine closes.
     *
     * @param port the port; 0 picks any free port
     * @return the endpoint, e.g. {@code http://127.0.0.1:8000}
     */
    public URI startServer(int port) {
        return serve("127.0.0.1", port).endpoint();
    }

    /**
     * Serves DynamoDB's HTTP protocol on {@code host:port}, without authentication; the server
     * stops when the handle or the engine is closed. Binding anything but a loopback address
     * exposes the engine to the network: use {@link #serve(ServerOptions)} with access keys then.
     */
    public ServerHandle serve(String host, int port) {
        return serve(new ServerOptions(host, port, Map.of()));
    }

    /**
     * Serves DynamoDB's HTTP protocol as {@code options} say; with access keys, requests not
     * signed (Signature Version 4) by one of them are refused with DynamoDB's errors before they
     * reach the engine. The server stops when the handle or the engine is closed.
     */
    public synchronized ServerHandle serve(ServerOptions options) {
        requireOpen();
        @Nullable
        SignatureVerifier verifier =
                options.requiresAuth() ? SignatureVerifier.of(options.accessKeys(), Clock.systemUTC()) : null;
        HttpTransport transport = HttpTransport.start(
                handler,
                options.host(),
                options.port(),
                serverThreads,
                verifier,
                new HttpTransport.Limits(
                        options.maxConnections(),
                        options.idleTimeout(),
                        options.headerDeadline(),
                        options.bodyDeadline()),
                options.corsOrigins());
        resources.add(transport);
        return new ServerHandle() {
            @Override
            public URI endpoint() {
                return transport.endpoint();
            }

            @Override
            public void close() {
                transport.close();
            }
        };
    }

    /** The fault injection settings of this engine. */
    public Faults faults() {
        return faults;
    }

    /**
     * What opening a persistent engine found in its directory (snapshot, log records replayed,
     * a torn log tail cut away); empty for an in-memory engine.
     */
    public Optional<RecoveryReport> recoveryReport() {
        return store == null ? Optional.empty() : Optional.of(store.recoveryReport());
    }

    /**
     * Deletes every item whose time-to-live has passed, now, as DynamoDB's time to live would:
     * items whose TTL attribute is a Number of epoch seconds before the clock's now and not more
     * than five years before it (other types, and older expiries, are ignored). Only the expired
     * items are visited. Returns how many were deleted.
     */
    public int expireNow() {
        return database.expireNow();
    }

    /**
     * Stops servers and the expiry sweep and closes the clients handed out; an in-memory engine's
     * data is gone, a persistent engine compacts its log and releases its directory.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // Closing is best effort: one failing resource must not keep the others open.
            }
        }
        resources.clear();
        if (store != null) {
            store.close();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this EmbeddedDynamoDB is closed; create a new one");
        }
    }

    private static FaultPlan faultPlan(Faults faults) {
        return new FaultPlan() {
            @Override
            public boolean throttle() {
                return faults.shouldThrottle();
            }

            @Override
            public boolean unprocessed() {
                return faults.shouldLeaveUnprocessed();
            }

            @Override
            public Duration latency() {
                return faults.currentLatency();
            }
        };
    }

    /** Settings of an engine; in memory unless {@link #persistent(Path)} names a directory. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration expiryInterval = Duration.ofSeconds(1);
        private int serverThreads = Math.max(8, 2 * Runtime.getRuntime().availableProcessors());
        private @Nullable Path directory;
        private long compactionThreshold = DurableStore.Compaction.DEFAULT.thresholdBytes();
        private double compactionRatio = DurableStore.Compaction.DEFAULT.ratio();
        private long collectionLimit = Database.ITEM_COLLECTION_LIMIT;
        private TableDelays delays = TableDelays.NONE;

        private Builder() {}

        /**
         * How long a new table stays CREATING (default {@link Duration#ZERO}: ACTIVE before
         * CreateTable returns). Meanwhile item operations on it get ResourceNotFoundException and
         * DeleteTable gets ResourceInUseException, as on DynamoDB, so a client that does not wait
         * for ACTIVE fails here rather than in production. Zero by default because tests create
         * tables by the thousand; {@code restmachine-orm serve} sets it with {@code --create-table-ms}.
         * The engine clock ({@link #clock}) measures it.
         */
        public Builder createTableDelay(Duration delay) {
            this.delays = delays.withCreating(delay);
            return this;
        }

        /**
         * How long a table stays UPDATING after UpdateTable, with its new global indexes CREATING and
         * its old throughput shown (default zero). The change itself applies at once.
         */
        public Builder updateTableDelay(Duration delay) {
            this.delays = delays.withUpdating(delay);
            return this;
        }

        /**
         * How long a deleted table is still listed and described as DELETING (default zero); its
         * items are gone at once, and item operations on it get ResourceNotFoundException.
         */
        public Builder deleteTableDelay(Duration delay) {
            this.delays = delays.withDeleting(delay);
            return this;
        }

        /**
         * For tests only: lowers DynamoDB's 10 GB item collection size limit (tables with local
         * secondary indexes) to {@code bytes}, so that a test reaches it with a few kilobytes.
         * Package-private on purpose: an application has no reason to change the limit.
         */
        Builder itemCollectionSizeLimit(long bytes) {
            if (bytes < 1 || bytes > Database.ITEM_COLLECTION_LIMIT) {
                throw new IllegalArgumentException("itemCollectionSizeLimit must be between 1 byte and 10 GiB ("
                        + Database.ITEM_COLLECTION_LIMIT + "), got " + bytes);
            }
            this.collectionLimit = bytes;
            return this;
        }

        /** The clock for time-to-live expiry and creation times (tests: a fixed or mutable clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How often expired items are swept; {@link Duration#ZERO} turns the background sweep off. */
        public Builder expiryInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("expiryInterval must not be negative, got " + interval);
            }
            this.expiryInterval = interval;
            return this;
        }

        /** The most HTTP requests served at once (default: twice the processors, at least 8). */
        public Builder serverThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("serverThreads must be at least 1, got " + threads);
            }
            this.serverThreads = threads;
            return this;
        }

        /** Keeps tables and items in {@code dir} across restarts (see {@link EmbeddedDynamoDB#persistent}). */
        public Builder persistent(Path dir) {
            this.directory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Log size in bytes under which a persistent engine never compacts its log into a snapshot
         * (default 4 MiB; at most 1 GiB, since recovery reads a log segment whole); past it, the log
         * is compacted in the background once it is also larger than {@link #compactionRatio} times
         * the live data.
         */
        public Builder compactionThreshold(long bytes) {
            this.compactionThreshold = new DurableStore.Compaction(bytes, compactionRatio).thresholdBytes();
            return this;
        }

        /**
         * How many times the size of the live data (the tables' items) the log may grow to before
         * it is compacted (default 1.0; 0 compacts as soon as the log passes {@link
         * #compactionThreshold}). Keeps recovery time proportional to the data, not to its history.
         */
        public Builder compactionRatio(double ratio) {
            this.compactionRatio = new DurableStore.Compaction(compactionThreshold, ratio).ratio();
            return this;
        }

        public EmbeddedDynamoDB build() {
            return new EmbeddedDynamoDB(this);
        }
    }
}
