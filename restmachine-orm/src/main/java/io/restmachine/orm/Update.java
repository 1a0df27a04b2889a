package io.restmachine.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable partial update, sent as one DynamoDB UpdateExpression. Every step returns a new
 * update.
 *
 * <pre>{@code
 * users.update(key, u -> u.set("name", "Bob").add("logins", 1).remove("nickname"));
 * }</pre>
 */
public final class Update {
    private static final Update EMPTY = new Update(List.of(), null);

    private final List<Action> actions;
    private final @Nullable Condition condition;

    private Update(List<Action> actions, @Nullable Condition condition) {
        this.actions = List.copyOf(actions);
        this.condition = condition;
    }

    /** An update with no actions. */
    public static Update empty() {
        return EMPTY;
    }

    /** Sets a field to a value. */
    public Update set(String field, Object value) {
        return with(new Action.Set(field, value));
    }

    /** Sets a field only if it has no value yet ({@code if_not_exists}). */
    public Update setIfAbsent(String field, Object value) {
        return with(new Action.SetIfAbsent(field, value));
    }

    /** Adds to a number, or adds elements to a set. */
    public Update add(String field, Object amount) {
        return with(new Action.Add(field, amount));
    }

    /** Appends elements to a list ({@code list_append}). */
    public Update append(String field, List<?> values) {
        return with(new Action.Append(field, List.copyOf(values)));
    }

    /** Removes elements from a set. */
    public Update delete(String field, Object elements) {
        return with(new Action.DeleteElements(field, elements));
    }

    /** Removes a field. */
    public Update remove(String field) {
        return with(new Action.Remove(field));
    }

    /** Applies the update only if this condition holds ({@link ConditionFailedException} otherwise). */
    public Update onlyIf(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        return new Update(actions, this.condition == null ? condition : this.condition.and(condition));
    }

    /** The actions, in the order given. */
    public List<Action> actions() {
        return actions;
    }

    /** The extra condition, or null. */
    public @Nullable Condition condition() {
        return condition;
    }

    private Update with(Action action) {
        List<Action> next = new ArrayList<>(actions);
        next.add(action);
        return new Update(next, condition);
    }

    /** One action of an update. */
    public sealed interface Action {
        /** The model field the action changes. */
        String field();

        record Set(String field, Object value) implements Action {
            public Set {
                Objects.requireNonNull(field, "field");
                Objects.requireNonNull(value, () -> "value set on '" + field + "' (use remove(field) to clear it)");
            }
        }

        record SetIfAbsent(String field, Object value) implements Action {
            public SetIfAbsent {
                Objects.requireNonNull(field, "field");
                Objects.requireNonNull(value, () -> "value set on '" + field + "'");
            }
        }

        record Add(String field, Object amount) implements Action {
            public Add {
                Objects.requireNonNull(field, "field");
                Objects.requireNonNull(amount, () -> "amount added to '" + field + "'");
            }
        }

        record Append(String field, List<Object> values) implements Action {
            public Append {
                Objects.requireNonNull(field, "field");
                values = List.copyOf(values);
            }
        }

        record DeleteElements(String field, Object elements) implements Action {
            public DeleteElements {
                Objects.requireNonNull(field, "field");
                Objects.requireNonNull(elements, () -> "elements deleted from '" + field + "'");
            }
        }

        record Remove(String field) implements Action {
            public Remove {
                Objects.requireNonNull(field, "field");
            }
        }
    }
}
