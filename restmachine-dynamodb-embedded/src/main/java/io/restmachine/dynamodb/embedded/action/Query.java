package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ConditionExpression;
import io.restmachine.dynamodb.embedded.expression.ExpressionContext;
import io.restmachine.dynamodb.embedded.expression.Expressions;
import io.restmachine.dynamodb.embedded.expression.KeyCondition;
import io.restmachine.dynamodb.embedded.expression.LegacyParameters;
import io.restmachine.dynamodb.embedded.expression.SortKeyCondition;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Query: one partition of the table or an index, in sort-key order (or reversed). */
public final class Query implements Action<Query.Request, PageReader.Page> {

    /**
     * A Query as decoded. The placeholders and the legacy conditions come as suppliers that
     * validate when called, so that {@link #execute} checks them in DynamoDB's order (before the
     * table is looked up, after the checks that come earlier).
     *
     * @param context the placeholder maps, checked when called
     * @param keyConditions the legacy {@code KeyConditions}, read when called; null when absent
     * @param queryFilter the legacy {@code QueryFilter}, read when called; null when absent
     */
    public record Request(
            String tableName,
            @Nullable String indexName,
            Supplier<ExpressionContext> context,
            @Nullable String keyConditionExpression,
            @Nullable Supplier<Map<String, LegacyParameters.AttributeCondition>> keyConditions,
            @Nullable String filterExpression,
            @Nullable Supplier<Map<String, LegacyParameters.AttributeCondition>> queryFilter,
            @Nullable String conditionalOperator,
            @Nullable String projectionExpression,
            @Nullable List<String> attributesToGet,
            @Nullable Map<String, DynamoValue> exclusiveStartKey,
            boolean forward,
            PageReader.Options options) {}

    /**
     * DynamoDB's order of checks for a Query (docs/conformance.md, "Order of validation"): first the
     * request on its own, then the table and what depends on its key schema. Each step throws the
     * first error it finds.
     *
     * <ol>
     *   <li>placeholder maps (empty, invalid keys or values);
     *   <li>KeyConditionExpression parsed (syntax, functions, undefined placeholders), or the legacy
     *       KeyConditions read;
     *   <li>FilterExpression parsed, or the legacy QueryFilter read;
     *   <li>ProjectionExpression parsed (or AttributesToGet);
     *   <li>unused placeholders;
     *   <li>the key condition's shape: operators, one condition per attribute, no nested paths,
     *       operand types (KeyConditions: operator, operand count and types);
     *   <li>the table is looked up (ResourceNotFoundException), then the index;
     *   <li>ExclusiveStartKey's attributes against the key schema;
     *   <li>the key condition split against the key schema (missing or extra key attributes);
     *   <li>key condition value types against the schema;
     *   <li>ExclusiveStartKey against the table's key and the key condition's bounds;
     *   <li>key attributes must be scalars in the projection; a filter on a key attribute; Select
     *       against the index's projection; key attributes must be scalars in the filter.
     * </ol>
     */
    @Override
    public PageReader.Page execute(Request request, Engine engine) {
        Map<String, DynamoValue> start = request.exclusiveStartKey();
        // 1-6: the request on its own.
        ExpressionContext context = request.context().get();
        ConditionExpression keyExpression = null;
        Map<String, LegacyParameters.AttributeCondition> legacyKeyConditions = null;
        if (request.keyConditionExpression() != null) {
            keyExpression = Expressions.condition(request.keyConditionExpression(), context, "KeyConditionExpression");
        } else {
            legacyKeyConditions = request.keyConditions().get();
        }
        ConditionExpression filter = null;
        if (request.filterExpression() != null) {
            filter = Expressions.condition(request.filterExpression(), context, "FilterExpression");
        } else if (request.queryFilter() != null) {
            filter = LegacyParameters.filter(request.queryFilter().get(), request.conditionalOperator());
        }
        Projection projection = Projection.of(request.projectionExpression(), request.attributesToGet(), context);
        context.requireAllUsed();
        if (keyExpression != null) {
            Expressions.checkKeyConditionShape(keyExpression);
        } else {
            LegacyParameters.checkKeyConditionOperands(legacyKeyConditions);
        }
        // 7-: the table and its key schema.
        Table table = engine.database().table(request.tableName());
        IndexDefinition index = PageReader.index(
                table,
                engine.database().nowMillis(),
                request.indexName(),
                request.options().consistentRead());
        KeySchema keySchema = index == null ? table.definition().key() : index.key();
        PageReader reader = new PageReader(table, index, request.options(), filter, projection);
        if (start != null) {
            checkStartKeyNames(start, reader, keySchema);
        }
        KeyCondition keyCondition = keyExpression != null
                ? Expressions.keyCondition(keyExpression, keySchema.hashName(), keySchema.rangeName())
                : LegacyParameters.keyConditions(legacyKeyConditions, keySchema.hashName(), keySchema.rangeName());
        checkTypes(keyCondition, keySchema);
        if (start != null) {
            checkStartKey(start, reader, table, keySchema, keyCondition);
        }
        KeyPaths.requireScalar(table.definition(), projection);
        if (filter != null) {
            String parameter = request.filterExpression() != null ? "Filter Expression" : "QueryFilter";
            for (String name : keySchema.names()) {
                if (filter.topLevelAttributes().contains(name)) {
                    throw EngineException.validation(parameter + " can only contain non-primary key attributes:"
                            + " Primary key attribute: " + name);
                }
            }
        }
        PageReader.checkSelect(index, request.options().select());
        KeyPaths.requireScalar(table.definition(), filter);
        boolean forward = request.forward();
        NavigableMap<StoreKey, Map<String, DynamoValue>> source =
                index == null ? table.items() : table.index(index.name());
        NavigableMap<StoreKey, Map<String, DynamoValue>> range =
                range(source, keyCondition, start == null ? null : reader.startKey(start), forward);
        SortKeyCondition sort = keyCondition.sort();
        Predicate<Map<String, DynamoValue>> within = sort != null && sort.op() == SortKeyCondition.Op.BEGINS_WITH
                ? item -> item.get(sort.attribute()) != null && sort.matches(item.get(sort.attribute()))
                : item -> true;
        return reader.read(range, within);
    }

    private static void checkTypes(KeyCondition condition, KeySchema schema) {
        boolean hashOk = condition.hashValue().type().equals(schema.hashType());
        boolean sortOk = condition.sort() == null
                || (condition.sort().value().type().equals(schema.rangeType())
                        && (condition.sort().upper() == null
                                || condition.sort().upper().type().equals(schema.rangeType())));
        if (!hashOk || !sortOk) {
            throw EngineException.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }

    /** The start key's attributes against the key schema: before the key condition's. */
    private static void checkStartKeyNames(Map<String, DynamoValue> start, PageReader reader, KeySchema keySchema) {
        if (start.size() != reader.startKeyNames().size()) {
            throw EngineException.validation("The provided starting key is invalid");
        }
        for (String name : keySchema.names()) {
            if (!start.containsKey(name)) {
                throw EngineException.validation("The provided starting key is invalid");
            }
            KeyRules.validateKeyPiece(start, name, keySchema.typeOf(name), name.equals(keySchema.hashName()));
        }
    }

    /** The start key against the table's key and the key condition's bounds. */
    private static void checkStartKey(
            Map<String, DynamoValue> start,
            PageReader reader,
            Table table,
            KeySchema keySchema,
            KeyCondition condition) {
        try {
            KeyRules.validateKey(
                    table.definition().key().keyOf(start), table.definition().key());
        } catch (EngineException e) {
            throw EngineException.validation(
                    "The provided starting key is invalid: " + e.error().message());
        }
        boolean sameHash = start.get(keySchema.hashName()).equals(condition.hashValue());
        SortKeyCondition sort = condition.sort();
        if (sort == null) {
            if (!sameHash) {
                throw EngineException.validation(
                        "The provided starting key is outside query boundaries based on provided conditions");
            }
            return;
        }
        if (!sort.matches(start.get(sort.attribute()))) {
            throw EngineException.validation("The provided starting key does not match the range key predicate");
        }
        if (!sameHash) {
            throw EngineException.validation("The query can return at most one row and cannot be restarted");
        }
    }

    static NavigableMap<StoreKey, Map<String, DynamoValue>> range(
            NavigableMap<StoreKey, Map<String, DynamoValue>> source,
            KeyCondition condition,
            @Nullable StoreKey start,
            boolean forward) {
        DynamoValue hash = condition.hashValue();
        StoreKey low = StoreKey.partitionBound(hash, -1);
        StoreKey high = StoreKey.partitionBound(hash, 1);
        SortKeyCondition sort = condition.sort();
        if (sort != null) {
            DynamoValue value = sort.value();
            switch (sort.op()) {
                case EQ -> {
                    low = StoreKey.sortBound(hash, value, -1);
                    high = StoreKey.sortBound(hash, value, 1);
                }
                case LT -> high = StoreKey.sortBound(hash, value, -1);
                case LE -> high = StoreKey.sortBound(hash, value, 1);
                case GT -> low = StoreKey.sortBound(hash, value, 1);
                case GE -> low = StoreKey.sortBound(hash, value, -1);
                case BEGINS_WITH -> {
                    low = StoreKey.sortBound(hash, value, -1);
                    // Bound the top too: a descending read starts there and must not begin above the prefix.
                    DynamoValue after = afterPrefix(value);
                    if (after != null) {
                        high = StoreKey.sortBound(hash, after, -1);
                    }
                }
                case BETWEEN -> {
                    low = StoreKey.sortBound(hash, value, -1);
                    high = StoreKey.sortBound(hash, sort.upper(), 1);
                }
            }
        }
        boolean lowInclusive = true;
        boolean highInclusive = true;
        if (start != null) {
            if (forward && start.compareTo(low) >= 0) {
                low = start;
                lowInclusive = false;
            } else if (!forward && start.compareTo(high) <= 0) {
                high = start;
                highInclusive = false;
            }
        }
        if (low.compareTo(high) > 0) {
            return java.util.Collections.emptyNavigableMap();
        }
        NavigableMap<StoreKey, Map<String, DynamoValue>> range = source.subMap(low, lowInclusive, high, highInclusive);
        return forward ? range : range.descendingMap();
    }

    /**
     * The smallest value above every value that starts with {@code prefix} (in UTF-8 byte order for
     * strings, unsigned byte order for binaries), or null when no such value exists.
     */
    private static @Nullable DynamoValue afterPrefix(DynamoValue prefix) {
        if (prefix instanceof DynamoValue.S s) {
            int[] codePoints = s.value().codePoints().toArray();
            for (int i = codePoints.length - 1; i >= 0; i--) {
                if (codePoints[i] < Character.MAX_CODE_POINT) {
                    int next = codePoints[i] + 1 == Character.MIN_SURROGATE
                            ? Character.MAX_SURROGATE + 1
                            : codePoints[i] + 1;
                    return new DynamoValue.S(new String(codePoints, 0, i) + Character.toString(next));
                }
            }
            return null;
        }
        if (prefix instanceof DynamoValue.B b) {
            byte[] bytes = b.value();
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (bytes[i] != (byte) 0xff) {
                    byte[] next = java.util.Arrays.copyOf(bytes, i + 1);
                    next[i]++;
                    return new DynamoValue.B(next);
                }
            }
            return null;
        }
        return null;
    }
}
