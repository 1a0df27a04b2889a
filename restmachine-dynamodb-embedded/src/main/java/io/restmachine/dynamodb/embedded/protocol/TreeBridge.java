package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Transitional: the decoded request as the Jackson tree the actions not yet migrated to typed
 * requests still read (attribute values as POJO nodes holding their {@link RawAttribute}, read by
 * {@link AttributeJson#read}). Goes away with the last such action.
 */
final class TreeBridge {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TreeBridge() {}

    static ObjectNode tree(Fields fields) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, Object> member : fields.values().entrySet()) {
            out.set(member.getKey(), node(member.getValue()));
        }
        return out;
    }

    private static JsonNode node(@Nullable Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Long l) {
            return l == (int) l.longValue() ? NODES.numberNode((int) l.longValue()) : NODES.numberNode(l);
        }
        if (value instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof List<?> list) {
            ArrayNode out = NODES.arrayNode(list.size());
            for (Object child : list) {
                out.add(node(child));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.set((String) entry.getKey(), node(entry.getValue()));
            }
            return out;
        }
        if (value instanceof Fields fields) {
            return tree(fields);
        }
        return NODES.pojoNode(value);
    }
}
