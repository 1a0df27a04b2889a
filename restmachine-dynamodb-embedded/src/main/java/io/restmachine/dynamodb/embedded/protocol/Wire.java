package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How decoded request values read as text: {@link #text} as a scalar's text, {@link #shown} as
 * DynamoDB shows a value in a validation message, {@link #json} as compact JSON.
 */
final class Wire {
    private static final JsonFactory JSON = new JsonFactory();

    private Wire() {}

    /** The text of a scalar ({@code "null"} for null, JSON for containers). */
    static String text(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        return "";
    }

    /** How DynamoDB shows a value in a validation message: lists as {@code [a, b]}, objects as JSON. */
    static String shown(@Nullable Object value) {
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>(list.size());
            for (Object child : list) {
                parts.add(shown(child));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        if (value instanceof Map<?, ?> || value instanceof Fields || value instanceof RawAttribute) {
            return json(value);
        }
        return text(value);
    }

    /** Compact JSON of a decoded value. */
    static String json(@Nullable Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, @Nullable Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Long l) {
            out.writeNumber(l);
        } else if (value instanceof BigInteger b) {
            out.writeNumber(b);
        } else if (value instanceof Double d) {
            out.writeNumber(d);
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object child : list) {
                write(out, child);
            }
            out.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName((String) entry.getKey());
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Fields fields) {
            write(out, fields.values());
        } else if (value instanceof RawAttribute attribute) {
            out.writeStartObject();
            for (int slot = 0; slot < RawAttribute.TYPES.size(); slot++) {
                Object member = attribute.member(slot);
                if (member != null) {
                    out.writeFieldName(RawAttribute.TYPES.get(slot));
                    write(out, member);
                }
            }
            out.writeEndObject();
        }
    }
}
