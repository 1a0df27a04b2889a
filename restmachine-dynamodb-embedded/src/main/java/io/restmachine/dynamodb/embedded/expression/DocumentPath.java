package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A resolved document path such as {@code a.b[2].c}: a top-level attribute name followed by map
 * keys and list indexes. Immutable.
 */
final class DocumentPath {
    /** Map keys, or null where the step is a list index. */
    private final @Nullable String[] names;

    private final int[] indexes;

    private DocumentPath(@Nullable String[] names, int[] indexes) {
        this.names = names;
        this.indexes = indexes;
    }

    /** Steps are {@link String} map keys or {@link Integer} list indexes; the first is a name. */
    static DocumentPath of(List<Object> steps) {
        @Nullable String[] names = new String[steps.size()];
        int[] indexes = new int[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            if (step instanceof String name) {
                names[i] = name;
            } else {
                indexes[i] = (Integer) step;
            }
        }
        if (names.length == 0 || names[0] == null) {
            throw new IllegalArgumentException("A document path starts with an attribute name: " + steps);
        }
        return new DocumentPath(names, indexes);
    }

    int length() {
        return names.length;
    }

    boolean isIndex(int step) {
        return names[step] == null;
    }

    /** The map key at a step; only for steps that are not indexes. */
    String name(int step) {
        return Objects.requireNonNull(names[step], "a list index step has no name");
    }

    int index(int step) {
        return indexes[step];
    }

    /** The top-level attribute name. */
    String head() {
        return name(0);
    }

    boolean isTopLevel() {
        return names.length == 1;
    }

    /** The value at this path in the item, or null when any step is missing or of the wrong type. */
    @Nullable
    DynamoValue resolve(Map<String, DynamoValue> item) {
        DynamoValue current = item.get(names[0]);
        for (int i = 1; i < names.length && current != null; i++) {
            current = step(current, i);
        }
        return current;
    }

    /** The child of {@code container} that step {@code i} selects, or null. */
    @Nullable
    DynamoValue step(DynamoValue container, int i) {
        String name = names[i];
        if (name != null) {
            return container instanceof DynamoValue.M m ? m.values().get(name) : null;
        }
        if (container instanceof DynamoValue.L l) {
            int index = indexes[i];
            return index < l.values().size() ? l.values().get(index) : null;
        }
        return null;
    }

    /** How DynamoDB prints a path in messages: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String name = names[i];
            if (name != null) {
                sb.append(name);
            } else {
                sb.append('[').append(indexes[i]).append(']');
            }
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentPath other
                && Arrays.equals(names, other.names)
                && Arrays.equals(indexes, other.indexes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(indexes);
    }
}
