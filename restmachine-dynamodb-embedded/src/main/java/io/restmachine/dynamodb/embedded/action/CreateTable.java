package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.action.TableSpecs.AttributeDefinition;
import io.restmachine.dynamodb.embedded.action.TableSpecs.KeyElement;
import io.restmachine.dynamodb.embedded.action.TableSpecs.Throughput;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** CreateTable: validates the key schema and indexes as DynamoDB does; the table is ACTIVE at once. */
public final class CreateTable implements Action<CreateTable.Request, TableDescription> {
    private static final long MAX_THROUGHPUT = 1_000_000_000_000L;

    /** A CreateTable request; every rule on it is checked here, before the table is created. */
    public record Request(
            String tableName,
            List<AttributeDefinition> attributeDefinitions,
            @Nullable String billingMode,
            @Nullable Throughput throughput,
            List<KeyElement> keySchema,
            @Nullable List<TableSpecs.Index> localSecondaryIndexes,
            @Nullable List<TableSpecs.Index> globalSecondaryIndexes,
            Map<String, String> tags) {
        public Request {
            tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }
    }

    @Override
    public TableDescription execute(Request request, Engine engine) {
        TableDefinition definition = definition(request, engine);
        if (request.tags().size() > Tagging.MAX_TAGS) {
            throw Tagging.tooMany(0, request.tags().size());
        }
        Table table = engine.database().create(definition);
        if (!request.tags().isEmpty()) {
            engine.database().retag(table, none -> request.tags());
        }
        // DynamoDB answers CREATING, whether or not the table stays so (TableDelays.creating).
        Map<String, String> creating = new LinkedHashMap<>();
        definition.globalIndexes().forEach(index -> creating.put(index.name(), "CREATING"));
        return TableDescription.of(table, table.definition(), "CREATING", creating);
    }

    private static TableDefinition definition(Request data, Engine engine) {
        boolean onDemand = "PAY_PER_REQUEST".equals(data.billingMode());
        Throughput throughput = data.throughput();
        checkThroughput(onDemand, throughput);
        Map<String, String> types = new LinkedHashMap<>();
        List<String> definitions = new ArrayList<>();
        for (AttributeDefinition attribute : data.attributeDefinitions()) {
            definitions.add(attribute.attributeName());
            types.put(attribute.attributeName(), attribute.attributeType());
        }
        List<KeyElement> keySchema = data.keySchema();
        List<String> keys = names(keySchema);
        if (keys.size() > definitions.size()) {
            throw EngineException.validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        checkDefined(keys, definitions);
        checkKeyOrder(keySchema);
        List<TableSpecs.Index> locals = data.localSecondaryIndexes();
        List<TableSpecs.Index> globals = data.globalSecondaryIndexes();
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
            for (TableSpecs.Index index : locals) {
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
            for (TableSpecs.Index index : globals) {
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
        long read = onDemand ? 0 : throughput.readCapacityUnits();
        long write = onDemand ? 0 : throughput.writeCapacityUnits();
        return new TableDefinition(
                data.tableName(),
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

    static void checkThroughput(boolean onDemand, @Nullable Throughput throughput) {
        if (onDemand) {
            if (throughput != null) {
                throw EngineException.validation("One or more parameter values were invalid: Neither"
                        + " ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                        + " PAY_PER_REQUEST");
            }
            return;
        }
        if (throughput == null || throughput.readCapacityUnits() == 0 || throughput.writeCapacityUnits() == 0) {
            throw EngineException.validation("One or more parameter values were invalid: ReadCapacityUnits and"
                    + " WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        checkBounds(throughput);
    }

    static void checkBounds(Throughput throughput) {
        checkBound(throughput.readCapacityUnits(), "ReadCapacityUnits");
        checkBound(throughput.writeCapacityUnits(), "WriteCapacityUnits");
    }

    private static void checkBound(long units, String member) {
        if (units > MAX_THROUGHPUT) {
            throw EngineException.validation("Given value " + units + " for " + member + " is out of bounds");
        }
    }

    static List<String> names(List<KeyElement> keySchema) {
        List<String> names = new ArrayList<>();
        keySchema.forEach(element -> names.add(element.attributeName()));
        return names;
    }

    static void checkDefined(List<String> keys, List<String> definitions) {
        if (!definitions.containsAll(keys)) {
            throw EngineException.validation("One or more parameter values were invalid: Some index key attributes"
                    + " are not defined in AttributeDefinitions. Keys: [" + String.join(", ", keys)
                    + "], AttributeDefinitions: [" + String.join(", ", definitions) + "]");
        }
    }

    static void checkKeyOrder(List<KeyElement> keySchema) {
        if (keySchema.size() == 2
                && keySchema.get(0).attributeName().equals(keySchema.get(1).attributeName())) {
            throw EngineException.validation(
                    "Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!keySchema.get(0).keyType().equals("HASH")) {
            throw EngineException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (keySchema.size() == 2 && !keySchema.get(1).keyType().equals("RANGE")) {
            throw EngineException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
    }

    static KeySchema toKeySchema(List<KeyElement> keySchema, Map<String, String> types) {
        String hash = keySchema.get(0).attributeName();
        String range = keySchema.size() == 2 ? keySchema.get(1).attributeName() : null;
        return new KeySchema(hash, types.get(hash), range, range == null ? null : types.get(range));
    }

    static IndexDefinition index(
            TableSpecs.Index index,
            boolean global,
            List<String> definitions,
            Map<String, String> types,
            Set<String> indexNames,
            KeySchema tableKey,
            boolean onDemand) {
        String name = index.indexName();
        List<KeyElement> keySchema = index.keySchema();
        checkDefined(names(keySchema), definitions);
        checkKeyOrder(keySchema);
        if (!global) {
            if (keySchema.size() != 2) {
                throw EngineException.validation("One or more parameter values were invalid: Index KeySchema does not"
                        + " have a range key for index: " + name);
            }
            String hash = keySchema.get(0).attributeName();
            if (!hash.equals(tableKey.hashName())) {
                throw EngineException.validation("One or more parameter values were invalid: Index KeySchema does not"
                        + " have the same leading hash key as table KeySchema for index: " + name
                        + ". index hash key: " + hash + ", table hash key: " + tableKey.hashName());
            }
        }
        String projectionType = index.projectionType();
        if (projectionType == null) {
            throw EngineException.validation("One or more parameter values were invalid: Unknown ProjectionType: null");
        }
        List<String> nonKey = index.nonKeyAttributes();
        if (nonKey != null && !projectionType.equals("INCLUDE")) {
            throw EngineException.validation("One or more parameter values were invalid: ProjectionType is "
                    + projectionType + ", but NonKeyAttributes is specified");
        }
        Throughput throughput = index.throughput();
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
        List<String> nonKeyAttributes = nonKey == null ? new ArrayList<>() : new ArrayList<>(nonKey);
        return new IndexDefinition(
                name,
                global,
                toKeySchema(keySchema, types),
                projectionType,
                nonKeyAttributes,
                throughput == null ? 0 : throughput.readCapacityUnits(),
                throughput == null ? 0 : throughput.writeCapacityUnits());
    }
}
