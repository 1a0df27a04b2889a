package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.action.TableSpecs.AttributeDefinition;
import io.restmachine.dynamodb.embedded.action.TableSpecs.Throughput;
import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.table.TableState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * UpdateTable: billing mode and throughput, and global secondary indexes created (filled from the
 * existing items before the call returns) or deleted.
 */
public final class UpdateTable implements Action<UpdateTable.Request, TableDescription> {

    /**
     * One {@code GlobalSecondaryIndexUpdate}: the index named by its {@code Update}, its
     * {@code Create}, or named by its {@code Delete} (each null when absent).
     */
    public record IndexUpdate(@Nullable String update, TableSpecs.@Nullable Index create, @Nullable String delete) {}

    /** An UpdateTable request; every rule on it is checked here. */
    public record Request(
            String tableName,
            @Nullable List<AttributeDefinition> attributeDefinitions,
            @Nullable Throughput throughput,
            @Nullable String billingMode,
            @Nullable List<IndexUpdate> indexUpdates) {}

    @Override
    public TableDescription execute(Request request, Engine engine) {
        List<IndexUpdate> updates = request.indexUpdates();
        Throughput throughput = request.throughput();
        String billing = request.billingMode();
        if (throughput == null && billing == null && (updates == null || updates.isEmpty())) {
            throw EngineException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
                    + " GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        if ("PROVISIONED".equals(billing) && throughput == null) {
            throw EngineException.validation("One or more parameter values were invalid: ProvisionedThroughput must be"
                    + " specified when BillingMode is PROVISIONED");
        }
        if (throughput != null) {
            CreateTable.checkBounds(throughput);
        }
        checkDistinctIndexes(updates);
        Table table = TableActions.existing(engine, request.tableName());
        if (changesIndexes(updates)
                && table.state(engine.database().nowMillis())
                        .filter(state -> !state.indexStatus().isEmpty())
                        .isPresent()) {
            throw onlyOneOnlineIndex();
        }
        engine.database().requireActive(table);
        TableDefinition def = table.definition();
        boolean onDemand = billing == null ? def.payPerRequest() : billing.equals("PAY_PER_REQUEST");
        if (throughput != null && onDemand) {
            throw EngineException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor"
                    + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        if (throughput != null
                && !def.payPerRequest()
                && throughput.readCapacityUnits() == def.readCapacity()
                && throughput.writeCapacityUnits() == def.writeCapacity()) {
            throw EngineException.validation("The provisioned throughput for the table will not change. The requested"
                    + " value equals the current value. Current ReadCapacityUnits provisioned for the table: "
                    + def.readCapacity() + ". Requested ReadCapacityUnits: " + throughput.readCapacityUnits() + ". "
                    + "Current WriteCapacityUnits provisioned for the table: " + def.writeCapacity()
                    + ". Requested WriteCapacityUnits: " + throughput.writeCapacityUnits() + ". Refer to the Amazon"
                    + " DynamoDB Developer Guide for current limits and how to request higher limits.");
        }
        TableDefinition next = def.withThroughput(
                onDemand,
                throughput == null ? (onDemand ? 0 : def.readCapacity()) : throughput.readCapacityUnits(),
                throughput == null ? (onDemand ? 0 : def.writeCapacity()) : throughput.writeCapacityUnits());
        if (updates != null) {
            next = applyIndexUpdates(request, next, updates, onDemand);
        }
        Map<String, String> indexStatus = new LinkedHashMap<>();
        List<IndexDefinition> shown = new ArrayList<>(next.globalIndexes());
        for (IndexDefinition index : next.globalIndexes()) {
            if (def.index(index.name()).isEmpty()) {
                indexStatus.put(index.name(), "CREATING");
            }
        }
        for (IndexDefinition index : def.globalIndexes()) {
            if (next.index(index.name()).isEmpty()) {
                indexStatus.put(index.name(), "DELETING");
                shown.add(index);
            }
        }
        // The change is applied at once; the table is shown UPDATING (indexes CREATING/DELETING, the
        // old throughput) for TableDelays.updating, as DynamoDB shows it until the change completes.
        TableDefinition described = next.withGlobalIndexes(shown, next.attributeTypes())
                .withThroughput(next.payPerRequest(), def.readCapacity(), def.writeCapacity());
        if (next.payPerRequest()) {
            described = next.withGlobalIndexes(shown, next.attributeTypes());
        }
        engine.database().update(table, next, described, indexStatus);
        // UpdateTable's own answer comes in the resource allocation phase: Backfilling false.
        return TableDescription.of(
                table, described, "UPDATING", indexStatus, TableState.backfilling(indexStatus, false));
    }

    /** Whether the request creates or deletes a global index (an "online index" operation). */
    private static boolean changesIndexes(@Nullable List<IndexUpdate> updates) {
        return updates != null && updates.stream().anyMatch(u -> u.create() != null || u.delete() != null);
    }

    private static EngineException onlyOneOnlineIndex() {
        return new DynamoError(
                        ErrorType.LIMIT_EXCEEDED,
                        "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously"
                                + " per table")
                .toException();
    }

    private static void checkDistinctIndexes(@Nullable List<IndexUpdate> updates) {
        if (updates == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (IndexUpdate update : updates) {
            String name = update.update() != null
                    ? update.update()
                    : update.create() != null ? update.create().indexName() : update.delete();
            if (name == null) {
                throw EngineException.validation("One or more parameter values were invalid: One of"
                        + " GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create,"
                        + " GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            if (!names.add(name)) {
                throw EngineException.validation("One or more parameter values were invalid: Only one global secondary"
                        + " index update per index is allowed simultaneously. Index: " + name);
            }
        }
        if (updates.stream()
                        .filter(u -> u.create() != null || u.delete() != null)
                        .count()
                > 1) {
            throw onlyOneOnlineIndex();
        }
    }

    private static TableDefinition applyIndexUpdates(
            Request request, TableDefinition def, List<IndexUpdate> updates, boolean onDemand) {
        Map<String, String> types = new LinkedHashMap<>(def.attributeTypes());
        List<AttributeDefinition> definitions = request.attributeDefinitions();
        List<String> defined = new ArrayList<>(types.keySet());
        if (definitions != null) {
            for (AttributeDefinition attribute : definitions) {
                String name = attribute.attributeName();
                String type = attribute.attributeType();
                String existing = types.get(name);
                if (existing != null && !existing.equals(type)) {
                    throw EngineException.validation("One or more parameter values were invalid: Cannot change the"
                            + " type of attribute " + name);
                }
                types.put(name, type);
                if (!defined.contains(name)) {
                    defined.add(name);
                }
            }
        }
        List<IndexDefinition> globals = new ArrayList<>(def.globalIndexes());
        Set<String> names = new HashSet<>();
        def.indexes().forEach(i -> names.add(i.name()));
        int position = 0;
        for (IndexUpdate update : updates) {
            position++;
            if (update.create() != null) {
                TableSpecs.Index create = update.create();
                if (!onDemand && create.throughput() == null) {
                    throw EngineException.validation("1 validation error detected: Value null at"
                            + " 'globalSecondaryIndexUpdates." + position + ".member.create.provisionedThroughput'"
                            + " failed to satisfy constraint: Member must not be null");
                }
                String name = create.indexName();
                if (names.contains(name)) {
                    throw new DynamoError(
                                    ErrorType.VALIDATION,
                                    "One or more parameter values were invalid: Index with name " + name
                                            + " already exists")
                            .toException();
                }
                IndexDefinition index =
                        CreateTable.index(create, true, defined, types, new HashSet<>(), def.key(), onDemand);
                globals.add(index);
                names.add(name);
            } else if (update.delete() != null) {
                String name = update.delete();
                if (!globals.removeIf(i -> i.name().equals(name))) {
                    throw new DynamoError(
                                    ErrorType.RESOURCE_NOT_FOUND,
                                    "Requested resource not found: Index: " + name + " not found for table: "
                                            + def.name())
                            .toException();
                }
            } else {
                String name = update.update();
                if (globals.stream().noneMatch(i -> i.name().equals(name))) {
                    throw new DynamoError(
                                    ErrorType.RESOURCE_NOT_FOUND,
                                    "Requested resource not found: Index: " + name + " not found for table: "
                                            + def.name())
                            .toException();
                }
            }
        }
        if (globals.size() > 20) {
            throw new DynamoError(
                            ErrorType.LIMIT_EXCEEDED,
                            "One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table"
                                    + " limit of 20")
                    .toException();
        }
        return def.withGlobalIndexes(globals, types);
    }
}
