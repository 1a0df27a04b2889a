package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A parsed projection expression. Nested paths return the enclosing documents with only the
 * selected parts; selected list elements keep their order and close up their gaps.
 */
final class Projection implements ProjectionExpression {
    private final List<DocumentPath> paths;
    private final Set<String> topLevelAttributes;
    private final boolean flat;

    Projection(List<DocumentPath> paths) {
        this.paths = List.copyOf(paths);
        Set<String> heads = new LinkedHashSet<>();
        boolean allTopLevel = true;
        for (DocumentPath path : paths) {
            heads.add(path.head());
            allTopLevel &= path.isTopLevel();
        }
        this.topLevelAttributes = Collections.unmodifiableSet(heads);
        this.flat = allTopLevel;
    }

    List<DocumentPath> paths() {
        return paths;
    }

    @Override
    public Set<String> topLevelAttributes() {
        return topLevelAttributes;
    }

    @Override
    public Set<String> nestedAttributes() {
        Set<String> heads = new LinkedHashSet<>();
        for (DocumentPath path : paths) {
            if (!path.isTopLevel()) {
                heads.add(path.head());
            }
        }
        return heads;
    }

    @Override
    public Map<String, DynamoValue> apply(Map<String, DynamoValue> item) {
        Map<String, DynamoValue> result = new LinkedHashMap<>();
        if (flat) {
            for (DocumentPath path : paths) {
                DynamoValue value = item.get(path.head());
                if (value != null) {
                    result.put(path.head(), value);
                }
            }
            return result;
        }
        // Build a tree of the selected parts (maps for keys, sorted maps for list indexes), then
        // turn it into values.
        Map<String, Object> tree = new LinkedHashMap<>();
        for (DocumentPath path : paths) {
            DynamoValue value = path.resolve(item);
            if (value != null) {
                insert(tree, path, value);
            }
        }
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            result.put(e.getKey(), toValue(e.getValue()));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> tree, DocumentPath path, DynamoValue value) {
        Object node = tree;
        for (int i = 0; i < path.length(); i++) {
            boolean last = i == path.length() - 1;
            Object key = path.isIndex(i) ? (Object) path.index(i) : path.name(i);
            Map<Object, Object> children = (Map<Object, Object>) node;
            if (last) {
                children.put(key, value);
                return;
            }
            Object child = children.get(key);
            if (child == null) {
                child = path.isIndex(i + 1) ? new TreeMap<Integer, Object>() : new LinkedHashMap<String, Object>();
                children.put(key, child);
            }
            node = child;
        }
    }

    @SuppressWarnings("unchecked")
    private static DynamoValue toValue(Object node) {
        if (node instanceof DynamoValue value) {
            return value;
        }
        if (node instanceof TreeMap<?, ?> indexed) {
            List<DynamoValue> values = new ArrayList<>(indexed.size());
            for (Object child : indexed.values()) {
                values.add(toValue(child));
            }
            return new DynamoValue.L(values);
        }
        Map<String, DynamoValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) node).entrySet()) {
            values.put(e.getKey(), toValue(e.getValue()));
        }
        return new DynamoValue.M(values);
    }
}
