package io.restmachine.orm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The items of several entity types read together, typically one partition of a single-table
 * design: a user's profile, orders and to-do items from one DynamoDB Query.
 *
 * <pre>{@code
 * ItemCollection alice = backend.collection(User.class, Order.class, TodoItem.class)
 *         .partition("USER#alice")
 *         .list();
 * Optional<User> profile = alice.one(User.class);
 * List<Order> orders = alice.all(Order.class);
 * }</pre>
 *
 * <p>Immutable. Only the model classes the collection was read with can be asked for: asking for
 * another is a mistake in the code, not an empty answer.
 */
public final class ItemCollection {
    private final List<Class<?>> types;
    private final List<Object> items;

    private ItemCollection(List<Class<?>> types, List<Object> items) {
        this.types = types;
        this.items = items;
    }

    /**
     * A collection of these items, each an instance of one of {@code types}, in the order given.
     * Throws {@link IllegalArgumentException} for an item of another class.
     */
    public static ItemCollection of(List<Class<?>> types, List<?> items) {
        List<Class<?>> listed = List.copyOf(new LinkedHashSet<>(types));
        if (listed.isEmpty()) {
            throw new IllegalArgumentException("an item collection needs at least one model class");
        }
        List<Object> copy = List.copyOf(items);
        for (Object item : copy) {
            if (!listed.contains(item.getClass())) {
                throw new IllegalArgumentException(
                        "item of " + item.getClass().getName() + " is not of the collection's types " + names(listed));
            }
        }
        return new ItemCollection(listed, copy);
    }

    /**
     * The item of this type, or empty if there is none; throws {@link MultipleItemsException} when
     * there are several (use {@link #all} for types with many items), and {@link
     * IllegalArgumentException} when the collection was not read with this type.
     */
    public <T> Optional<T> one(Class<T> type) {
        List<T> found = all(type);
        if (found.size() > 1) {
            throw new MultipleItemsException(type, found.size());
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The items of this type in sort-key order (empty if there are none); throws {@link
     * IllegalArgumentException} when the collection was not read with this type.
     */
    public <T> List<T> all(Class<T> type) {
        requireListed(type);
        List<T> out = new ArrayList<>();
        for (Object item : items) {
            if (item.getClass() == type) {
                out.add(type.cast(item));
            }
        }
        return List.copyOf(out);
    }

    /** Every item as an instance of its own model class, in the order read (sort-key order). */
    public List<Object> items() {
        return items;
    }

    /** The model classes this collection was read with. */
    public List<Class<?>> types() {
        return types;
    }

    /** How many items the collection holds. */
    public int size() {
        return items.size();
    }

    /** Whether the collection holds no item. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    private void requireListed(Class<?> type) {
        Objects.requireNonNull(type, "type");
        if (!types.contains(type)) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not one of this collection's types "
                    + names(types) + ": add it to collection(...) to read its items");
        }
    }

    private static List<String> names(List<Class<?>> types) {
        List<String> names = new ArrayList<>(types.size());
        for (Class<?> t : types) {
            names.add(t.getSimpleName());
        }
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemCollection other && types.equals(other.types) && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return Objects.hash(types, items);
    }

    /** Short: the types and how many items of each, never the items themselves. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ItemCollection[");
        for (int i = 0; i < types.size(); i++) {
            Class<?> t = types.get(i);
            long n = items.stream().filter(item -> item.getClass() == t).count();
            s.append(i == 0 ? "" : ", ").append(t.getSimpleName()).append('=').append(n);
        }
        return s.append(']').toString();
    }
}
