package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.value.WellFormedText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request body in one streaming pass, checking each member's JSON type against the
 * action's {@link Shape.Struct} as DynamoDB's front end does: malformed JSON anywhere is a
 * {@code SerializationException} without a message; otherwise the first type mismatch (members
 * in the shape's order, list and map entries in the document's order) is a
 * {@code SerializationException} naming the Java type that could not be read. The result keeps
 * only the declared members, booleans normalised; {@link ShapeRules} then checks the declared
 * constraints on it.
 *
 * <p>Every string the request carries (member names, values, map keys, attribute values, and the
 * strings of members it skips) passes through {@link #string}, the one place a check on decoded
 * text belongs: there {@link WellFormedText} refuses an unpaired surrogate, which has no UTF-8 form
 * (a {@code SerializationException}, after malformed JSON and before any type mismatch).
 */
final class RequestDecoder {
    private static final Shape BLOB = new Shape.Scalar(Shape.Kind.BLOB, List.of());
    private static final Shape STRING = new Shape.Scalar(Shape.Kind.STRING, List.of());
    private static final Shape ELEMENT = new Shape.Attribute(true, List.of());
    /** The shapes of an attribute value's members, in {@link RawAttribute#TYPES}' order. */
    private static final Shape[] ATTRIBUTE_MEMBERS = {
        STRING,
        BLOB,
        STRING,
        new Shape.Scalar(Shape.Kind.BOOLEAN, List.of()),
        new Shape.Scalar(Shape.Kind.BOOLEAN, List.of()),
        new Shape.ListOf(BLOB, List.of()),
        new Shape.ListOf(STRING, List.of()),
        new Shape.ListOf(STRING, List.of()),
        new Shape.ListOf(ELEMENT, List.of()),
        new Shape.MapOf(ELEMENT, "AttributeValue", List.of())
    };

    /**
     * DynamoDB's limit on nested attribute values, counting a top-level attribute as level 1: a
     * scalar inside 31 maps or lists is the deepest value accepted.
     */
    static final int MAX_ATTRIBUTE_DEPTH = 32;

    static final String NESTING_TOO_DEEP = "Nesting Levels have exceeded supported limits: Attributes in the item"
            + " have nested levels beyond supported limit";

    /**
     * JSON nested deeper than this is malformed. It leaves room for 32 attribute levels (two JSON
     * levels each) under the deepest request member (BatchWriteItem's items), so that a value past
     * {@link #MAX_ATTRIBUTE_DEPTH} is answered as DynamoDB answers it; the decoder's recursion stays
     * bounded by the shapes and MAX_ATTRIBUTE_DEPTH, and anything deeper is skipped ({@link #skip})
     * without recursion.
     */
    static final int MAX_JSON_DEPTH = 1000;

    /** The parser settings of every request body: DynamoDB's 16 MB and {@link #MAX_JSON_DEPTH}. */
    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(ProtocolHandler.MAX_BODY_BYTES)
                    .maxNestingDepth(MAX_JSON_DEPTH)
                    .build())
            .build();

    private final JsonParser parser;
    /** How many attribute values enclose the one being read. */
    private int attributeDepth;

    private boolean tooDeep;
    /** The first string without a UTF-8 form, thrown once the body is known to be well-formed JSON. */
    private @Nullable EngineException illFormed;

    private RequestDecoder(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Decodes the body behind {@code parser} (positioned before its first token) against
     * {@code shape}; a body that is not a JSON object reads as an empty one.
     */
    static Fields decode(JsonParser parser, Shape.Struct shape) {
        try {
            RequestDecoder decoder = new RequestDecoder(parser);
            JsonToken token = parser.nextToken();
            if (token == null) {
                return Fields.EMPTY;
            }
            if (token != JsonToken.START_OBJECT) {
                decoder.skip();
                decoder.requireWellFormedText();
                return Fields.EMPTY;
            }
            Object fields = decoder.struct(shape, shape.members().size());
            decoder.requireWellFormedText();
            if (fields instanceof Mismatch mismatch) {
                throw new DynamoError(ErrorType.SERIALIZATION, mismatch.message()).toException();
            }
            if (decoder.tooDeep) {
                throw EngineException.validation(NESTING_TOO_DEEP);
            }
            return (Fields) fields;
        } catch (IOException e) {
            // Syntax errors and broken read constraints alike: the body is read from memory.
            throw malformed();
        }
    }

    /**
     * Reads past one JSON value, checking its syntax and its strings (the checks DynamoDB makes
     * before the operation is known): a {@code SerializationException} if either fails.
     */
    static void requireWellFormed(JsonParser parser) {
        try (parser) {
            RequestDecoder decoder = new RequestDecoder(parser);
            if (parser.nextToken() != null) {
                decoder.skip();
            }
            decoder.requireWellFormedText();
        } catch (IOException e) {
            throw malformed();
        }
    }

    private void requireWellFormedText() {
        if (illFormed != null) {
            throw illFormed;
        }
    }

    /** Reads past the current value, passing each of its strings through {@link #string}. */
    private void skip() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            string();
            return;
        }
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            token = parser.nextToken();
            if (token == null) {
                throw malformed();
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                string();
            }
        }
    }

    private static EngineException malformed() {
        return new DynamoError(ErrorType.SERIALIZATION, "").toException();
    }

    /** The one place decoded strings pass through. */
    private String string() throws IOException {
        String text = parser.getText();
        if (illFormed == null && WellFormedText.firstUnpairedSurrogate(text) >= 0) {
            try {
                WellFormedText.require(
                        text,
                        parser.currentToken() == JsonToken.FIELD_NAME
                                ? "a member name of the request"
                                : "a string of the request");
            } catch (EngineException e) {
                illFormed = e;
            }
        }
        return text;
    }

    /** A type mismatch, carried up as a value so that the rest of the body is still read. */
    private record Mismatch(String message) {}

    /** The members of the object whose START_OBJECT was just read; a Mismatch or Fields. */
    private Object struct(Shape.Struct shape, int count) throws IOException {
        Map<String, Shape> members = shape.members();
        Object[] slots = new Object[count];
        String[] names = new String[count];
        int index;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = string();
            Shape member = members.get(name);
            token = parser.nextToken();
            if (member == null) {
                skip();
                continue;
            }
            index = indexOf(members, name);
            names[index] = name;
            slots[index] = token == JsonToken.VALUE_NULL ? null : value(token, member);
        }
        Map<String, Object> values = null;
        for (int i = 0; i < count; i++) {
            if (slots[i] instanceof Mismatch mismatch) {
                return mismatch;
            }
            if (slots[i] != null) {
                if (values == null) {
                    values = new LinkedHashMap<>(Math.max(4, count * 2));
                }
                values.put(names[i], slots[i]);
            }
        }
        return values == null ? Fields.EMPTY : new Fields(values);
    }

    private static int indexOf(Map<String, Shape> members, String name) {
        int i = 0;
        for (String key : members.keySet()) {
            if (key.equals(name)) {
                return i;
            }
            i++;
        }
        throw new IllegalStateException(name);
    }

    /** One non-null value of {@code shape}: the decoded value or a Mismatch. */
    private Object value(JsonToken token, Shape shape) throws IOException {
        if (token == JsonToken.VALUE_STRING && !(shape instanceof Shape.Scalar)) {
            string(); // a mismatch, but its text is still checked
        }
        if (shape instanceof Shape.Scalar scalar) {
            return scalar(token, scalar.kind());
        }
        if (shape instanceof Shape.ListOf list) {
            if (token.isScalarValue()) {
                return new Mismatch("Unexpected field type");
            }
            if (token != JsonToken.START_ARRAY) {
                skip();
                return new Mismatch("Start of structure or map found where not expected");
            }
            return list(list.element());
        }
        if (shape instanceof Shape.MapOf map) {
            if (token.isScalarValue()) {
                return new Mismatch("Unexpected field type");
            }
            if (token == JsonToken.START_ARRAY) {
                skip();
                String type = map.valueType().contains(".")
                        ? map.valueType()
                        : "com.amazonaws.dynamodb.v20120810." + map.valueType();
                return new Mismatch("Unrecognized collection type java.util.Map<java.lang.String, " + type + ">");
            }
            return map(map.value());
        }
        if (shape instanceof Shape.Struct struct) {
            Mismatch mismatch = structure(token, struct.value(), struct.name());
            return mismatch != null ? mismatch : struct(struct, struct.members().size());
        }
        Shape.Attribute attribute = (Shape.Attribute) shape;
        Mismatch mismatch = structure(token, attribute.value(), "AttributeValue");
        return mismatch != null ? mismatch : attribute();
    }

    private Mismatch structure(JsonToken token, boolean isValue, String name) throws IOException {
        if (token.isScalarValue()) {
            return new Mismatch(isValue ? "Unexpected value type in payload" : "Unexpected field type");
        }
        if (token == JsonToken.START_ARRAY) {
            skip();
            return new Mismatch("Unrecognized collection type class com.amazonaws.dynamodb.v20120810." + name);
        }
        return null;
    }

    private Object list(Shape element) throws IOException {
        List<Object> values = new ArrayList<>();
        Mismatch first = null;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (first != null || token == JsonToken.VALUE_NULL) {
                skip();
                values.add(null);
                continue;
            }
            Object value = value(token, element);
            if (value instanceof Mismatch mismatch) {
                first = mismatch;
            }
            values.add(value);
        }
        return first != null ? first : values;
    }

    private Object map(Shape element) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        Mismatch first = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = string();
            JsonToken token = parser.nextToken();
            if (first != null || token == JsonToken.VALUE_NULL) {
                skip();
                values.put(key, null);
                continue;
            }
            Object value = value(token, element);
            if (value instanceof Mismatch mismatch) {
                first = mismatch;
            }
            values.put(key, value);
        }
        return first != null ? first : values;
    }

    /** The members of a typed attribute value, checked like a structure of its ten types. */
    private Object attribute() throws IOException {
        Object[] slots = new Object[RawAttribute.TYPES.size()];
        if (attributeDepth == MAX_ATTRIBUTE_DEPTH) {
            tooDeep = true;
            skip();
            return new RawAttribute(slots);
        }
        attributeDepth++;
        try {
            return members(slots);
        } finally {
            attributeDepth--;
        }
    }

    private Object members(Object[] slots) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            int slot = RawAttribute.TYPES.indexOf(string());
            token = parser.nextToken();
            if (slot < 0) {
                skip();
                continue;
            }
            slots[slot] = token == JsonToken.VALUE_NULL ? null : value(token, ATTRIBUTE_MEMBERS[slot]);
        }
        for (Object slot : slots) {
            if (slot instanceof Mismatch mismatch) {
                return mismatch;
            }
        }
        return new RawAttribute(slots);
    }

    private Object scalar(JsonToken token, Shape.Kind kind) throws IOException {
        String type = kind.javaName;
        if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
            skip();
            if (kind == Shape.Kind.BLOB && token == JsonToken.START_ARRAY) {
                return new Mismatch("Unrecognized collection type class java.nio.ByteBuffer");
            }
            return token == JsonToken.START_ARRAY
                    ? new Mismatch("Unrecognized collection type class java.lang." + type)
                    : new Mismatch("Start of structure or map found where not expected");
        }
        boolean bool = token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
        boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        switch (kind) {
            case BOOLEAN -> {
                if (number) {
                    return new Mismatch(numberKind(token) + " cannot be converted to " + type);
                }
                if (bool) {
                    return token == JsonToken.VALUE_TRUE;
                }
                // Only JSON true and false are booleans; DynamoDB's answer to a string in their place
                // ("yes", "1" and "false" included: they are never read as booleans).
                string();
                return new Mismatch("Unexpected token received from parser");
            }
            case INTEGER, LONG, DOUBLE -> {
                if (bool) {
                    return new Mismatch(booleanKind(token) + " cannot be converted to " + type);
                }
                if (!number) {
                    string();
                    return new Mismatch("STRING_VALUE cannot be converted to " + type);
                }
                return kind == Shape.Kind.DOUBLE ? number(token) : integer(token, kind);
            }
            case STRING -> {
                if (bool) {
                    return new Mismatch(booleanKind(token) + " cannot be converted to " + type);
                }
                if (number) {
                    return new Mismatch(numberKind(token) + " cannot be converted to " + type);
                }
                return string();
            }
            default -> {
                if (bool || number) {
                    return new Mismatch("only base-64-encoded strings are convertible to bytes");
                }
                String text = string();
                if (text.length() % 4 != 0) {
                    return new Mismatch(
                            "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
                }
                try {
                    byte[] bytes = Base64.getDecoder().decode(text);
                    if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
                        return new Mismatch("Invalid last non-pad Base64 character dectected");
                    }
                } catch (IllegalArgumentException e) {
                    return new Mismatch("Invalid last non-pad Base64 character dectected");
                }
                return text;
            }
        }
    }

    /**
     * An Integer or Long member: a JSON number with no fraction within the Java type's range (as a
     * Long). A fraction, an infinite exponent ({@code 1.5}, {@code 1e999999}) or a number out of
     * range ({@code 4294967298} for an Integer) is refused, never rounded or wrapped.
     */
    private Object integer(JsonToken token, Shape.Kind kind) throws IOException {
        long min = kind == Shape.Kind.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = kind == Shape.Kind.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = parser.getDoubleValue();
            if (!Double.isFinite(value) || value != Math.rint(value)) {
                return new Mismatch("DECIMAL_VALUE cannot be converted to " + kind.javaName);
            }
            return value >= min && value <= max ? (Object) (long) value : outOfRange(kind);
        }
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return outOfRange(kind);
        }
        long value = parser.getLongValue();
        return value >= min && value <= max ? (Object) value : outOfRange(kind);
    }

    private static Mismatch outOfRange(Shape.Kind kind) {
        return new Mismatch("NUMBER_VALUE cannot be converted to " + kind.javaName);
    }

    private Object number(JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDoubleValue();
        }
        return switch (parser.getNumberType()) {
            case INT, LONG -> parser.getLongValue();
            default -> (Object) parser.getBigIntegerValue();
        };
    }

    private String numberKind(JsonToken token) throws IOException {
        return token == JsonToken.VALUE_NUMBER_INT || parser.getDoubleValue() % 1 == 0
                ? "NUMBER_VALUE"
                : "DECIMAL_VALUE";
    }

    private static String booleanKind(JsonToken token) {
        return token == JsonToken.VALUE_TRUE ? "TRUE_VALUE" : "FALSE_VALUE";
    }
}
