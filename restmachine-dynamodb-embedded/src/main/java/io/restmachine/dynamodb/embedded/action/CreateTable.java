package io.restmachine.dynamodb.embedded.action;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.protocol.Shape;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** CreateTable: validates the key schema and indexes as DynamoDB does; the table is ACTIVE at once. */
final class CreateTable implements Action {
    private static final long MAX_THROUGHPUT = 1_000_000_000_000L;

    private static final Shape.Struct SHAPE = request(
            "AttributeDefinitions",
            list(
                    element(
                            "AttributeDefinition",
                            "AttributeName",
                            string(notNull()),
                            "AttributeType",
                            string(notNull(), oneOf("B", "N", "S"))),
                    notNull()),
            "TableName",
            requiredTableName(),
            "BillingMode",
            string(oneOf("PROVISIONED", "PAY_PER_REQUEST")),
            "ProvisionedThroughput",
            provisionedThroughput(),
            "KeySchema",
            keySchema(true),
            "LocalSecondaryIndexes",
            list(element(
                    "LocalSecondaryIndex",
                    "IndexName",
                    indexName(notNull()),
                    "KeySchema",
                    keySchema(false),
                    "Projection",
                    projection())),
            "GlobalSecondaryIndexes",
            list(element(
                    "GlobalSecondaryIndex",
                    "IndexName",
                    indexName(notNull()),
                    "KeySchema",
                    keySchema(false),
                    "Projection",
                    projection(),
                    "ProvisionedThroughput",
                    provisionedThroughput())));

    @Override
    public String name() {
        return "CreateTable";
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
        TableDefinition definition = definition(request, engine);
        Table table = engine.database().create(definition);
        out.writeStartObject();
        // DynamoDB answers CREATING; the table is usable (and described as ACTIVE) at once.
        Map<String, String> creating = new LinkedHashMap<>();
        definition.globalIndexes().forEach(index -> creating.put(index.name(), "CREATING"));
        TableDescriptions.write(out, "TableDescription", table, "CREATING", creating);
        out.writeEndObject();
    }

    private static TableDefinition definition(ObjectNode data, Engine engine) {
        boolean onDemand = "PAY_PER_REQUEST".equals(Requests.optionalText(data, "BillingMode"));
        JsonNode throughput = data.get("ProvisionedThroughput");
        checkThroughput(onDemand, throughput);
        Map<String, String> types = new LinkedHashMap<>();
        List<String> definitions = new ArrayList<>();
        for (JsonNode attribute : data.get("AttributeDefinitions")) {
            definitions.add(attribute.get("AttributeName").asText());
            types.put(
                    attribute.get("AttributeName").asText(),
                    attribute.get("AttributeType").asText());
        }
        JsonNode keySchema = data.get("KeySchema");
        List<String> keys = names(keySchema);
        if (keys.size() > definitions.size()) {
            throw EngineException.validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        checkDefined(keys, definitions);
        checkKeyOrder(keySchema);
        JsonNode locals = data.get("LocalSecondaryIndexes");
        JsonNode globals = data.get("GlobalSecondaryIndexes");
        if (locals == null && globals == null && keys.size() != definitions.size()) {
            throw EngineException.validation("One or more parameter values were invalid: Number of attributes in"
                    + " KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        KeySchema key = toKeySchema(keySchema, types);
        Set<String> indexNames = new HashSet<>();
        List<IndexDefinition> localIndexes = new ArrayList<>();
        if (locals != null) {
            if (locals.isEmpty()) {
                throw EngineException.validation(
                        "One or more parameter values were invalid: List of LocalSecondaryIndexes is empty");
            }
            if (keys.size() != 2) {
                throw EngineException.validation("One or more parameter values were invalid: Table KeySchema does not"
                        + " have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            for (JsonNode index : locals) {
                localIndexes.add(index(index, false, definitions, types, indexNames, key, onDemand));
            }
            if (locals.size() > 5) {
                throw EngineException.validation("One or more parameter values were invalid: Number of"
                        + " LocalSecondaryIndexes exceeds per-table limit of 5");
            }
        }
        List<IndexDefinition> globalIndexes = new ArrayList<>();
        if (globals != null) {
            if (globals.isEmpty()) {
                throw EngineException.validation(
                        "One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty");
            }
            for (JsonNode index : globals) {
                globalIndexes.add(index(index, true, definitions, types, indexNames, key, onDemand));
            }
            if (globals.size() > 20) {
                throw EngineException.validation("One or more parameter values were invalid: GlobalSecondaryIndex"
                        + " count exceeds the per-table limit of 20");
            }
        }
        Set<String> used = new java.util.LinkedHashSet<>(keys);
        localIndexes.forEach(i -> used.addAll(i.key().names()));
        globalIndexes.forEach(i -> used.addAll(i.key().names()));
        if (!used.containsAll(types.keySet())) {
            throw EngineException.validation("One or more parameter values were invalid: Some AttributeDefinitions are"
                    + " not used. AttributeDefinitions: [" + String.join(", ", definitions) + "], keys used: ["
                    + String.join(", ", used) + "]");
        }
        long read = onDemand ? 0 : throughput.get("ReadCapacityUnits").asLong();
        long write = onDemand ? 0 : throughput.get("WriteCapacityUnits").asLong();
        return new TableDefinition(
                data.get("TableName").asText(),
                types,
                key,
                localIndexes,
                globalIndexes,
                onDemand,
                read,
                write,
                engine.database().clock().millis() / 1000.0,
                UUID.randomUUID().toString(),
                null);
    }

    static void checkThroughput(boolean onDemand, JsonNode throughput) {
        if (onDemand) {
            if (throughput != null) {
                throw EngineException.validation("One or more parameter values were invalid: Neither"
                        + " ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                        + " PAY_PER_REQUEST");
            }
            return;
        }
        if (throughput == null
                || throughput.path("ReadCapacityUnits").asLong() == 0
                || throughput.path("WriteCapacityUnits").asLong() == 0) {
            throw EngineException.validation("One or more parameter values were invalid: ReadCapacityUnits and"
                    + " WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        checkBounds(throughput);
    }

    static void checkBounds(JsonNode throughput) {
        for (String member : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
            long units = throughput.path(member).asLong();
            if (units > MAX_THROUGHPUT) {
                throw EngineException.validation("Given value " + units + " for " + member + " is out of bounds");
            }
        }
    }

    static List<String> names(JsonNode keySchema) {
        List<String> names = new ArrayList<>();
        keySchema.forEach(element -> names.add(element.get("AttributeName").asText()));
        return names;
    }

    static void checkDefined(List<String> keys, List<String> definitions) {
        if (!definitions.containsAll(keys)) {
            throw EngineException.validation("One or more parameter values were invalid: Some index key attributes"
                    + " are not defined in AttributeDefinitions. Keys: [" + String.join(", ", keys)
                    + "], AttributeDefinitions: [" + String.join(", ", definitions) + "]");
        }
    }

    static void checkKeyOrder(JsonNode keySchema) {
        if (keySchema.size() == 2
                && keySchema
                        .get(0)
                        .get("AttributeName")
                        .asText()
                        .equals(keySchema.get(1).get("AttributeName").asText())) {
            throw EngineException.validation(
                    "Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!keySchema.get(0).get("KeyType").asText().equals("HASH")) {
            throw EngineException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (keySchema.size() == 2 && !keySchema.get(1).get("KeyType").asText().equals("RANGE")) {
            throw EngineException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
    }

    static KeySchema toKeySchema(JsonNode keySchema, Map<String, String> types) {
        String hash = keySchema.get(0).get("AttributeName").asText();
        String range =
                keySchema.size() == 2 ? keySchema.get(1).get("AttributeName").asText() : null;
        return new KeySchema(hash, types.get(hash), range, range == null ? null : types.get(range));
    }

    static IndexDefinition index(
            JsonNode index,
            boolean global,
            List<String> definitions,
            Map<String, String> types,
            Set<String> indexNames,
            KeySchema tableKey,
            boolean onDemand) {
        String name = index.get("IndexName").asText();
        JsonNode keySchema = index.get("KeySchema");
        checkDefined(names(keySchema), definitions);
        checkKeyOrder(keySchema);
        if (!global) {
            if (keySchema.size() != 2) {
                throw EngineException.validation("One or more parameter values were invalid: Index KeySchema does not"
                        + " have a range key for index: " + name);
            }
            String hash = keySchema.get(0).get("AttributeName").asText();
            if (!hash.equals(tableKey.hashName())) {
                throw EngineException.validation("One or more parameter values were invalid: Index KeySchema does not"
                        + " have the same leading hash key as table KeySchema for index: " + name
                        + ". index hash key: " + hash + ", table hash key: " + tableKey.hashName());
            }
        }
        JsonNode projection = index.get("Projection");
        String projectionType = Requests.optionalText(projection, "ProjectionType");
        if (projectionType == null) {
            throw EngineException.validation("One or more parameter values were invalid: Unknown ProjectionType: null");
        }
        JsonNode nonKey = projection.get("NonKeyAttributes");
        if (nonKey != null && !projectionType.equals("INCLUDE")) {
            throw EngineException.validation("One or more parameter values were invalid: ProjectionType is "
                    + projectionType + ", but NonKeyAttributes is specified");
        }
        JsonNode throughput = index.get("ProvisionedThroughput");
        if (global && onDemand && throughput != null) {
            throw EngineException.validation("One or more parameter values were invalid: ProvisionedThroughput should"
                    + " not be specified for index: " + name + " when BillingMode is PAY_PER_REQUEST");
        }
        if (global && !onDemand && throughput == null) {
            throw EngineException.validation("One or more parameter values were invalid: ProvisionedThroughput must be"
                    + " specified for index: " + name);
        }
        if (!indexNames.add(name)) {
            throw EngineException.validation(
                    "One or more parameter values were invalid: Duplicate index name: " + name);
        }
        List<String> nonKeyAttributes = new ArrayList<>();
        if (nonKey != null) {
            nonKey.forEach(n -> nonKeyAttributes.add(n.asText()));
        }
        return new IndexDefinition(
                name,
                global,
                toKeySchema(keySchema, types),
                projectionType,
                nonKeyAttributes,
                throughput == null ? 0 : throughput.path("ReadCapacityUnits").asLong(),
                throughput == null ? 0 : throughput.path("WriteCapacityUnits").asLong());
    }
}
