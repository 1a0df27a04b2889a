package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable: billing mode and throughput, and global secondary indexes created (filled from the
 * existing items before the call returns) or deleted.
 */
final class UpdateTable implements Action {
    private static final Shape.Struct SHAPE = request(
            "TableName",
            requiredTableName(),
            "AttributeDefinitions",
            list(element(
                    "AttributeDefinition",
                    "AttributeName",
                    string(notNull()),
                    "AttributeType",
                    string(notNull(), oneOf("B", "N", "S")))),
            "ProvisionedThroughput",
            provisionedThroughput(),
            "BillingMode",
            string(oneOf("PROVISIONED", "PAY_PER_REQUEST")),
            "GlobalSecondaryIndexUpdates",
            list(element(
                    "GlobalSecondaryIndexUpdate",
                    "Update",
                    field(
                            "UpdateGlobalSecondaryIndexAction",
                            List.of(),
                            "IndexName",
                            indexName(notNull()),
                            "ProvisionedThroughput",
                            provisionedThroughput(notNull())),
                    "Create",
                    field(
                            "CreateGlobalSecondaryIndexAction",
                            List.of(),
                            "Projection",
                            projection(),
                            "IndexName",
                            indexName(notNull()),
                            "ProvisionedThroughput",
                            provisionedThroughput(),
                            "KeySchema",
                            keySchema(false)),
                    "Delete",
                    field("DeleteGlobalSecondaryIndexAction", List.of(), "IndexName", indexName(notNull())))));

    @Override
    public String name() {
        return "UpdateTable";
    }

    @Override
    public Shape.Struct shape() {
        return SHAPE;
    }

    @Override
    public boolean dataPlane() {
        return false;
    }

    @Override
    public void execute(ObjectNode request, Engine engine, JsonGenerator out) throws IOException {
        JsonNode updates = request.get("GlobalSecondaryIndexUpdates");
        JsonNode throughput = request.get("ProvisionedThroughput");
        String billing = Requests.optionalText(request, "BillingMode");
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
        Table table = DescribeTable.existing(engine, request.get("TableName").asText());
        TableDefinition def = table.definition();
        boolean onDemand = billing == null ? def.payPerRequest() : billing.equals("PAY_PER_REQUEST");
        if (throughput != null && onDemand) {
            throw EngineException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor"
                    + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        TableDefinition next = def.withThroughput(
                onDemand,
                throughput == null
                        ? (onDemand ? 0 : def.readCapacity())
                        : throughput.get("ReadCapacityUnits").asLong(),
                throughput == null
                        ? (onDemand ? 0 : def.writeCapacity())
                        : throughput.get("WriteCapacityUnits").asLong());
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
        engine.database().redefine(table, next);
        // DynamoDB answers UPDATING (and CREATING/DELETING indexes); here the change is complete.
        out.writeStartObject();
        TableDescriptions.write(
                out,
                "TableDescription",
                table,
                next.withGlobalIndexes(shown, next.attributeTypes()),
                "UPDATING",
                indexStatus);
        out.writeEndObject();
    }

    private static void checkDistinctIndexes(JsonNode updates) {
        if (updates == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (JsonNode update : updates) {
            JsonNode action = update.has("Update")
                    ? update.get("Update")
                    : update.has("Create") ? update.get("Create") : update.get("Delete");
            if (action == null) {
                throw EngineException.validation("One or more parameter values were invalid: One of"
                        + " GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create,"
                        + " GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            String name = action.get("IndexName").asText();
            if (!names.add(name)) {
                throw EngineException.validation("One or more parameter values were invalid: Only one global secondary"
                        + " index update per index is allowed simultaneously. Index: " + name);
            }
        }
    }

    private static TableDefinition applyIndexUpdates(
            ObjectNode request, TableDefinition def, JsonNode updates, boolean onDemand) {
        Map<String, String> types = new LinkedHashMap<>(def.attributeTypes());
        JsonNode definitions = request.get("AttributeDefinitions");
        List<String> defined = new ArrayList<>(types.keySet());
        if (definitions != null) {
            for (JsonNode attribute : definitions) {
                String name = attribute.get("AttributeName").asText();
                String type = attribute.get("AttributeType").asText();
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
        for (JsonNode update : updates) {
            position++;
            if (update.has("Create")) {
                JsonNode create = update.get("Create");
                if (!onDemand && !create.has("ProvisionedThroughput")) {
                    throw EngineException.validation("1 validation error detected: Value null at"
                            + " 'globalSecondaryIndexUpdates." + position + ".member.create.provisionedThroughput'"
                            + " failed to satisfy constraint: Member must not be null");
                }
                String name = create.get("IndexName").asText();
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
            } else if (update.has("Delete")) {
                String name = update.get("Delete").get("IndexName").asText();
                if (!globals.removeIf(i -> i.name().equals(name))) {
                    throw new DynamoError(
                                    ErrorType.RESOURCE_NOT_FOUND,
                                    "Requested resource not found: Index: " + name + " not found for table: "
                                            + def.name())
                            .toException();
                }
            } else {
                String name = update.get("Update").get("IndexName").asText();
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
