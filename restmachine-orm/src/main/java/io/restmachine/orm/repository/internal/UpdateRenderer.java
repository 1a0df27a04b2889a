package io.restmachine.orm.repository.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Update;
import io.restmachine.orm.convert.internal.CodecRegistry;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.IndexDef;
import io.restmachine.orm.model.internal.KeyDef;
import io.restmachine.orm.model.internal.Property;
import io.restmachine.orm.query.internal.Placeholders;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.ItemLayout;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Renders an {@link Update} as one UpdateExpression. Rejects (as violations) unknown fields, key
 * fields (changing them would move the item), the {@code @Version} field (managed by the ORM) and
 * a field changed twice. Adds {@code @UpdatedAt}, increments {@code @Version}, and keeps index
 * keys in step with the fields they read (recomputed when the update sets every field they need;
 * removed when it removes one, so the item leaves that sparse index).
 */
final class UpdateRenderer {
    private UpdateRenderer() {}

    static Expr render(
            EntityModel<?> model,
            CodecRegistry codecs,
            Map<String, Object> keyValues,
            Update update,
            Clock clock,
            Placeholders.Scope scope,
            List<String> violations) {
        ItemLayout layout = model.layout();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        List<String> add = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        Map<String, Object> newValues = new HashMap<>(keyValues);
        Set<String> removed = new HashSet<>();
        Set<String> opaque = new HashSet<>();
        String model_ = model.type().getSimpleName();
        for (Update.Action action : update.actions()) {
            String field = action.field();
            Property p = model.property(field);
            if (p == null) {
                violations.add(model.unknownField(field, "the update"));
                continue;
            }
            if (model.keyFields().contains(p.name())) {
                violations.add("the update changes '" + field + "', which the table key of " + model_
                        + " reads; an item can't change its key: delete it and create a new one");
                continue;
            }
            if (p.role() == Property.Role.VERSION) {
                violations.add("the update changes '" + field + "', the @Version field of " + model_
                        + ", which the ORM increments itself; leave it out");
                continue;
            }
            if (!touched.add(p.name())) {
                violations.add("the update changes '" + field + "' twice; DynamoDB allows one action per attribute");
                continue;
            }
            String name = scope.name(p.attribute());
            if (action instanceof Update.Action.Set s) {
                Object coerced = coerce(p, s.value(), violations);
                ItemValue v = coerced == null ? null : write(p, coerced, violations);
                if (coerced == null) {
                    continue;
                }
                if (v == null) {
                    remove.add(name);
                    removed.add(p.name());
                } else {
                    set.add(name + " = " + scope.value(v));
                    newValues.put(p.name(), coerced);
                }
            } else if (action instanceof Update.Action.SetIfAbsent s) {
                ItemValue v = convert(p, s.value(), violations);
                if (v != null) {
                    set.add(name + " = if_not_exists(" + name + ", " + scope.value(v) + ")");
                }
                opaque.add(p.name());
            } else if (action instanceof Update.Action.Add a) {
                ItemValue v = convert(p, a.amount(), violations);
                if (v instanceof ItemValue.N
                        || v instanceof ItemValue.SS
                        || v instanceof ItemValue.NS
                        || v instanceof ItemValue.BS) {
                    add.add(name + " " + scope.value(v));
                } else if (v != null) {
                    violations.add("add(\"" + field + "\", ...) needs a number or set field; '" + field + "' is "
                            + p.codec().describe() + " (use set(...) instead)");
                }
                opaque.add(p.name());
            } else if (action instanceof Update.Action.Append a) {
                ItemValue v = convert(p, a.values(), violations);
                if (v instanceof ItemValue.L) {
                    set.add(name + " = list_append(if_not_exists(" + name + ", "
                            + scope.value(new ItemValue.L(List.of())) + "), " + scope.value(v) + ")");
                } else if (v != null) {
                    violations.add("append(\"" + field + "\", ...) needs a list field; '" + field + "' is "
                            + p.codec().describe());
                }
                opaque.add(p.name());
            } else if (action instanceof Update.Action.DeleteElements d) {
                ItemValue v = convert(p, d.elements(), violations);
                if (v instanceof ItemValue.SS || v instanceof ItemValue.NS || v instanceof ItemValue.BS) {
                    delete.add(name + " " + scope.value(v));
                } else if (v != null) {
                    violations.add("delete(\"" + field + "\", ...) removes elements from a set; '" + field + "' is "
                            + p.codec().describe() + " (use remove(\"" + field + "\") to clear a field)");
                }
                opaque.add(p.name());
            } else {
                remove.add(name);
                removed.add(p.name());
            }
        }
        Property updatedAt = model.updatedAt();
        if (updatedAt != null && !touched.contains(updatedAt.name())) {
            Object now = updatedAt.codec().stored(WriteBuilder.now(updatedAt, clock));
            set.add(scope.name(updatedAt.attribute()) + " = "
                    + scope.value(updatedAt.codec().write(now)));
            newValues.put(updatedAt.name(), now);
            touched.add(updatedAt.name());
        }
        Property version = model.version();
        if (version != null) {
            String v = scope.name(version.attribute());
            set.add(v + " = if_not_exists(" + v + ", " + scope.value(ItemValue.n(0)) + ") + "
                    + scope.value(ItemValue.n(1)));
        }
        for (IndexDef index : model.indexes().values()) {
            indexKey(
                    model,
                    index.name(),
                    index.partitionKey(),
                    layout.indexPartitionKey(index.name()),
                    touched,
                    removed,
                    opaque,
                    newValues,
                    set,
                    remove,
                    scope,
                    violations,
                    index.sortKey() == null ? null : layout.indexSortKey(index.name()));
            if (index.sortKey() != null) {
                indexKey(
                        model,
                        index.name(),
                        index.sortKey(),
                        layout.indexSortKey(index.name()),
                        touched,
                        removed,
                        opaque,
                        newValues,
                        set,
                        remove,
                        scope,
                        violations,
                        null);
            }
        }
        if (update.actions().isEmpty()) {
            violations.add("the update has no actions: add set(...), add(...), remove(...), ... to it");
        }
        StringBuilder text = new StringBuilder();
        clause(text, "SET", set);
        clause(text, "REMOVE", remove);
        clause(text, "ADD", add);
        clause(text, "DELETE", delete);
        return scope.expr(text.toString());
    }

    private static void indexKey(
            EntityModel<?> model,
            String index,
            KeyDef key,
            String attribute,
            Set<String> touched,
            Set<String> removed,
            Set<String> opaque,
            Map<String, Object> newValues,
            List<String> set,
            List<String> remove,
            Placeholders.Scope scope,
            List<String> violations,
            @Nullable String alsoRemove) {
        Set<String> fields = key.fields();
        boolean affected = fields == null ? !touched.isEmpty() : fields.stream().anyMatch(touched::contains);
        if (!affected) {
            return;
        }
        if (fields != null && fields.stream().anyMatch(removed::contains)) {
            if (!remove.contains(scope.name(attribute))) {
                remove.add(scope.name(attribute));
            }
            if (alsoRemove != null && !remove.contains(scope.name(alsoRemove))) {
                remove.add(scope.name(alsoRemove));
            }
            return;
        }
        String value = fields == null || fields.stream().anyMatch(opaque::contains) ? null : key.computeFrom(newValues);
        if (value == null) {
            violations.add("the update changes a field that the " + key.describe() + " (index " + index + ") of "
                    + model.type().getSimpleName() + " reads, but the new index key can't be computed from the update"
                    + (fields == null ? "" : ": set every field it reads " + fields)
                    + "; or replace the whole item with save()");
            return;
        }
        set.add(scope.name(attribute) + " = " + scope.value(new ItemValue.S(value)));
    }

    private static void clause(StringBuilder text, String keyword, List<String> parts) {
        if (parts.isEmpty()) {
            return;
        }
        if (text.length() > 0) {
            text.append(' ');
        }
        text.append(keyword).append(' ').append(String.join(", ", parts));
    }

    private static @Nullable Object coerce(Property p, Object value, List<String> violations) {
        try {
            return p.codec().coerce(value);
        } catch (RuntimeException e) {
            violations.add("the value given for '" + p.name() + "' does not fit its type "
                    + p.codec().describe() + ": " + e.getMessage());
            return null;
        }
    }

    private static @Nullable ItemValue write(Property p, Object coerced, List<String> violations) {
        try {
            return p.codec().write(coerced);
        } catch (RuntimeException e) {
            violations.add("the value given for '" + p.name() + "' can't be stored: " + e.getMessage());
            return null;
        }
    }

    private static @Nullable ItemValue convert(Property p, Object value, List<String> violations) {
        Object coerced = coerce(p, value, violations);
        if (coerced == null) {
            return null;
        }
        ItemValue v = write(p, coerced, violations);
        if (v == null && !violations.isEmpty()) {
            return null;
        }
        if (v == null) {
            violations.add("the value given for '" + p.name() + "' is empty; DynamoDB can't store an empty set");
        }
        return v;
    }
}
