package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.protocol.Shape.Constraint;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks a request body against its {@link Shape} the way DynamoDB's front end does: JSON types
 * first (a {@code SerializationException} naming the Java type that could not be read), then the
 * declared constraints ("1 validation error detected: Value ... at 'path' failed to satisfy
 * constraint: ..."). Returns the body reduced to the declared members, booleans normalised.
 */
public final class RequestChecker {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_ERRORS = 10;
    private static final Map<String, java.util.regex.Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Shape.Struct ATTRIBUTE_MEMBERS = attributeMembers(true);
    private static final Shape.Struct ATTRIBUTE_FIELD_MEMBERS = attributeMembers(false);

    private RequestChecker() {}

    /** Type-checks and validates {@code body}; throws {@link EngineException} on the first failure. */
    public static ObjectNode check(JsonNode body, Shape.Struct shape) {
        ObjectNode data = checkStruct(body.isObject() ? body : NODES.objectNode(), shape);
        validate(data, shape);
        return data;
    }

    private static Shape.Struct attributeMembers(boolean value) {
        Shape attribute = new Shape.Attribute(true, List.of());
        Map<String, Shape> members = new LinkedHashMap<>();
        members.put("S", Shapes.string());
        members.put("B", new Shape.Scalar(Shape.Kind.BLOB, List.of()));
        members.put("N", Shapes.string());
        members.put("BOOL", Shapes.bool());
        members.put("NULL", Shapes.bool());
        members.put("BS", Shapes.list(new Shape.Scalar(Shape.Kind.BLOB, List.of())));
        members.put("NS", Shapes.list(Shapes.string()));
        members.put("SS", Shapes.list(Shapes.string()));
        members.put("L", Shapes.list(attribute));
        members.put("M", Shapes.map(attribute, "AttributeValue"));
        return new Shape.Struct("AttributeValue", value, members, List.of());
    }

    // ---- types -------------------------------------------------------------------------------

    private static EngineException typeError(String message) {
        return new DynamoError(ErrorType.SERIALIZATION, message).toException();
    }

    private static ObjectNode checkStruct(JsonNode node, Shape.Struct shape) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, Shape> member : shape.members().entrySet()) {
            JsonNode value = node.get(member.getKey());
            if (value == null || value.isNull()) {
                continue;
            }
            JsonNode checked = checkType(value, member.getValue());
            if (checked != null) {
                out.set(member.getKey(), checked);
            }
        }
        return out;
    }

    private static @Nullable JsonNode checkType(JsonNode value, Shape shape) {
        if (value.isNull()) {
            return null;
        }
        if (shape instanceof Shape.Scalar scalar) {
            return checkScalar(value, scalar.kind());
        }
        if (shape instanceof Shape.ListOf list) {
            if (value.isValueNode()) {
                throw typeError(
                        list.parameterized()
                                ? "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast"
                                        + " to class java.lang.Class (sun.reflect.generics.reflectiveObjects."
                                        + "ParameterizedTypeImpl and java.lang.Class are in module java.base of"
                                        + " loader 'bootstrap')"
                                : "Unexpected field type");
            }
            if (!value.isArray()) {
                throw typeError("Start of structure or map found where not expected");
            }
            ArrayNode out = NODES.arrayNode(value.size());
            for (JsonNode child : value) {
                JsonNode checked = checkType(child, list.element());
                out.add(checked == null ? NODES.nullNode() : checked);
            }
            return out;
        }
        if (shape instanceof Shape.MapOf map) {
            if (value.isValueNode()) {
                throw typeError(
                        map.parameterized()
                                ? "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast"
                                        + " to class java.lang.Class (sun.reflect.generics.reflectiveObjects."
                                        + "ParameterizedTypeImpl and java.lang.Class are in module java.base of"
                                        + " loader 'bootstrap')"
                                : "Unexpected field type");
            }
            if (value.isArray()) {
                String type = map.valueType().contains(".")
                        ? map.valueType()
                        : "com.amazonaws.dynamodb.v20120810." + map.valueType();
                throw typeError("Unrecognized collection type java.util.Map<java.lang.String, " + type + ">");
            }
            ObjectNode out = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode checked = checkType(field.getValue(), map.value());
                out.set(field.getKey(), checked == null ? NODES.nullNode() : checked);
            }
            return out;
        }
        if (shape instanceof Shape.Struct struct) {
            checkStructure(value, struct.value(), struct.name());
            return checkStruct(value, struct);
        }
        Shape.Attribute attribute = (Shape.Attribute) shape;
        checkStructure(value, attribute.value(), "AttributeValue");
        return checkStruct(value, attribute.value() ? ATTRIBUTE_MEMBERS : ATTRIBUTE_FIELD_MEMBERS);
    }

    private static void checkStructure(JsonNode value, boolean isValue, String name) {
        if (value.isValueNode()) {
            throw typeError(isValue ? "Unexpected value type in payload" : "Unexpected field type");
        }
        if (value.isArray()) {
            throw typeError("Unrecognized collection type class com.amazonaws.dynamodb.v20120810." + name);
        }
    }

    private static JsonNode checkScalar(JsonNode value, Shape.Kind kind) {
        String type = kind.javaName;
        switch (kind) {
            case BOOLEAN -> {
                if (value.isNumber()) {
                    throw typeError(numberKind(value) + " cannot be converted to " + type);
                }
                if (value.isTextual()) {
                    String text = value.asText().toUpperCase(java.util.Locale.ROOT);
                    if (text.equals("TRUE") || text.equals("1") || text.equals("YES")) {
                        return BooleanNode.TRUE;
                    }
                    if (text.equals("FALSE") || text.equals("0") || text.equals("NO")) {
                        return BooleanNode.FALSE;
                    }
                    throw typeError("Unexpected token received from parser");
                }
                rejectContainer(value, "java.lang." + type);
                return value;
            }
            case INTEGER, LONG, DOUBLE -> {
                if (value.isBoolean()) {
                    throw typeError(
                            (value.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to " + type);
                }
                if (value.isTextual()) {
                    throw typeError("STRING_VALUE cannot be converted to " + type);
                }
                rejectContainer(value, "java.lang." + type);
                if (kind != Shape.Kind.DOUBLE && !value.canConvertToExactIntegral()) {
                    double floored = Math.floor(value.doubleValue());
                    return floored >= Long.MIN_VALUE && floored <= Long.MAX_VALUE
                            ? NODES.numberNode((long) floored)
                            : NODES.numberNode(floored);
                }
                return value;
            }
            case STRING -> {
                if (value.isBoolean()) {
                    throw typeError(
                            (value.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to " + type);
                }
                if (value.isNumber()) {
                    throw typeError(numberKind(value) + " cannot be converted to " + type);
                }
                rejectContainer(value, "java.lang." + type);
                return value;
            }
            default -> {
                if (value.isBoolean() || value.isNumber()) {
                    throw typeError("only base-64-encoded strings are convertible to bytes");
                }
                rejectContainer(value, "java.nio.ByteBuffer");
                String text = value.asText();
                if (text.length() % 4 != 0) {
                    throw typeError(
                            "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
                }
                try {
                    byte[] bytes = Base64.getDecoder().decode(text);
                    if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
                        throw typeError("Invalid last non-pad Base64 character dectected");
                    }
                } catch (IllegalArgumentException e) {
                    throw typeError("Invalid last non-pad Base64 character dectected");
                }
                return value;
            }
        }
    }

    private static String numberKind(JsonNode value) {
        return value.isIntegralNumber() || value.doubleValue() % 1 == 0 ? "NUMBER_VALUE" : "DECIMAL_VALUE";
    }

    private static void rejectContainer(JsonNode value, String javaClass) {
        if (value.isArray()) {
            throw typeError("Unrecognized collection type class " + javaClass);
        }
        if (value.isObject()) {
            throw typeError("Start of structure or map found where not expected");
        }
    }

    // ---- constraints -------------------------------------------------------------------------

    private static void validate(ObjectNode data, Shape.Struct shape) {
        for (Map.Entry<String, Shape> member : shape.members().entrySet()) {
            JsonNode value = data.get(member.getKey());
            for (Constraint constraint : member.getValue().constraints()) {
                if (constraint instanceof Constraint.Required && value == null) {
                    throw EngineException.validation(
                            "The parameter '" + member.getKey() + "' is required but was not present in the request");
                }
                if (constraint instanceof Constraint.TableNameLength && value != null) {
                    int length = value.asText().length();
                    if (length < 3 || length > 255) {
                        throw EngineException.validation(member.getKey()
                                + " must be at least 3 characters long and at most 255 characters long");
                    }
                }
            }
        }
        List<String> errors = new ArrayList<>();
        validateMembers(data, shape, "", errors);
        if (!errors.isEmpty()) {
            throw EngineException.validation(errors.size() + " validation error" + (errors.size() > 1 ? "s" : "")
                    + " detected: " + String.join("; ", errors));
        }
    }

    private static void validateMembers(JsonNode data, Shape.Struct shape, String parent, List<String> errors) {
        for (Map.Entry<String, Shape> member : shape.members().entrySet()) {
            JsonNode value = data.get(member.getKey());
            validateMember(
                    member.getKey(), value == null || value.isNull() ? null : value, member.getValue(), parent, errors);
        }
    }

    private static void validateMember(
            String name, @Nullable JsonNode value, Shape shape, String parent, List<String> errors) {
        for (Constraint constraint : shape.constraints()) {
            if (errors.size() >= MAX_ERRORS) {
                return;
            }
            if (!(constraint instanceof Constraint.NotNull) && value == null) {
                continue;
            }
            checkConstraint(constraint, name, value, parent, errors);
        }
        if (value == null || errors.size() >= MAX_ERRORS) {
            return;
        }
        String path = (parent.isEmpty() ? "" : parent + ".") + lowerFirst(name);
        if (shape instanceof Shape.ListOf list) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode child = value.get(i);
                validateMember("member", child.isNull() ? null : child, list.element(), path + "." + (i + 1), errors);
            }
        } else if (shape instanceof Shape.MapOf map) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode child = field.getValue();
                validateMember(
                        "member", child.isNull() ? null : child, map.value(), path + "." + field.getKey(), errors);
            }
        } else if (shape instanceof Shape.Struct struct) {
            validateMembers(value, struct, path, errors);
        }
    }

    private static void checkConstraint(
            Constraint constraint, String name, @Nullable JsonNode value, String parent, List<String> errors) {
        String failure = failure(constraint, value);
        if (failure != null) {
            errors.add(error(failure, value, parent, name));
        } else if (constraint instanceof Constraint.Keys keys && value != null) {
            Iterator<String> names = value.fieldNames();
            while (names.hasNext()) {
                String key = names.next();
                if (!keys.constraints().stream().allMatch(c -> failure(c, NODES.textNode(key)) == null)) {
                    errors.add(error(
                            "Map keys must satisfy constraint: [" + describe(keys.constraints()) + "]",
                            value,
                            parent,
                            name));
                }
            }
        } else if (constraint instanceof Constraint.Values values && value != null) {
            for (JsonNode child : value) {
                if (!values.constraints().stream().allMatch(c -> failure(c, child) == null)) {
                    errors.add(error(
                            "Map value must satisfy constraint: [" + describe(values.constraints()) + "]",
                            value,
                            parent,
                            name));
                }
            }
        }
    }

    private static String describe(List<Constraint> constraints) {
        return constraints.stream().map(RequestChecker::text).collect(Collectors.joining(", "));
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

    private static @Nullable String failure(Constraint constraint, @Nullable JsonNode value) {
        if (constraint instanceof Constraint.NotNull) {
            return value == null ? text(constraint) : null;
        }
        if (value == null) {
            return null;
        }
        if (constraint instanceof Constraint.Min c) {
            return value.isNumber() && value.doubleValue() >= c.value() ? null : text(c);
        }
        if (constraint instanceof Constraint.Max c) {
            return value.isNumber() && value.doubleValue() <= c.value() ? null : text(c);
        }
        if (constraint instanceof Constraint.Pattern c) {
            return PATTERNS.computeIfAbsent(c.regex(), java.util.regex.Pattern::compile)
                            .matcher(value.asText())
                            .matches()
                    ? null
                    : text(c);
        }
        if (constraint instanceof Constraint.MinLength c) {
            return length(value) >= c.value() ? null : text(c);
        }
        if (constraint instanceof Constraint.MaxLength c) {
            return length(value) <= c.value() ? null : text(c);
        }
        if (constraint instanceof Constraint.OneOf c) {
            return c.values().contains(value.asText()) ? null : text(c);
        }
        return null;
    }

    private static int length(JsonNode value) {
        return value.isContainerNode() ? value.size() : value.asText().length();
    }

    private static String error(String message, @Nullable JsonNode value, String parent, String name) {
        String shown = value == null ? "null" : "'" + valueText(value) + "'";
        return "Value " + shown + " at '" + (parent.isEmpty() ? "" : parent + ".") + lowerFirst(name)
                + "' failed to satisfy constraint: " + message;
    }

    /** How DynamoDB shows a value in a validation message. */
    static String valueText(JsonNode value) {
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(child -> parts.add(child.isNull() ? "null" : valueText(child)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value.isObject()) {
            return value.toString();
        }
        return value.asText();
    }

    static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
