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
     * A Query as decoded. DynamoDB checks the placeholders and reads the legacy conditions only
     * once the table and its key schema are known, so those come as suppliers that validate when
     * called.
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

    @Override
    public PageReader.Page execute(Request request, Engine engine) {
        Map<String, DynamoValue> start = request.exclusiveStartKey();
        Table table = engine.database().table(request.tableName());
        IndexDefinition index = PageReader.index(
                table.definition(), request.indexName(), request.options().consistentRead());
        KeySchema keySchema = index == null ? table.definition().key() : index.key();
        ExpressionContext context = request.context().get();
        KeyCondition keyCondition;
        if (request.keyConditionExpression() != null) {
            keyCondition = Expressions.keyCondition(
                    request.keyConditionExpression(), context, keySchema.hashName(), keySchema.rangeName());
        } else {
            keyCondition = LegacyParameters.keyConditions(
                    request.keyConditions().get(), keySchema.hashName(), keySchema.rangeName());
        }
        ConditionExpression filter = null;
        if (request.filterExpression() != null) {
            filter = Expressions.condition(request.filterExpression(), context, "FilterExpression");
        } else if (request.queryFilter() != null) {
            filter = LegacyParameters.filter(request.queryFilter().get(), request.conditionalOperator());
        }
        Projection projection = Projection.of(request.projectionExpression(), request.attributesToGet(), context);
        context.requireAllUsed();
        checkTypes(keyCondition, keySchema);
        PageReader reader = new PageReader(table, index, request.options(), filter, projection);
        if (start != null) {
            checkStartKey(start, reader, table, keySchema, keyCondition);
        }
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

    private static void checkStartKey(
            Map<String, DynamoValue> start,
            PageReader reader,
            Table table,
            KeySchema keySchema,
            KeyCondition condition) {
        if (start.size() != reader.startKeyNames().size()) {
            throw EngineException.validation("The provided starting key is invalid");
        }
        for (String name : keySchema.names()) {
            if (!start.containsKey(name)) {
                throw EngineException.validation("The provided starting key is invalid");
            }
            KeyRules.validateKeyPiece(start, name, keySchema.typeOf(name), name.equals(keySchema.hashName()));
        }
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
