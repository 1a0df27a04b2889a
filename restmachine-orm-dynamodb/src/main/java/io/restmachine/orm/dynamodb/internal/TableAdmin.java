package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.BackendException;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.dynamodb.TableDescription;
import io.restmachine.orm.spi.EntitySchema;
import io.restmachine.orm.spi.ItemLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates, describes and deletes the backend's table: the layout's string partition and sort key,
 * one global secondary index (projected as the models declare, ALL by default) per index the registered models declare, on-demand
 * billing, and time to live on the models' {@code @Ttl} attribute where the server supports it.
 */
public final class TableAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TableAdmin.class);
    private static final Duration INDEX_WAIT = Duration.ofMinutes(30);
    private static final Duration FIRST_POLL = Duration.ofMillis(25);
    private static final Duration MAX_POLL = Duration.ofSeconds(1);

    private final DynamoDbClient client;
    private final String tableName;
    private final ItemLayout layout;
    private final SdkErrorTranslator errors;

    public TableAdmin(DynamoDbClient client, String tableName, ItemLayout layout, SdkErrorTranslator errors) {
        this.client = client;
        this.tableName = tableName;
        this.layout = layout;
        this.errors = errors;
    }

    /**
     * Creates the table for these models and waits until it is ACTIVE; when it exists, adds the
     * GSIs it lacks (one UpdateTable each, waiting for each to become ACTIVE) and waits for those it
     * has that are still being built (DynamoDB refuses to read an index before it is ACTIVE). Enables TTL on the
     * models' {@code @Ttl} attribute if the server supports it.
     *
     * <p>CreateTable goes first: on a new table that is the only request when the server answers
     * ACTIVE at once (the embedded engine does), which keeps a fresh process's first
     * {@code createTable()} to one call. An existing table answers ResourceInUseException and takes
     * the describe-and-add-indexes path.
     */
    public void create(List<EntitySchema> schemas) {
        Map<String, EntitySchema.IndexSchema> indexes = indexes(schemas);
        if (!createTable(indexes)) {
            addMissingIndexes(describeExisting(), indexes);
        }
        ttlAttribute(schemas).ifPresent(this::enableTimeToLive);
    }

    /** The table's schema as DynamoDB describes it; {@code BackendException} if it does not exist. */
    public TableDescription describe() {
        var table = call("DescribeTable", () -> client.describeTable(b -> b.tableName(tableName))
                .table());
        return toDescription(table, timeToLive());
    }

    /** Deletes the table and waits until it is gone; does nothing if it does not exist. */
    public void delete() {
        try {
            client.deleteTable(b -> b.tableName(tableName));
        } catch (ResourceNotFoundException e) {
            return;
        } catch (SdkException e) {
            throw errors.translate("DeleteTable", e);
        }
        awaitGone();
    }

    /** The indexes by name, merged over all models; models that disagree on an index are an error. */
    private static Map<String, EntitySchema.IndexSchema> indexes(List<EntitySchema> schemas) {
        Map<String, EntitySchema.IndexSchema> indexes = new LinkedHashMap<>();
        Map<String, Class<?>> declaredBy = new LinkedHashMap<>();
        for (EntitySchema schema : schemas) {
            for (EntitySchema.IndexSchema index : schema.indexes()) {
                EntitySchema.IndexSchema known = indexes.putIfAbsent(index.name(), index);
                declaredBy.putIfAbsent(index.name(), schema.modelClass());
                if (known == null) {
                    continue;
                }
                Class<?> first = declaredBy.get(index.name());
                if (known.hasSortKey() != index.hasSortKey()) {
                    Class<?> with = known.hasSortKey() ? first : schema.modelClass();
                    Class<?> without = known.hasSortKey() ? schema.modelClass() : first;
                    throw new SchemaException("Index '" + index.name() + "' has a sort key in "
                            + with.getName() + " but not in " + without.getName()
                            + ": items without the index sort key are left out of the index, so "
                            + "declare @IndexSortKey(index = \"" + index.name() + "\") on both models or "
                            + "use different index names");
                }
                if (known.projection() != index.projection()
                        || !known.included().equals(index.included())) {
                    throw new SchemaException("Index '" + index.name() + "' is projected " + describe(known) + " in "
                            + first.getName() + " but " + describe(index) + " in "
                            + schema.modelClass().getName()
                            + ": an index has one projection, so declare the same projection (and include) on"
                            + " every model that uses it");
                }
            }
        }
        return indexes;
    }

    private static String describe(EntitySchema.IndexSchema index) {
        return index.projection() + (index.included().isEmpty() ? "" : " " + index.included());
    }

    private static Projection projection(EntitySchema.IndexSchema index) {
        Projection.Builder p =
                Projection.builder().projectionType(index.projection().name());
        if (!index.included().isEmpty()) {
            p.nonKeyAttributes(index.included());
        }
        return p.build();
    }

    /**
     * Sends CreateTable and waits for the new table to be ACTIVE; false when the table already
     * exists (or is being created by someone else), so that the caller checks its indexes.
     */
    private boolean createTable(Map<String, EntitySchema.IndexSchema> indexes) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        attributes.add(stringAttribute(layout.partitionKey()));
        attributes.add(stringAttribute(layout.sortKey()));
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        indexes.forEach((name, index) -> {
            attributes.addAll(indexAttributes(name, index.hasSortKey()));
            gsis.add(GlobalSecondaryIndex.builder()
                    .indexName(name)
                    .keySchema(indexKeys(name, index.hasSortKey()))
                    .projection(projection(index))
                    .build());
        });
        software.amazon.awssdk.services.dynamodb.model.TableDescription created;
        try {
            created = client.createTable(b -> b.tableName(tableName)
                            .keySchema(key(layout.partitionKey(), KeyType.HASH), key(layout.sortKey(), KeyType.RANGE))
                            .attributeDefinitions(attributes)
                            .globalSecondaryIndexes(gsis.isEmpty() ? null : gsis)
                            .billingMode(BillingMode.PAY_PER_REQUEST))
                    .tableDescription();
        } catch (ResourceInUseException e) {
            LOG.debug("Table {} exists or is being created by someone else", tableName);
            return false;
        } catch (SdkException e) {
            // Without permission to create tables, an existing table is still fine to use.
            if (exists()) {
                LOG.debug("CreateTable of {} failed ({}) but the table exists", tableName, e.getMessage());
                return false;
            }
            throw errors.translate("CreateTable", e);
        }
        LOG.info("Created DynamoDB table {} with {} global secondary indexes", tableName, gsis.size());
        if (!isActive(created, List.copyOf(indexes.keySet()))) {
            awaitActive(List.copyOf(indexes.keySet()));
        }
        return true;
    }

    /** Whether DescribeTable finds the table; false also when it can't be asked. */
    private boolean exists() {
        try {
            return find().isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The existing table once it is ACTIVE (it may still be CREATING when someone else made it). */
    private software.amazon.awssdk.services.dynamodb.model.TableDescription describeExisting() {
        awaitActive(List.of());
        return find().orElseThrow(() -> new BackendException("Table '" + tableName
                + "' was reported to exist but is gone (deleted meanwhile?): call backend.createTable() again"));
    }

    private void addMissingIndexes(
            software.amazon.awssdk.services.dynamodb.model.TableDescription table,
            Map<String, EntitySchema.IndexSchema> indexes) {
        Map<String, GlobalSecondaryIndexDescription> present = new LinkedHashMap<>();
        if (table.hasGlobalSecondaryIndexes()) {
            table.globalSecondaryIndexes().forEach(gsi -> present.put(gsi.indexName(), gsi));
        }
        List<String> added = new ArrayList<>();
        indexes.forEach((name, index) -> {
            boolean hasSortKey = index.hasSortKey();
            GlobalSecondaryIndexDescription gsi = present.get(name);
            if (gsi != null) {
                if (!gsi.keySchema().equals(indexKeys(name, hasSortKey))) {
                    throw new SchemaException("Table '" + tableName + "' already has an index '" + name
                            + "' with key " + gsi.keySchema() + ", but the models need " + indexKeys(name, hasSortKey)
                            + ": delete the index (or the table) and call backend.createTable() again");
                }
                // Added by someone else (another process, an earlier run) and still being built:
                // DynamoDB refuses to read it until it is ACTIVE, so wait for it like for our own.
                if (!"ACTIVE".equals(gsi.indexStatusAsString())) {
                    added.add(name);
                }
                return;
            }
            awaitActive(added);
            LOG.info("Adding global secondary index {} to DynamoDB table {}", name, tableName);
            addIndex(index);
            added.add(name);
        });
        if (!added.isEmpty()) {
            awaitActive(added);
        }
    }

    private void addIndex(EntitySchema.IndexSchema index) {
        String name = index.name();
        var table = sendAddIndex(index).tableDescription();
        if (table == null
                || !table.hasGlobalSecondaryIndexes()
                || table.globalSecondaryIndexes().stream()
                        .noneMatch(gsi -> gsi.indexName().equals(name))) {
            throw new BackendException("The DynamoDB server accepted adding index '" + name + "' to table '"
                    + tableName + "' but did not create it (dynalite ignores new indexes on existing tables):"
                    + " delete the table (backend.deleteTable()) and call backend.createTable() again");
        }
    }

    private software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse sendAddIndex(
            EntitySchema.IndexSchema index) {
        String name = index.name();
        boolean hasSortKey = index.hasSortKey();
        try {
            return client.updateTable(b -> b.tableName(tableName)
                    .attributeDefinitions(indexAttributes(name, hasSortKey))
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(name)
                            .keySchema(indexKeys(name, hasSortKey))
                            .projection(projection(index)))));
        } catch (AwsServiceException e) {
            String message = e.awsErrorDetails() == null
                    ? ""
                    : String.valueOf(e.awsErrorDetails().errorMessage());
            if (!(SdkErrorTranslator.isValidationError(e) && message.contains("provisionedThroughput"))) {
                throw errors.translate("UpdateTable", e);
            }
            // Servers that predate on-demand billing (dynalite) demand a throughput for a new index,
            // which DynamoDB itself rejects on an on-demand table: send one only to them.
            return call(
                    "UpdateTable",
                    () -> client.updateTable(b -> b.tableName(tableName)
                            .attributeDefinitions(indexAttributes(name, hasSortKey))
                            .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(name)
                                    .keySchema(indexKeys(name, hasSortKey))
                                    .projection(projection(index))
                                    .provisionedThroughput(
                                            t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))))));
        }
    }

    /**
     * Polls (bounded, backing off from 25 ms to 1 s) until the table and the given indexes are
     * ACTIVE. A table not found yet counts as not ACTIVE: right after CreateTable, DescribeTable may
     * not see it for a moment.
     */
    private void awaitActive(List<String> indexNames) {
        poll(
                "Table '" + tableName + "' or its indexes " + indexNames + " did not become ACTIVE",
                "check the table in the console and call backend.createTable() again",
                table -> table.isPresent() && isActive(table.get(), indexNames));
    }

    private void awaitGone() {
        poll(
                "Table '" + tableName + "' was not deleted",
                "check the table in the console and call backend.deleteTable() again",
                Optional::isEmpty);
    }

    private void poll(
            String failure,
            String fix,
            Predicate<Optional<software.amazon.awssdk.services.dynamodb.model.TableDescription>> done) {
        long deadline = System.nanoTime() + INDEX_WAIT.toNanos();
        long pause = FIRST_POLL.toMillis();
        while (true) {
            Optional<software.amazon.awssdk.services.dynamodb.model.TableDescription> table = find();
            if (done.test(table)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                String status = table.map(t -> t.tableStatusAsString()).orElse("not found");
                throw new BackendException(failure + " within " + INDEX_WAIT + " (status " + status + "); " + fix);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException("interrupted while waiting for table '" + tableName + "': " + failure, e);
            }
            pause = Math.min(pause * 2, MAX_POLL.toMillis());
        }
    }

    private static boolean isActive(
            software.amazon.awssdk.services.dynamodb.model.TableDescription table, List<String> indexNames) {
        if (table.tableStatus() != TableStatus.ACTIVE) {
            return false;
        }
        long activeIndexes = indexNames.isEmpty() || !table.hasGlobalSecondaryIndexes()
                ? 0
                : table.globalSecondaryIndexes().stream()
                        .filter(gsi -> indexNames.contains(gsi.indexName()))
                        .filter(gsi -> "ACTIVE".equals(gsi.indexStatusAsString()))
                        .count();
        return activeIndexes == indexNames.size();
    }

    private void enableTimeToLive(String attribute) {
        Optional<String> current;
        try {
            current = timeToLiveOrThrow();
        } catch (AwsServiceException e) {
            if (isUnsupported(e)) {
                logUnsupported(e);
                return;
            }
            throw errors.translate("DescribeTimeToLive", e);
        }
        if (current.isPresent()) {
            if (!current.get().equals(attribute)) {
                LOG.warn(
                        "Table {} expires items by attribute '{}', not by the models' @Ttl attribute '{}'"
                                + " (DynamoDB allows one per table)",
                        tableName,
                        current.get(),
                        attribute);
            }
            return;
        }
        try {
            client.updateTimeToLive(b -> b.tableName(tableName)
                    .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
        } catch (AwsServiceException e) {
            if (isUnsupported(e)) {
                logUnsupported(e);
                return;
            }
            throw errors.translate("UpdateTimeToLive", e);
        }
    }

    private void logUnsupported(AwsServiceException e) {
        LOG.info(
                "The DynamoDB server does not support time to live ({}); items of table {} will not expire",
                e.awsErrorDetails().errorCode(),
                tableName);
    }

    private @Nullable String timeToLive() {
        try {
            return timeToLiveOrThrow().orElse(null);
        } catch (AwsServiceException e) {
            if (isUnsupported(e)) {
                return null;
            }
            throw errors.translate("DescribeTimeToLive", e);
        }
    }

    private Optional<String> timeToLiveOrThrow() {
        var ttl = client.describeTimeToLive(b -> b.tableName(tableName)).timeToLiveDescription();
        if (ttl == null
                || ttl.timeToLiveStatus() == TimeToLiveStatus.DISABLED
                || ttl.timeToLiveStatus() == TimeToLiveStatus.DISABLING) {
            return Optional.empty();
        }
        return Optional.ofNullable(ttl.attributeName());
    }

    private static boolean isUnsupported(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code != null && code.contains("UnknownOperation");
    }

    private static Optional<String> ttlAttribute(List<EntitySchema> schemas) {
        List<String> found = schemas.stream()
                .map(EntitySchema::ttlAttribute)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (found.size() > 1) {
            LOG.warn(
                    "Models declare @Ttl on different attributes {}; DynamoDB expires by one per table, using '{}'",
                    found,
                    found.get(0));
        }
        return found.stream().findFirst();
    }

    private Optional<software.amazon.awssdk.services.dynamodb.model.TableDescription> find() {
        try {
            return Optional.of(client.describeTable(b -> b.tableName(tableName)).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw errors.translate("DescribeTable", e);
        }
    }

    private TableDescription toDescription(
            software.amazon.awssdk.services.dynamodb.model.TableDescription table, @Nullable String ttl) {
        List<TableDescription.Index> indexes = new ArrayList<>();
        if (table.hasGlobalSecondaryIndexes()) {
            for (GlobalSecondaryIndexDescription gsi : table.globalSecondaryIndexes()) {
                indexes.add(new TableDescription.Index(
                        gsi.indexName(),
                        keyAttributes(gsi.keySchema()),
                        gsi.projection() == null ? "ALL" : gsi.projection().projectionTypeAsString(),
                        String.valueOf(gsi.indexStatusAsString())));
            }
            indexes.sort(Comparator.comparing(TableDescription.Index::indexName));
        }
        List<TableDescription.KeyAttribute> keys = keyAttributes(table.keySchema());
        List<TableDescription.AttributeDefinition> definitions = new ArrayList<>();
        table.attributeDefinitions()
                .forEach(d -> definitions.add(
                        new TableDescription.AttributeDefinition(d.attributeName(), d.attributeTypeAsString())));
        // Table keys first, in key order, then the index attributes by name: a stable, readable order.
        definitions.sort(
                Comparator.comparingInt((TableDescription.AttributeDefinition d) -> keyRank(keys, d.attributeName()))
                        .thenComparing(TableDescription.AttributeDefinition::attributeName));
        String billing =
                table.billingModeSummary() == null || table.billingModeSummary().billingMode() == null
                        ? "PROVISIONED"
                        : table.billingModeSummary().billingModeAsString();
        return new TableDescription(
                table.tableName(), keys, definitions, indexes, billing, table.tableStatusAsString(), ttl);
    }

    private static int keyRank(List<TableDescription.KeyAttribute> keys, String attribute) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).attributeName().equals(attribute)) {
                return i;
            }
        }
        return keys.size();
    }

    private static List<TableDescription.KeyAttribute> keyAttributes(List<KeySchemaElement> elements) {
        List<TableDescription.KeyAttribute> keys = new ArrayList<>();
        for (KeySchemaElement e : elements) {
            keys.add(new TableDescription.KeyAttribute(e.attributeName(), e.keyTypeAsString()));
        }
        // HASH before RANGE, as DynamoDB requires in requests.
        keys.sort(Comparator.comparing(k -> !"HASH".equals(k.keyType())));
        return keys;
    }

    private List<AttributeDefinition> indexAttributes(String index, boolean hasSortKey) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        attributes.add(stringAttribute(layout.indexPartitionKey(index)));
        if (hasSortKey) {
            attributes.add(stringAttribute(layout.indexSortKey(index)));
        }
        return attributes;
    }

    private List<KeySchemaElement> indexKeys(String index, boolean hasSortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(key(layout.indexPartitionKey(index), KeyType.HASH));
        if (hasSortKey) {
            keys.add(key(layout.indexSortKey(index), KeyType.RANGE));
        }
        return keys;
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private <R> R call(String operation, java.util.function.Supplier<R> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw errors.translate(operation, e);
        }
    }
}
