package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ConditionExpression;
import io.restmachine.dynamodb.embedded.partiql.Node;
import io.restmachine.dynamodb.embedded.partiql.Partiql;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the key out of a PartiQL WHERE clause: the equalities {@code key = value} among its
 * top-level ANDs, one per key attribute; the other conjuncts are the rest of the condition.
 */
final class StatementKeys {
    static final String INCOMPLETE_KEY = "Where clause does not contain a mandatory equality on all key attributes";

    private StatementKeys() {}

    /**
     * The key a WHERE names and the rest of its condition (null when there is none).
     *
     * @param key the key values, in the schema's order
     */
    record Match(Map<String, DynamoValue> key, @Nullable Node rest) {
        /** The rest as a condition, or null. */
        @Nullable
        ConditionExpression restCondition() {
            return rest == null ? null : Partiql.condition(rest);
        }
    }

    /**
     * The full key of a single-item statement.
     *
     * @throws EngineException DynamoDB's "Where clause does not contain a mandatory equality on all
     *     key attributes" when an attribute of the key has no equality, and "Key attribute's data type
     *     should match its data type in table's schema" when its value has another type
     */
    static Match fullKey(Node where, KeySchema schema) {
        Match match = match(where, schema);
        if (match.key().size() != schema.names().size()) {
            throw EngineException.validation(INCOMPLETE_KEY);
        }
        for (String name : schema.names()) {
            if (!match.key().get(name).type().equals(schema.typeOf(name))) {
                throw EngineException.validation(
                        "Key attribute's data type should match its data type in table's schema: Key " + name);
            }
        }
        return match;
    }

    /** The key equalities a WHERE holds (some, all or none of the key) and the rest. */
    static Match match(Node where, KeySchema schema) {
        Map<String, DynamoValue> found = new LinkedHashMap<>();
        List<Node> rest = new ArrayList<>();
        for (Node conjunct : Partiql.conjuncts(where)) {
            Map.Entry<String, DynamoValue> equality = equality(conjunct);
            if (equality != null && schema.contains(equality.getKey()) && !found.containsKey(equality.getKey())) {
                found.put(equality.getKey(), equality.getValue());
            } else {
                rest.add(conjunct);
            }
        }
        Map<String, DynamoValue> key = new LinkedHashMap<>();
        for (String name : schema.names()) {
            if (found.containsKey(name)) {
                key.put(name, found.get(name));
            }
        }
        return new Match(key, Partiql.and(rest));
    }

    /** {@code name = value} or {@code value = name} on a top-level attribute, else null. */
    static Map.@Nullable Entry<String, DynamoValue> equality(Node node) {
        if (!(node instanceof Node.Compare compare) || !compare.op().equals("=")) {
            return null;
        }
        if (compare.left() instanceof Node.Path path && path.topLevel() && compare.right() instanceof Node.Literal v) {
            return Map.entry(path.head(), v.value());
        }
        if (compare.right() instanceof Node.Path path && path.topLevel() && compare.left() instanceof Node.Literal v) {
            return Map.entry(path.head(), v.value());
        }
        return null;
    }

    /** {@code attribute_exists(name)} when {@code exists}, else {@code attribute_not_exists(name)}. */
    static Node exists(String name, boolean exists) {
        return new Node.Is(new Node.Path(List.of(name)), "MISSING", exists);
    }
}
