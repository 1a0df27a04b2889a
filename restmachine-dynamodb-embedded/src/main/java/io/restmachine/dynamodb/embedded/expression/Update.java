package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.Numbers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A parsed update expression: its actions in the order DynamoDB applies them. All SET values are
 * computed from the item as it was, then the actions change a copy, so a failing action leaves
 * nothing half-done.
 */
final class Update implements UpdateExpression {
    static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";

    /** One action: SET path = value, REMOVE path, ADD path :v, DELETE path :v. */
    sealed interface Action {
        DocumentPath path();

        record Set(DocumentPath path, SetValue value) implements Action {}

        record Remove(DocumentPath path) implements Action {}

        record Add(DocumentPath path, DynamoValue value) implements Action {}

        record Delete(DocumentPath path, DynamoValue value) implements Action {}
    }

    private final List<Action> actions;
    private final java.util.Set<String> topLevelAttributes;
    private final Projection updatedPaths;
    private final boolean onlyRemoves;
    private final String typeMismatch;

    /** An update expression's actions. */
    Update(List<Action> actions) {
        this(actions, SetValue.WRONG_TYPE);
    }

    /**
     * Actions with the message for ADD or DELETE on an attribute of another type, which differs
     * between UpdateExpression and the legacy AttributeUpdates.
     */
    Update(List<Action> actions, String typeMismatch) {
        this.typeMismatch = typeMismatch;
        List<Action> ordered = new ArrayList<>(actions.size());
        List<Action.Remove> removes = new ArrayList<>();
        java.util.Set<String> heads = new LinkedHashSet<>();
        List<DocumentPath> paths = new ArrayList<>(actions.size());
        boolean removesOnly = !actions.isEmpty();
        for (Action action : actions) {
            heads.add(action.path().head());
            paths.add(action.path());
            removesOnly &= action instanceof Action.Remove || action instanceof Action.Delete;
            if (action instanceof Action.Remove remove) {
                removes.add(remove);
            } else {
                ordered.add(action);
            }
        }
        ascendingListIndexes(ordered);
        // List indexes in REMOVE refer to the list as it was: remove the highest index first.
        removes.sort((a, b) -> comparePathsDescending(a.path(), b.path()));
        ordered.addAll(removes);
        this.actions = List.copyOf(ordered);
        this.topLevelAttributes = Collections.unmodifiableSet(heads);
        // In the order the request names them (REMOVEs were moved last above).
        this.updatedPaths = new Projection(paths);
        this.onlyRemoves = removesOnly;
    }

    /**
     * SETs of elements of one list are applied in ascending index order, whatever the order written
     * ({@code SET l[5] = :a, l[3] = :b} on a one-element list appends b, then a; issue 13 item 8):
     * each group keeps the positions it had among the actions.
     */
    private static void ascendingListIndexes(List<Action> actions) {
        Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) instanceof Action.Set set
                    && set.path().isIndex(set.path().length() - 1)) {
                groups.computeIfAbsent(parent(set.path()), k -> new ArrayList<>())
                        .add(i);
            }
        }
        for (List<Integer> positions : groups.values()) {
            if (positions.size() < 2) {
                continue;
            }
            List<Action> group = new ArrayList<>();
            positions.forEach(i -> group.add(actions.get(i)));
            group.sort(java.util.Comparator.comparingInt(
                    a -> a.path().index(a.path().length() - 1)));
            for (int j = 0; j < positions.size(); j++) {
                actions.set(positions.get(j), group.get(j));
            }
        }
    }

    private static String parent(DocumentPath path) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < path.length() - 1; i++) {
            text.append(path.isIndex(i) ? "[" + path.index(i) + "]" : "." + path.name(i));
        }
        return text.toString();
    }

    @Override
    public Set<String> topLevelAttributes() {
        return topLevelAttributes;
    }

    @Override
    public Set<String> nestedAttributes() {
        java.util.Set<String> heads = new LinkedHashSet<>();
        for (Action action : actions) {
            if (!action.path().isTopLevel()) {
                heads.add(action.path().head());
            }
        }
        return heads;
    }

    @Override
    public Map<String, String> assignedTypes() {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        for (Action action : actions) {
            if (action instanceof Action.Set set && set.path().isTopLevel()) {
                String type = set.value().staticType();
                if (type != null) {
                    types.putIfAbsent(set.path().head(), type);
                }
            }
        }
        return types;
    }

    @Override
    public ProjectionExpression updatedPaths() {
        return updatedPaths;
    }

    @Override
    public boolean onlyRemoves() {
        return onlyRemoves;
    }

    List<Action> actions() {
        return actions;
    }

    @Override
    public Map<String, DynamoValue> apply(Map<String, DynamoValue> item) {
        DynamoValue[] computed = new DynamoValue[actions.size()];
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) instanceof Action.Set set) {
                computed[i] = set.value().evaluate(item);
            }
        }
        Map<String, DynamoValue> result = new LinkedHashMap<>(item);
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            DynamoValue value = computed[i];
            if (action instanceof Action.Set set) {
                put(result, set.path(), existing -> value);
            } else if (action instanceof Action.Remove remove) {
                remove(result, remove.path());
            } else if (action instanceof Action.Add add) {
                put(result, add.path(), existing -> add(existing, add.value(), typeMismatch));
            } else if (action instanceof Action.Delete delete) {
                put(result, delete.path(), existing -> delete(existing, delete.value(), typeMismatch));
            }
        }
        return result;
    }

    private static @Nullable DynamoValue add(@Nullable DynamoValue existing, DynamoValue operand, String typeMismatch) {
        if (existing == null) {
            return operand;
        }
        if (existing instanceof DynamoValue.N a && operand instanceof DynamoValue.N b) {
            return Numbers.checked(a.value().add(b.value()));
        }
        if (existing instanceof DynamoValue.SS a && operand instanceof DynamoValue.SS b) {
            return new DynamoValue.SS(union(a.values(), b.values()));
        }
        if (existing instanceof DynamoValue.NS a && operand instanceof DynamoValue.NS b) {
            return new DynamoValue.NS(union(a.values(), b.values()));
        }
        if (existing instanceof DynamoValue.BS a && operand instanceof DynamoValue.BS b) {
            return new DynamoValue.BS(union(a.values(), b.values()));
        }
        if (existing instanceof DynamoValue.L a && operand instanceof DynamoValue.L b) {
            // Only the legacy AttributeUpdates ADD appends lists; expressions reject an L operand.
            List<DynamoValue> joined = new ArrayList<>(a.values());
            joined.addAll(b.values());
            return new DynamoValue.L(joined);
        }
        throw EngineException.validation(typeMismatch);
    }

    /** The set without the operand's elements; null (the attribute goes) when nothing is left. */
    private static @Nullable DynamoValue delete(
            @Nullable DynamoValue existing, DynamoValue operand, String typeMismatch) {
        if (existing == null) {
            return null;
        }
        if (existing instanceof DynamoValue.SS a && operand instanceof DynamoValue.SS b) {
            java.util.Set<String> left = minus(a.values(), b.values());
            return left.isEmpty() ? null : new DynamoValue.SS(left);
        }
        if (existing instanceof DynamoValue.NS a && operand instanceof DynamoValue.NS b) {
            java.util.Set<DynamoValue.N> left = minus(a.values(), b.values());
            return left.isEmpty() ? null : new DynamoValue.NS(left);
        }
        if (existing instanceof DynamoValue.BS a && operand instanceof DynamoValue.BS b) {
            java.util.Set<DynamoValue.B> left = minus(a.values(), b.values());
            return left.isEmpty() ? null : new DynamoValue.BS(left);
        }
        throw EngineException.validation(typeMismatch);
    }

    private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        java.util.Set<T> result = new HashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static <T> java.util.Set<T> minus(java.util.Set<T> a, java.util.Set<T> b) {
        java.util.Set<T> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }

    /**
     * Replaces the value at {@code path} by {@code change(existing)}; a null result removes it. The
     * path's parent must exist and be a map (for a key) or a list (for an index); an index past
     * the end of a list appends.
     */
    private static void put(
            Map<String, DynamoValue> item, DocumentPath path, UnaryOperator<@Nullable DynamoValue> change) {
        String head = path.head();
        if (path.isTopLevel()) {
            DynamoValue changed = change.apply(item.get(head));
            if (changed == null) {
                item.remove(head);
            } else {
                item.put(head, changed);
            }
            return;
        }
        DynamoValue top = item.get(head);
        if (top == null) {
            throw EngineException.validation(INVALID_PATH);
        }
        item.put(head, putIn(top, path, 1, change));
    }

    private static DynamoValue putIn(
            DynamoValue container, DocumentPath path, int step, UnaryOperator<@Nullable DynamoValue> change) {
        if (path.isIndex(step)) {
            if (!(container instanceof DynamoValue.L list)) {
                throw EngineException.validation(INVALID_PATH);
            }
            List<DynamoValue> values = new ArrayList<>(list.values());
            int index = path.index(step);
            DynamoValue existing = index < values.size() ? values.get(index) : null;
            DynamoValue changed = changeChild(existing, path, step, change);
            if (changed == null) {
                if (existing != null) {
                    values.remove(index);
                }
            } else if (existing != null) {
                values.set(index, changed);
            } else {
                values.add(changed);
            }
            return new DynamoValue.L(values);
        }
        if (!(container instanceof DynamoValue.M map)) {
            throw EngineException.validation(INVALID_PATH);
        }
        String key = path.name(step);
        DynamoValue changed = changeChild(map.values().get(key), path, step, change);
        Map<String, DynamoValue> values = new LinkedHashMap<>(map.values());
        if (changed == null) {
            values.remove(key);
        } else {
            values.put(key, changed);
        }
        return new DynamoValue.M(values);
    }

    /** The new value of the child at {@code step}: changed if it is the last step, else descended into. */
    private static @Nullable DynamoValue changeChild(
            @Nullable DynamoValue existing, DocumentPath path, int step, UnaryOperator<@Nullable DynamoValue> change) {
        if (step == path.length() - 1) {
            return change.apply(existing);
        }
        if (existing == null) {
            throw EngineException.validation(INVALID_PATH);
        }
        return putIn(existing, path, step + 1, change);
    }

    private static void remove(Map<String, DynamoValue> item, DocumentPath path) {
        if (!path.isTopLevel() && path.resolve(item) == null && parentMissing(item, path)) {
            throw EngineException.validation(INVALID_PATH);
        }
        if (path.isTopLevel() || path.resolve(item) != null) {
            put(item, path, existing -> null);
        }
    }

    private static boolean parentMissing(Map<String, DynamoValue> item, DocumentPath path) {
        DynamoValue current = item.get(path.head());
        for (int i = 1; i < path.length() - 1 && current != null; i++) {
            current = path.step(current, i);
        }
        if (current == null) {
            return true;
        }
        int last = path.length() - 1;
        return path.isIndex(last) ? !(current instanceof DynamoValue.L) : !(current instanceof DynamoValue.M);
    }

    private static int comparePathsDescending(DocumentPath a, DocumentPath b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.isIndex(i) && b.isIndex(i)) {
                int c = Integer.compare(b.index(i), a.index(i));
                if (c != 0) {
                    return c;
                }
            } else if (!a.isIndex(i) && !b.isIndex(i)) {
                int c = a.name(i).compareTo(b.name(i));
                if (c != 0) {
                    return c;
                }
            } else {
                return a.isIndex(i) ? 1 : -1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
