package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ConditionExpression;
import io.restmachine.dynamodb.embedded.expression.KeyCondition;
import io.restmachine.dynamodb.embedded.expression.SortKeyCondition;
import io.restmachine.dynamodb.embedded.partiql.Node;
import io.restmachine.dynamodb.embedded.partiql.Partiql;
import io.restmachine.dynamodb.embedded.partiql.Statement;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * How a PartiQL SELECT reads, as DynamoDB plans it: an equality on the partition key of the table
 * (or of the index it names) among the WHERE's top-level ANDs makes it a Query of that partition,
 * with one comparison, BETWEEN or {@code begins_with} on the sort key as its range; every other
 * conjunct is a filter. Without that equality it scans the whole table or index, filtering by the
 * whole WHERE. Pages follow the Query and Scan rules ({@link PageReader}): {@code Limit} counts the
 * items read, and a page stops at 1 MB.
 *
 * @param keyCondition the partition (and sort-key range) read, or null for a scan
 */
record SelectPlan(
        Table table,
        @Nullable IndexDefinition index,
        @Nullable KeyCondition keyCondition,
        @Nullable ConditionExpression filter,
        Projection projection) {

    static SelectPlan of(Statement.Select select, Table table, long nowMillis, boolean consistentRead) {
        IndexDefinition index = null;
        if (select.index() != null) {
            index = table.definition()
                    .index(select.index())
                    .orElseThrow(() -> EngineException.validation(
                            "The table does not have the specified index: " + select.index()));
            if (index.global() && consistentRead) {
                throw EngineException.validation(
                        "Strongly consistent read is not supported on Global Secondary Indexes");
            }
            PageReader.requireReadable(table, nowMillis, select.index());
        }
        KeySchema schema = index == null ? table.definition().key() : index.key();
        Projection projection = select.projection().isEmpty()
                ? Projection.ALL
                : new Projection(Partiql.projection(select.projection()), null);
        if (select.where() == null) {
            return new SelectPlan(table, index, null, null, projection);
        }
        KeyCondition keyCondition = null;
        List<Node> filter = new ArrayList<>();
        DynamoValue hash = null;
        SortKeyCondition sort = null;
        for (Node conjunct : Partiql.conjuncts(select.where())) {
            Map.Entry<String, DynamoValue> equality = StatementKeys.equality(conjunct);
            if (hash == null
                    && equality != null
                    && equality.getKey().equals(schema.hashName())
                    && equality.getValue().type().equals(schema.hashType())) {
                hash = equality.getValue();
                continue;
            }
            SortKeyCondition range = sort == null ? sortCondition(conjunct, schema) : null;
            if (range != null) {
                sort = range;
            } else {
                filter.add(conjunct);
            }
        }
        if (hash != null) {
            keyCondition = new KeyCondition(schema.hashName(), hash, sort);
        } else if (sort != null) {
            filter.clear();
            filter.addAll(Partiql.conjuncts(select.where()));
        }
        Node rest = Partiql.and(filter);
        return new SelectPlan(table, index, keyCondition, rest == null ? null : Partiql.condition(rest), projection);
    }

    /** A condition on the sort key that a Query can read as a range, or null. */
    private static @Nullable SortKeyCondition sortCondition(Node node, KeySchema schema) {
        String range = schema.rangeName();
        if (range == null) {
            return null;
        }
        if (node instanceof Node.Compare compare) {
            boolean flipped = compare.right() instanceof Node.Path;
            Node path = flipped ? compare.right() : compare.left();
            Node value = flipped ? compare.left() : compare.right();
            SortKeyCondition.Op op =
                    switch (compare.op()) {
                        case "=" -> SortKeyCondition.Op.EQ;
                        case "<" -> flipped ? SortKeyCondition.Op.GT : SortKeyCondition.Op.LT;
                        case "<=" -> flipped ? SortKeyCondition.Op.GE : SortKeyCondition.Op.LE;
                        case ">" -> flipped ? SortKeyCondition.Op.LT : SortKeyCondition.Op.GT;
                        case ">=" -> flipped ? SortKeyCondition.Op.LE : SortKeyCondition.Op.GE;
                        default -> null;
                    };
            DynamoValue v = keyValue(path, value, range, schema.rangeType());
            return op == null || v == null ? null : new SortKeyCondition(range, op, v, null);
        }
        if (node instanceof Node.Between between) {
            DynamoValue low = keyValue(between.value(), between.low(), range, schema.rangeType());
            DynamoValue high = keyValue(between.value(), between.high(), range, schema.rangeType());
            return low == null || high == null
                    ? null
                    : new SortKeyCondition(range, SortKeyCondition.Op.BETWEEN, low, high);
        }
        if (node instanceof Node.Call call
                && call.function().equals("begins_with")
                && call.arguments().size() == 2) {
            DynamoValue prefix =
                    keyValue(call.arguments().get(0), call.arguments().get(1), range, schema.rangeType());
            return prefix == null || prefix instanceof DynamoValue.N
                    ? null
                    : new SortKeyCondition(range, SortKeyCondition.Op.BEGINS_WITH, prefix, null);
        }
        return null;
    }

    /** The value when {@code path} is the key attribute {@code name} and {@code value} a literal of its type. */
    private static @Nullable DynamoValue keyValue(Node path, Node value, String name, @Nullable String type) {
        if (path instanceof Node.Path p
                && p.topLevel()
                && p.head().equals(name)
                && value instanceof Node.Literal literal
                && literal.value().type().equals(type)) {
            return literal.value();
        }
        return null;
    }

    /** Reads one page from {@code start} (an ExclusiveStartKey from a NextToken), or from the beginning. */
    PageReader.Page read(PageReader.Options options, @Nullable Map<String, DynamoValue> start) {
        PageReader reader = new PageReader(table, index, options, filter, projection);
        StoreKey startKey = start == null ? null : startKey(reader, start);
        NavigableMap<StoreKey, Map<String, DynamoValue>> source =
                index == null ? table.items() : table.index(index.name());
        if (keyCondition == null) {
            NavigableMap<StoreKey, Map<String, DynamoValue>> all =
                    startKey == null ? source : source.tailMap(startKey, false);
            return reader.read(all, item -> true);
        }
        SortKeyCondition sort = keyCondition.sort();
        Predicate<Map<String, DynamoValue>> within = sort != null && sort.op() == SortKeyCondition.Op.BEGINS_WITH
                ? item -> item.get(sort.attribute()) != null && sort.matches(item.get(sort.attribute()))
                : item -> true;
        return reader.read(Query.range(source, keyCondition, startKey, true), within);
    }

    private static StoreKey startKey(PageReader reader, Map<String, DynamoValue> start) {
        if (!start.keySet().containsAll(reader.startKeyNames())) {
            throw EngineException.validation("Invalid NextToken");
        }
        return reader.startKey(start);
    }
}
