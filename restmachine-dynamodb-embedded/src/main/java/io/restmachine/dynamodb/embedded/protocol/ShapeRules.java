package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.protocol.Shape.Constraint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The declared constraints of a decoded request, checked as DynamoDB's front end checks them:
 * first {@code Required} on its own, then every other constraint collected into one "N validation
 * errors detected: Value ... at 'path' failed to satisfy constraint: ..." (at most ten). A table
 * name's length is one of those (today's wording, issue 13 item 10); an empty table name gets the
 * length error alone, not the pattern's as well.
 */
final class ShapeRules {
    private static final int MAX_ERRORS = 10;
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private ShapeRules() {}

    /** Throws the ValidationException DynamoDB answers for the first broken constraints. */
    static void check(Fields data, Shape.Struct shape) {
        for (Map.Entry<String, Shape> member : shape.members().entrySet()) {
            Object value = data.get(member.getKey());
            for (Constraint constraint : member.getValue().constraints()) {
                if (constraint instanceof Constraint.Required required
                        && (value == null || (required.orEmpty() && length(value) == 0))) {
                    throw EngineException.validation(
                            required.message() != null
                                    ? required.message()
                                    : "The parameter '" + member.getKey()
                                            + "' is required but was not present in the request");
                }
            }
        }
        List<String> errors = new ArrayList<>();
        members(data, shape, Path.ROOT, errors);
        if (!errors.isEmpty()) {
            throw EngineException.validation(errors.size() + " validation error" + (errors.size() > 1 ? "s" : "")
                    + " detected: " + String.join("; ", errors));
        }
    }

    /**
     * Where a member is, in the two spellings of DynamoDB's messages: {@code lower} as its older
     * validation names it ({@code requestItems.T.member.keys}), {@code raw} as written in the
     * request, which {@link Constraint.Reworded} members use ({@code RequestItems.T.member.Keys}).
     */
    private record Path(String lower, String raw) {
        static final Path ROOT = new Path("", "");

        Path child(String name) {
            return new Path(join(lower, lowerFirst(name)), join(raw, name));
        }

        Path step(Object key) {
            return new Path(lower + "." + key, raw + "." + key);
        }

        private static String join(String parent, String name) {
            return parent.isEmpty() ? name : parent + "." + name;
        }
    }

    private static void members(Fields data, Shape.Struct shape, Path parent, List<String> errors) {
        for (Map.Entry<String, Shape> member : shape.members().entrySet()) {
            member(member.getKey(), data.get(member.getKey()), member.getValue(), parent, errors);
        }
    }

    private static void member(String name, @Nullable Object value, Shape shape, Path parent, List<String> errors) {
        for (Constraint constraint : shape.constraints()) {
            if (errors.size() >= MAX_ERRORS) {
                return;
            }
            Constraint checked =
                    constraint instanceof Constraint.Reworded reworded ? reworded.constraint() : constraint;
            if (!(checked instanceof Constraint.NotNull) && value == null) {
                continue;
            }
            if (constraint instanceof Constraint.Pattern && emptyTableName(shape, value)) {
                continue;
            }
            constraint(constraint, name, value, shape, parent, errors);
        }
        // Nothing below a leaf, or a list or map of leaves without constraints (an item's
        // attributes), can fail: skip building their paths (a fifth of the server's CPU on PutItem).
        if (value == null || errors.size() >= MAX_ERRORS || unchecked(shape)) {
            return;
        }
        Path path = parent.child(name);
        if (shape instanceof Shape.ListOf list) {
            List<?> elements = (List<?>) value;
            for (int i = 0; i < elements.size(); i++) {
                // A JSON null in a list of structures reads as an empty structure, here as in the
                // per-action decoders, so its required members are reported rather than skipped.
                Object element = elements.get(i) == null && list.element() instanceof Shape.Struct
                        ? Fields.EMPTY
                        : elements.get(i);
                member("member", element, list.element(), path.step(i + 1), errors);
            }
        } else if (shape instanceof Shape.MapOf map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                member("member", entry.getValue(), map.value(), path.step(entry.getKey()), errors);
            }
        } else if (shape instanceof Shape.Struct struct) {
            members((Fields) value, struct, path, errors);
        }
    }

    /** Whether nothing inside a value of {@code shape} has a constraint to check. */
    private static boolean unchecked(Shape shape) {
        if (shape instanceof Shape.ListOf list) {
            return leaf(list.element()) && list.element().constraints().isEmpty();
        }
        if (shape instanceof Shape.MapOf map) {
            return leaf(map.value()) && map.value().constraints().isEmpty();
        }
        return leaf(shape);
    }

    private static boolean leaf(Shape shape) {
        return shape instanceof Shape.Scalar || shape instanceof Shape.Attribute;
    }

    private static void constraint(
            Constraint constraint, String name, @Nullable Object value, Shape shape, Path parent, List<String> errors) {
        if (constraint instanceof Constraint.Reworded reworded) {
            String failure = failure(reworded.constraint(), value);
            if (failure != null) {
                errors.add("Value at '" + parent.child(name).raw() + "' failed to satisfy constraint: " + failure);
            }
            return;
        }
        String failure = failure(constraint, value);
        if (failure != null) {
            errors.add(error(failure, value, shape, parent, name));
        } else if (constraint instanceof Constraint.Keys keys && value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!keys.constraints().stream().allMatch(c -> failure(c, key) == null)) {
                    errors.add(error(
                            "Map keys must satisfy constraint: [" + describe(keys.constraints()) + "]",
                            value,
                            shape,
                            parent,
                            name));
                }
            }
        } else if (constraint instanceof Constraint.Values values && value != null) {
            for (Object child : children(value)) {
                // A JSON null among the values reads as the text "null" here, as DynamoDB's does.
                Object checked = child == null ? "null" : child;
                if (!values.constraints().stream().allMatch(c -> failure(c, checked) == null)) {
                    errors.add(error(
                            "Map value must satisfy constraint: [" + describe(values.constraints()) + "]",
                            value,
                            shape,
                            parent,
                            name));
                }
            }
        }
    }

    private static boolean emptyTableName(Shape shape, @Nullable Object value) {
        return value != null
                && Wire.text(value).isEmpty()
                && shape.constraints().stream().anyMatch(Constraint.TableNameLength.class::isInstance);
    }

    private static Collection<?> children(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Fields fields) {
            return fields.values().values();
        }
        return List.of();
    }

    private static String describe(List<Constraint> constraints) {
        return constraints.stream().map(ShapeRules::text).collect(Collectors.joining(", "));
    }

    private static String text(Constraint constraint) {
        if (constraint instanceof Constraint.MinLength c) {
            return "Member must have length greater than or equal to " + c.value();
        }
        if (constraint instanceof Constraint.MaxLength c) {
            return "Member must have length less than or equal to " + c.value();
        }
        if (constraint instanceof Constraint.Pattern c) {
            return "Member must satisfy regular expression pattern: " + c.regex();
        }
        if (constraint instanceof Constraint.Min c) {
            return "Member must have value greater than or equal to " + c.value();
        }
        if (constraint instanceof Constraint.Max c) {
            return "Member must have value less than or equal to " + c.value();
        }
        if (constraint instanceof Constraint.OneOf c) {
            return "Member must satisfy enum value set: [" + String.join(", ", c.values()) + "]";
        }
        return "Member must not be null";
    }

    private static @Nullable String failure(Constraint constraint, @Nullable Object value) {
        if (constraint instanceof Constraint.NotNull) {
            return value == null ? text(constraint) : null;
        }
        if (value == null) {
            return null;
        }
        if (constraint instanceof Constraint.Min c) {
            return value instanceof Number n && n.doubleValue() >= c.value() ? null : text(c);
        }
        if (constraint instanceof Constraint.Max c) {
            return value instanceof Number n && n.doubleValue() <= c.value() ? null : text(c);
        }
        if (constraint instanceof Constraint.Pattern c) {
            return PATTERNS.computeIfAbsent(c.regex(), Pattern::compile)
                            .matcher(Wire.text(value))
                            .matches()
                    ? null
                    : text(c);
        }
        if (constraint instanceof Constraint.TableNameLength) {
            int length = length(value);
            return length < 3
                    ? text(new Constraint.MinLength(3))
                    : length > 255 ? text(new Constraint.MaxLength(255)) : null;
        }
        if (constraint instanceof Constraint.MinLength c) {
            return length(value) >= c.value() ? null : text(c);
        }
        if (constraint instanceof Constraint.MaxLength c) {
            return length(value) <= c.value() ? null : text(c);
        }
        if (constraint instanceof Constraint.OneOf c) {
            return c.values().contains(Wire.text(value)) ? null : text(c);
        }
        return null;
    }

    private static int length(Object value) {
        if (value instanceof List<?> list) {
            return list.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        if (value instanceof Fields fields) {
            return fields.size();
        }
        if (value instanceof RawAttribute attribute) {
            return attribute.size();
        }
        return Wire.text(value).length();
    }

    private static String error(String message, @Nullable Object value, Shape shape, Path parent, String name) {
        String shown = value == null ? "null" : "'" + Wire.shown(value, shape) + "'";
        return "Value " + shown + " at '" + parent.child(name).lower() + "' failed to satisfy constraint: " + message;
    }

    static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
