package io.restmachine.dynamodb.embedded.protocol;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How DynamoDB shows a request value inside a validation message ("Value '...' at 'path' failed to
 * satisfy constraint"): as its Java front end's model object prints itself. Lists read
 * {@code [a, b]}, maps {@code {key=value}}, structures {@code KeySchemaElement(attributeName=pk,
 * keyType=HASH)} with every member of the model, absent ones {@code null}; an attribute value is
 * the sixteen-member {@code AttributeValue(s=x, n=null, ...)}; a blob is a
 * {@code java.nio.HeapByteBuffer[pos=0 lim=N cap=N]}; strings, numbers and booleans are their
 * text, unquoted. docs/conformance.md ("Values in messages") gives the source of each form.
 */
final class ModelText {
    /**
     * The members of an attribute value as the model prints them, in its order; those of the
     * wire's ten types name their {@link RawAttribute#TYPES} slot, the model's own extras none.
     */
    private static final List<String> ATTRIBUTE_MEMBERS = List.of(
            "s",
            "n",
            "b",
            "iNT",
            "dECIMAL",
            "dOUBLE",
            "sS",
            "nS",
            "bS",
            "iNTSET",
            "dECIMALSET",
            "dOUBLESET",
            "m",
            "l",
            "nULL",
            "bOOL");

    private static final List<String> ATTRIBUTE_SLOTS =
            List.of("S", "N", "B", "", "", "", "SS", "NS", "BS", "", "", "", "M", "L", "NULL", "BOOL");

    /**
     * Structures whose model prints members in another order than their shape declares them, or
     * members the engine does not read (always {@code null} here). Every other structure prints
     * its shape's members in the shape's order.
     */
    private static final Map<String, List<String>> MODEL_MEMBERS = Map.of(
            "WriteRequest", List.of("PutRequest", "DeleteRequest"),
            "PutRequest", List.of("Item", "WorkloadProfileName"));

    private static final Shape BLOB = new Shape.Scalar(Shape.Kind.BLOB, List.of());
    private static final Shape ATTRIBUTE = new Shape.Attribute(true, List.of());
    private static final Shape TEXT = new Shape.Scalar(Shape.Kind.STRING, List.of());

    private ModelText() {}

    /** Writes {@code value}, read against {@code shape} (null: a plain list, map or scalar). */
    static void write(@Nullable Object value, @Nullable Shape shape, Appendable out) throws IOException {
        if (value == null) {
            out.append("null");
        } else if (value instanceof RawAttribute attribute) {
            attribute(attribute, out);
        } else if (value instanceof Fields fields && shape instanceof Shape.Struct struct) {
            structure(fields, struct, out);
        } else if (value instanceof List<?> list) {
            Shape element = shape instanceof Shape.ListOf of ? of.element() : null;
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(list.get(i), element, out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            map(map, shape instanceof Shape.MapOf of ? of.value() : null, out);
        } else if (value instanceof Fields fields) {
            map(fields.values(), null, out);
        } else if (value instanceof String text
                && shape instanceof Shape.Scalar scalar
                && scalar.kind() == Shape.Kind.BLOB) {
            int bytes = decodedLength(text);
            out.append("java.nio.HeapByteBuffer[pos=0 lim=")
                    .append(Integer.toString(bytes))
                    .append(" cap=")
                    .append(Integer.toString(bytes))
                    .append(']');
        } else if (value instanceof String
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof BigInteger
                || value instanceof Double) {
            out.append(value.toString());
        }
    }

    private static void map(Map<?, ?> map, @Nullable Shape value, Appendable out) throws IOException {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(String.valueOf(entry.getKey())).append('=');
            write(entry.getValue(), value, out);
        }
        out.append('}');
    }

    private static void structure(Fields fields, Shape.Struct shape, Appendable out) throws IOException {
        List<String> members = MODEL_MEMBERS.getOrDefault(
                shape.name(), List.copyOf(shape.members().keySet()));
        out.append(shape.name()).append('(');
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            if (i > 0) {
                out.append(", ");
            }
            out.append(ShapeRules.lowerFirst(member)).append('=');
            write(fields.get(member), shape.members().get(member), out);
        }
        out.append(')');
    }

    private static void attribute(RawAttribute attribute, Appendable out) throws IOException {
        out.append("AttributeValue(");
        for (int i = 0; i < ATTRIBUTE_MEMBERS.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(ATTRIBUTE_MEMBERS.get(i)).append('=');
            String type = ATTRIBUTE_SLOTS.get(i);
            Object member = type.isEmpty() ? null : attribute.member(RawAttribute.TYPES.indexOf(type));
            write(member, memberShape(type), out);
        }
        out.append(')');
    }

    private static @Nullable Shape memberShape(String type) {
        return switch (type) {
            case "B" -> BLOB;
            case "BS" -> new Shape.ListOf(BLOB, List.of());
            case "L" -> new Shape.ListOf(ATTRIBUTE, List.of());
            case "M" -> new Shape.MapOf(ATTRIBUTE, "AttributeValue", List.of());
            case "S", "N" -> TEXT;
            default -> null;
        };
    }

    /** The number of bytes a (well-formed, padded) base64 text decodes to. */
    private static int decodedLength(String base64) {
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return base64.length() / 4 * 3 - padding;
    }
}
