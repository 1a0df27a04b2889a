package io.restmachine.orm.dynamodb;

import io.restmachine.orm.BatchResult;
import io.restmachine.orm.CollectionQuery;
import io.restmachine.orm.ItemFormat;
import io.restmachine.orm.Key;
import io.restmachine.orm.Orm;
import io.restmachine.orm.OrmSettings;
import io.restmachine.orm.Repository;
import io.restmachine.orm.Transaction;
import io.restmachine.orm.convert.AttributeConverter;
import io.restmachine.orm.dynamodb.internal.BatchSettings;
import io.restmachine.orm.dynamodb.internal.DynamoDbStore;
import io.restmachine.orm.dynamodb.internal.TableAdmin;
import io.restmachine.orm.spi.EntitySchema;
import io.restmachine.orm.spi.ItemLayout;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Stores models in one DynamoDB table (single-table design) through the AWS SDK for Java v2
 * {@link DynamoDbClient}.
 *
 * <pre>{@code
 * try (DynamoDBBackend backend = DynamoDBBackend.builder()
 *         .tableName("my-app-table")
 *         .region("us-east-1")
 *         .build()) {
 *     Repository<User> users = backend.repository(User.class);
 *     backend.createTable();
 *     users.create(new User("user-123", "alice@example.com", "Alice"));
 * }
 * }</pre>
 *
 * <p>Thread-safe. A client the backend builds itself (from region, endpoint and credentials) uses
 * the SDK's standard retry mode, so throttled requests are retried by the SDK, and is closed by
 * {@link #close()}; a client passed to {@link Builder#client} stays open.
 */
public final class DynamoDBBackend implements AutoCloseable {
    private final DynamoDbClient client;
    private final boolean ownsClient;
    private final String tableName;
    private final ItemLayout layout;
    private final DynamoDbStore store;
    private final Orm orm;
    private final TableAdmin admin;
    private final Set<Class<?>> models = new LinkedHashSet<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private DynamoDBBackend(Builder b, DynamoDbClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.tableName = Objects.requireNonNull(b.tableName);
        this.layout = b.layout();
        this.store = new DynamoDbStore(client, tableName, b.batchSettings());
        byte[] cursorKey = b.cursorKey == null ? defaultCursorKey(tableName) : b.cursorKey;
        this.orm = Orm.create(store, new OrmSettings(layout, cursorKey, b.clock, b.converters));
        this.admin = new TableAdmin(client, tableName, layout, store.errors());
    }

    /** A builder; {@link Builder#tableName} is the only required setting. */
    public static Builder builder() {
        return new Builder();
    }

    /** The table this backend reads and writes. */
    public String tableName() {
        return tableName;
    }

    /** The names of the attributes the ORM adds to every item. */
    public ItemLayout layout() {
        return layout;
    }

    /** The SDK client this backend sends requests with, for calls the ORM does not cover. */
    public DynamoDbClient client() {
        return client;
    }

    /**
     * The repository of a model class (created on first use and cached); also registers the model
     * for {@link #createTable()}. Throws {@code SchemaException} if the class cannot be mapped. A
     * sealed interface or abstract class gets a repository of all its concrete types (see {@link
     * Repository}), and registers each of them.
     */
    public <T> Repository<T> repository(Class<T> type) {
        Repository<T> repository = orm.repository(type);
        register(type);
        return repository;
    }

    /**
     * Reads the items of several models that share a partition (an item collection): one DynamoDB
     * Query per page, filtered on the server to these models' entity types; also registers the
     * models for {@link #createTable()}.
     *
     * <pre>{@code
     * ItemCollection alice = backend.collection(User.class, Order.class, TodoItem.class)
     *         .partition("USER#alice")
     *         .list();
     * List<Order> orders = alice.all(Order.class);
     * }</pre>
     *
     * Throws {@code SchemaException} if a class can't be mapped or two store the same entity type.
     */
    public CollectionQuery collection(Class<?>... types) {
        CollectionQuery query = orm.collection(types);
        register(types);
        return query;
    }

    /**
     * Reads DynamoDB Streams images of this table as {@code type}: one model, or each concrete
     * model of a sealed interface or abstract class, chosen by the image's entity type. Throws
     * {@code SchemaException} if a class can't be mapped.
     *
     * <pre>{@code
     * StreamImages<Order> orders = backend.streamImages(Order.class);
     * Optional<Order> after = orders.decode(record.dynamodb().newImage());
     * Optional<StreamChange<Order>> change = orders.change(record);
     * }</pre>
     */
    public <T> StreamImages<T> streamImages(Class<T> type) {
        return new StreamImages<>(orm.decoder(type));
    }

    /**
     * Registers models for {@link #createTable()} without creating their repositories yet.
     *
     * <pre>{@code
     * backend.register(User.class, Order.class, TodoItem.class).createTable();
     * }</pre>
     */
    public DynamoDBBackend register(Class<?>... types) {
        for (Class<?> type : types) {
            orm.schemas(type);
            synchronized (models) {
                models.add(type);
            }
        }
        return this;
    }

    /**
     * Runs the actions that {@code body} collects as one all-or-nothing TransactWriteItems call.
     *
     * <pre>{@code
     * backend.transaction(tx -> tx.create(user).delete(TodoItem.class, key));
     * }</pre>
     */
    public void transaction(Consumer<? super Transaction> body) {
        orm.transaction(body);
    }

    /**
     * Reads up to 100 items of one model as a consistent snapshot (TransactGetItems): one entry per
     * key, in order, empty where there is no item of this type.
     */
    public <T> List<Optional<T>> transactGet(Class<T> type, List<Key> keys) {
        register(type);
        return orm.transactGet(type, keys);
    }

    /** {@code repository(type).batchCreate(items)}: the backend-level spelling of the Python library. */
    public <T> BatchResult<T> batchCreate(Class<T> type, Collection<? extends T> items) {
        return repository(type).batchCreate(items);
    }

    /** {@code repository(type).batchUpsert(items)}: the explicit overwrite; see {@link Repository#batchUpsert}. */
    public <T> BatchResult<T> batchUpsert(Class<T> type, Collection<? extends T> items) {
        return repository(type).batchUpsert(items);
    }

    /** {@code repository(type).batchGet(keys)}: items in the order asked, missing ones left out. */
    public <T> List<T> batchGet(Class<T> type, Collection<Key> keys) {
        return repository(type).batchGet(keys);
    }

    /**
     * Creates the table if it does not exist: string partition and sort key ({@code pk}/{@code sk}
     * by default), one global secondary index (projected as declared, ALL by default) for every index declared by the
     * models registered so far, on-demand billing; waits until it is ACTIVE. On an existing table
     * it adds the indexes it lacks and otherwise changes nothing. Turns on time to live for the
     * models' {@code @Ttl} attribute where the server supports it.
     */
    public void createTable() {
        List<EntitySchema> schemas = new ArrayList<>();
        for (Class<?> type : registeredModels()) {
            schemas.addAll(orm.schemas(type));
        }
        admin.create(schemas);
    }

    /** The table's schema; prints as the CreateTable JSON. {@code BackendException} if it does not exist. */
    public TableDescription describeTable() {
        return admin.describe();
    }

    /** Deletes the table and waits until it is gone; does nothing if there is none. Meant for tests. */
    public void deleteTable() {
        admin.delete();
    }

    /** Stops the batch threads and, if the backend built the client, closes it. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            store.close();
            if (ownsClient) {
                client.close();
            }
        }
    }

    @Override
    public String toString() {
        return "DynamoDBBackend[table=" + tableName + "]";
    }

    private List<Class<?>> registeredModels() {
        synchronized (models) {
            return List.copyOf(models);
        }
    }

    /** Integrity only: anyone who knows the table name can derive it. Set a secret with {@link Builder#cursorKey}. */
    private static byte[] defaultCursorKey(String tableName) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("restmachine-orm cursor key for table " + tableName).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Settings of a {@link DynamoDBBackend}. Either give a ready {@link #client} or let the backend
     * build one from {@link #region}, {@link #endpoint} and {@link #credentials} (each optional:
     * the SDK's default chains apply).
     */
    public static final class Builder {
        private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

        private @Nullable String tableName;
        private @Nullable String region;
        private @Nullable URI endpoint;
        private @Nullable AwsCredentialsProvider credentials;
        private @Nullable DynamoDbClient client;
        private @Nullable Consumer<DynamoDbClientBuilder> clientCustomizer;
        private final ItemLayout defaults = ItemLayout.defaults();
        private String partitionKeyAttribute = defaults.partitionKey();
        private String sortKeyAttribute = defaults.sortKey();
        private String entityTypeAttribute = defaults.entityType();
        private String indexPartitionKeyPrefix = defaults.indexPartitionKeyPrefix();
        private String indexSortKeyPrefix = defaults.indexSortKeyPrefix();
        private ItemFormat itemFormat = ItemFormat.DEFAULT;
        private byte @Nullable [] cursorKey;
        private Clock clock = Clock.systemUTC();
        private int batchMaxAttempts = BatchSettings.defaults().maxAttempts();
        private Duration batchBaseBackoff = BatchSettings.defaults().baseBackoff();
        private Duration batchMaxBackoff = BatchSettings.defaults().maxBackoff();
        private int batchChunksInFlight = BatchSettings.defaults().chunksInFlight();
        private int batchWritesInFlight = BatchSettings.defaults().writesInFlight();
        private final Map<Class<?>, AttributeConverter<?>> converters = new LinkedHashMap<>();

        private Builder() {}

        /** The table every model is stored in (required). */
        public Builder tableName(String tableName) {
            this.tableName = tableName;
            return this;
        }

        /** The AWS region, e.g. {@code "us-east-1"}; else the SDK's default region chain. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Any DynamoDB-compatible server, e.g. {@code http://localhost:8000}. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** Credentials; else the SDK's default credentials chain. */
        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * Adjusts the client the backend builds (not a {@link #client} given ready), after region,
         * endpoint and credentials are set: for example to add an SDK {@code ExecutionInterceptor}
         * (metrics, tracing) or another HTTP client.
         *
         * <pre>{@code
         * DynamoDBBackend.builder().tableName("app")
         *     .customizeClient(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(tracing)))
         *     .build();
         * }</pre>
         */
        public Builder customizeClient(Consumer<DynamoDbClientBuilder> customizer) {
            this.clientCustomizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /** A ready client (e.g. {@code EmbeddedDynamoDB.client()}); the backend does not close it. */
        public Builder client(DynamoDbClient client) {
            this.client = client;
            return this;
        }

        /** The table's partition key attribute; default {@code pk}. */
        public Builder partitionKeyAttribute(String name) {
            this.partitionKeyAttribute = name;
            return this;
        }

        /** The table's sort key attribute; default {@code sk}. */
        public Builder sortKeyAttribute(String name) {
            this.sortKeyAttribute = name;
            return this;
        }

        /** The attribute naming each item's model; default {@code entity_type}. */
        public Builder entityTypeAttribute(String name) {
            this.entityTypeAttribute = name;
            return this;
        }

        /** Prefix of a GSI's partition key attribute, followed by the index name; default {@code gsi_pk_}. */
        public Builder indexPartitionKeyPrefix(String prefix) {
            this.indexPartitionKeyPrefix = prefix;
            return this;
        }

        /** Prefix of a GSI's sort key attribute, followed by the index name; default {@code gsi_sk_}. */
        public Builder indexSortKeyPrefix(String prefix) {
            this.indexSortKeyPrefix = prefix;
            return this;
        }

        /**
         * How field names and values are written; default {@link ItemFormat#DEFAULT}. {@link
         * ItemFormat#PYTHON} shares a table with the Python restmachine-orm (docs/item-layout.md).
         */
        public Builder itemFormat(ItemFormat format) {
            this.itemFormat = Objects.requireNonNull(format, "itemFormat");
            return this;
        }

        /**
         * The secret pagination cursors are signed with (at least 16 bytes); every process that
         * should accept a cursor needs the same key. Without it the key is derived from the table
         * name, which detects tampering but does not keep anyone who knows the table name from
         * forging a cursor: set a secret in production.
         */
        public Builder cursorKey(byte[] key) {
            this.cursorKey = key.clone();
            return this;
        }

        /** The clock of {@code @CreatedAt}, {@code @UpdatedAt} and TTL; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Stores values of {@code type} with {@code converter} (replacing any converter given before for
         * it): every field, collection element, map value, condition value and key template part of
         * exactly this type, ahead of the built-in conversions.
         *
         * <pre>{@code
         * DynamoDBBackend.builder().tableName("t")
         *     .converter(Money.class, AttributeConverter.of(
         *         m -> ItemValue.s(m.toString()), v -> Money.parse(((ItemValue.S) v).value())))
         *     .build();
         * }</pre>
         */
        public <T> Builder converter(Class<T> type, AttributeConverter<T> converter) {
            Objects.requireNonNull(type, "converter(type, converter): type is null");
            Objects.requireNonNull(
                    converter, "converter(type, converter): converter of " + type.getName() + " is null");
            converters.put(type, converter);
            return this;
        }

        /** Calls per batch chunk before still-unprocessed entries count as failed; default 10. */
        public Builder batchMaxAttempts(int attempts) {
            this.batchMaxAttempts = attempts;
            return this;
        }

        /** The backoff cap before the first batch retry, doubled for each further one; default 25 ms. */
        public Builder batchBaseBackoff(Duration backoff) {
            this.batchBaseBackoff = backoff;
            return this;
        }

        /** The largest backoff cap between batch retries; default 2 s. */
        public Builder batchMaxBackoff(Duration backoff) {
            this.batchMaxBackoff = backoff;
            return this;
        }

        /**
         * Batch chunks sent concurrently (BatchWriteItem and BatchGetItem chunks, and the
         * TransactWriteItems of 100 puts of {@code batchCreate}); default 4.
         */
        public Builder batchChunksInFlight(int chunks) {
            this.batchChunksInFlight = chunks;
            return this;
        }

        /**
         * Single-item requests of one batch sent concurrently (the UpdateItems of {@code
         * batchUpsert}, and the conditional PutItems of {@code batchCreate} on a server without
         * transactions); default 32.
         */
        public Builder batchWritesInFlight(int writes) {
            this.batchWritesInFlight = writes;
            return this;
        }

        /** Checks the settings and builds the backend (and its client, unless one was given). */
        public DynamoDBBackend build() {
            List<String> problems = problems();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Invalid DynamoDBBackend settings: " + String.join("; ", problems));
            }
            if (client != null) {
                return new DynamoDBBackend(this, client, false);
            }
            DynamoDbClient built = buildClient();
            try {
                return new DynamoDBBackend(this, built, true);
            } catch (RuntimeException e) {
                built.close();
                throw e;
            }
        }

        private List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (tableName == null || tableName.isBlank()) {
                problems.add("tableName is not set: call tableName(\"my-app-table\")");
            } else if (!TABLE_NAME.matcher(tableName).matches()) {
                problems.add("tableName '" + tableName + "' is not a valid DynamoDB table name: use 3 to 255"
                        + " characters of a-z, A-Z, 0-9, '_', '-' and '.'");
            }
            if (client != null) {
                List<String> alsoSet = new ArrayList<>();
                if (endpoint != null) alsoSet.add("endpoint");
                if (region != null) alsoSet.add("region");
                if (credentials != null) alsoSet.add("credentials");
                if (clientCustomizer != null) alsoSet.add("customizeClient");
                if (!alsoSet.isEmpty()) {
                    problems.add("client(...) was given together with " + String.join(", ", alsoSet)
                            + ": configure these on the client you pass, or drop client(...)");
                }
            }
            if (region != null && region.isBlank()) {
                problems.add("region is blank: pass a region such as \"us-east-1\", or leave it unset for the"
                        + " SDK's default region chain");
            }
            if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
                problems.add("endpoint '" + endpoint + "' needs a scheme and host, e.g. http://localhost:8000");
            }
            if (cursorKey != null && cursorKey.length < 16) {
                problems.add("cursorKey has " + cursorKey.length + " bytes: use a secret of at least 16 bytes");
            }
            layoutProblems(problems);
            try {
                batchSettings();
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(e.getMessage());
            }
            return problems;
        }

        private void layoutProblems(List<String> problems) {
            String[][] names = {
                {"partitionKeyAttribute", partitionKeyAttribute},
                {"sortKeyAttribute", sortKeyAttribute},
                {"entityTypeAttribute", entityTypeAttribute},
                {"indexPartitionKeyPrefix", indexPartitionKeyPrefix},
                {"indexSortKeyPrefix", indexSortKeyPrefix}
            };
            Set<String> seen = new LinkedHashSet<>();
            for (String[] setting : names) {
                String value = setting[1];
                if (value == null || value.isBlank()) {
                    problems.add(setting[0] + " is blank: give a non-empty attribute name");
                } else if (value.getBytes(StandardCharsets.UTF_8).length > 200) {
                    problems.add(setting[0] + " is longer than 200 bytes: DynamoDB limits key attribute names"
                            + " to 255 bytes, index names included");
                } else if (!seen.add(value)) {
                    problems.add(setting[0] + " '" + value + "' is already used by another layout setting:"
                            + " every layout attribute needs its own name");
                }
            }
            if (indexPartitionKeyPrefix != null
                    && indexSortKeyPrefix != null
                    && !indexPartitionKeyPrefix.isBlank()
                    && !indexSortKeyPrefix.isBlank()
                    && (indexPartitionKeyPrefix.startsWith(indexSortKeyPrefix)
                            || indexSortKeyPrefix.startsWith(indexPartitionKeyPrefix))) {
                problems.add("indexPartitionKeyPrefix '" + indexPartitionKeyPrefix + "' and indexSortKeyPrefix '"
                        + indexSortKeyPrefix + "' overlap: one must not start with the other");
            }
        }

        private ItemLayout layout() {
            return new ItemLayout(
                    partitionKeyAttribute,
                    sortKeyAttribute,
                    entityTypeAttribute,
                    indexPartitionKeyPrefix,
                    indexSortKeyPrefix,
                    itemFormat);
        }

        private BatchSettings batchSettings() {
            return new BatchSettings(
                    batchMaxAttempts, batchBaseBackoff, batchMaxBackoff, batchChunksInFlight, batchWritesInFlight);
        }

        private DynamoDbClient buildClient() {
            DynamoDbClientBuilder builder =
                    DynamoDbClient.builder().overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD));
            if (region != null) {
                builder.region(Region.of(region));
            } else if (endpoint != null) {
                // A local server accepts any region; only fall back when no region is configured at all.
                builder.region(defaultRegionOr(Region.US_EAST_1));
            }
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            if (credentials != null) {
                builder.credentialsProvider(credentials);
            }
            if (clientCustomizer != null) {
                clientCustomizer.accept(builder);
            }
            return builder.build();
        }

        private static Region defaultRegionOr(Region fallback) {
            try {
                return new DefaultAwsRegionProviderChain().getRegion();
            } catch (RuntimeException e) {
                return fallback;
            }
        }
    }
}
