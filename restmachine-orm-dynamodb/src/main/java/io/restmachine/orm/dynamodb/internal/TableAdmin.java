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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates, describes and deletes the backend's table: the layout's string partition and sort key,
 * one global secondary index (projection ALL) per index the registered models declare, on-demand
 * billing, and time to live on the models' {@code @Ttl} attribute where the server supports it.
 */
public final class TableAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TableAdmin.class);
    private static final Duration INDEX_WAIT = Duration.ofMinutes(30);
    private static final Duration POLL = Duration.ofMillis(250);

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
     * GSIs it lacks (one UpdateTable each, waiting for each to become ACTIVE). Enables TTL on the
     * models' {@code @Ttl} attribute if the server supports it.
     */
    public void create(List<EntitySchema> schemas) {
        Map<String, Boolean> indexes = indexes(schemas);
        Optional<software.amazon.awssdk.services.dynamodb.model.TableDescription> existing = find();
        if (existing.isEmpty()) {
            createTable(indexes);
        } else {
            addMissingIndexes(existing.get(), indexes);
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
        try (DynamoDbWaiter waiter = waiter()) {
            call("DescribeTable", () -> waiter.waitUntilTableNotExists(b -> b.tableName(tableName)));
        }
    }

    /** Index name to whether it has a sort key, merged over all models. */
    private static Map<String, Boolean> indexes(List<EntitySchema> schemas) {
        Map<String, Boolean> indexes = new LinkedHashMap<>();
        Map<String, Class<?>> declaredBy = new LinkedHashMap<>();
        for (EntitySchema schema : schemas) {
            for (EntitySchema.IndexSchema index : schema.indexes()) {
                Boolean known = indexes.putIfAbsent(index.name(), index.hasSortKey());
                declaredBy.putIfAbsent(index.name(), schema.modelClass());
                if (known != null && known != index.hasSortKey()) {
                    Class<?> with = known ? declaredBy.get(index.name()) : schema.modelClass();
                    Class<?> without = known ? schema.modelClass() : declaredBy.get(index.name());
                    throw new SchemaException("Index '" + index.name() + "' has a sort key in "
                            + with.getName() + " but not in " + without.getName()
                            + ": items without the index sort key are left out of the index, so "
                            + "declare @IndexSortKey(index = \"" + index.name() + "\") on both models or "
                            + "use different index names");
                }
            }
        }
        return indexes;
    }

    private void createTable(Map<String, Boolean> indexes) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        attributes.add(stringAttribute(layout.partitionKey()));
        attributes.add(stringAttribute(layout.sortKey()));
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        indexes.forEach((name, hasSortKey) -> {
            attributes.addAll(indexAttributes(name, hasSortKey));
            gsis.add(GlobalSecondaryIndex.builder()
                    .indexName(name)
                    .keySchema(indexKeys(name, hasSortKey))
                    .projection(Projection.builder()
                            .projectionType(ProjectionType.ALL)
                            .build())
                    .build());
        });
        LOG.info("Creating DynamoDB table {} with {} global secondary indexes", tableName, gsis.size());
        try {
            client.createTable(b -> b.tableName(tableName)
                    .keySchema(key(layout.partitionKey(), KeyType.HASH), key(layout.sortKey(), KeyType.RANGE))
                    .attributeDefinitions(attributes)
                    .globalSecondaryIndexes(gsis.isEmpty() ? null : gsis)
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException e) {
            LOG.debug("Table {} is being created by someone else; waiting for it", tableName);
        } catch (SdkException e) {
            throw errors.translate("CreateTable", e);
        }
        try (DynamoDbWaiter waiter = waiter()) {
            call("DescribeTable", () -> waiter.waitUntilTableExists(b -> b.tableName(tableName)));
        }
        awaitActive(List.copyOf(indexes.keySet()));
    }

    private void addMissingIndexes(
            software.amazon.awssdk.services.dynamodb.model.TableDescription table, Map<String, Boolean> indexes) {
        Map<String, GlobalSecondaryIndexDescription> present = new LinkedHashMap<>();
        if (table.hasGlobalSecondaryIndexes()) {
            table.globalSecondaryIndexes().forEach(gsi -> present.put(gsi.indexName(), gsi));
        }
        List<String> added = new ArrayList<>();
        indexes.forEach((name, hasSortKey) -> {
            GlobalSecondaryIndexDescription gsi = present.get(name);
            if (gsi != null) {
                if (!gsi.keySchema().equals(indexKeys(name, hasSortKey))) {
                    throw new SchemaException("Table '" + tableName + "' already has an index '" + name
                            + "' with key " + gsi.keySchema() + ", but the models need " + indexKeys(name, hasSortKey)
                            + ": delete the index (or the table) and call backend.createTable() again");
                }
                return;
            }
            awaitActive(added);
            LOG.info("Adding global secondary index {} to DynamoDB table {}", name, tableName);
            addIndex(name, hasSortKey);
            added.add(name);
        });
        if (!added.isEmpty()) {
            awaitActive(added);
        }
    }

    private void addIndex(String name, boolean hasSortKey) {
        var table = sendAddIndex(name, hasSortKey).tableDescription();
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
            String name, boolean hasSortKey) {
        try {
            return client.updateTable(b -> b.tableName(tableName)
                    .attributeDefinitions(indexAttributes(name, hasSortKey))
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(name)
                            .keySchema(indexKeys(name, hasSortKey))
                            .projection(p -> p.projectionType(ProjectionType.ALL)))));
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
                                    .projection(p -> p.projectionType(ProjectionType.ALL))
                                    .provisionedThroughput(
                                            t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))))));
        }
    }

    /** Polls (bounded) until the table and the given indexes are ACTIVE. */
    private void awaitActive(List<String> indexNames) {
        long deadline = System.nanoTime() + INDEX_WAIT.toNanos();
        while (true) {
            var table = call("DescribeTable", () -> client.describeTable(b -> b.tableName(tableName))
                    .table());
            boolean tableActive = table.tableStatus() == TableStatus.ACTIVE;
            long activeIndexes = table.globalSecondaryIndexes().stream()
                    .filter(gsi -> indexNames.contains(gsi.indexName()))
                    .filter(gsi -> "ACTIVE".equals(gsi.indexStatusAsString()))
                    .count();
            boolean indexesActive = activeIndexes == indexNames.size();
            if (tableActive && indexesActive) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new BackendException("Table '" + tableName + "' or its indexes " + indexNames
                        + " did not become ACTIVE within " + INDEX_WAIT + " (status " + table.tableStatusAsString()
                        + "); check the table in the console and call backend.createTable() again");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException(
                        "interrupted while waiting for table '" + tableName + "' to become ACTIVE", e);
            }
        }
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

    /** The SDK's table waiter, polling from 100 ms up (its default is a fixed 20 s). */
    private DynamoDbWaiter waiter() {
        return DynamoDbWaiter.builder()
                .client(client)
                .overrideConfiguration(o -> o.backoffStrategyV2(BackoffStrategy.exponentialDelayHalfJitter(
                                Duration.ofMillis(100), Duration.ofSeconds(5)))
                        .maxAttempts(1_000)
                        .waitTimeout(INDEX_WAIT))
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
