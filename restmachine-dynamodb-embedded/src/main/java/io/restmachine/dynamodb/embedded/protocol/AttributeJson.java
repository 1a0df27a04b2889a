package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import io.restmachine.dynamodb.embedded.value.Numbers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB's typed JSON ({@code {"S": "x"}}) to {@link AttributeValue} and back, with DynamoDB's
 * validation of each value (exactly one type, sets non-empty and without duplicates, numbers
 * within range and precision, {@code NULL} only {@code true}).
 */
public final class AttributeJson {
    private AttributeJson() {}

    /**
     * Reads every attribute of a decoded map of attribute values, validating each in order.
     *
     * @param raw {@link RawAttribute}s (or nulls) by attribute name, as {@link RequestDecoder} reads them
     */
    public static Map<String, AttributeValue> item(Map<String, Object> raw) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(Math.max(4, raw.size() * 2));
        for (Map.Entry<String, Object> field : raw.entrySet()) {
            item.put(field.getKey(), value(field.getValue()));
        }
        return item;
    }

    /**
     * Validates one decoded attribute value as DynamoDB does (exactly one type, then the rules of
     * that type) and returns it.
     *
     * @param raw a {@link RawAttribute}, or null for a JSON null
     */
    public static AttributeValue value(@Nullable Object raw) {
        RawAttribute attribute = raw == null ? RawAttribute.EMPTY : (RawAttribute) raw;
        int size = attribute.size();
        if (size == 0) {
            throw EngineException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        AttributeValue result = null;
        for (int slot = 0; slot < RawAttribute.TYPES.size(); slot++) {
            Object member = attribute.member(slot);
            if (member != null) {
                AttributeValue value = typed(RawAttribute.TYPES.get(slot), member);
                if (result == null) {
                    result = value;
                }
            }
        }
        if (size > 1) {
            throw EngineException.validation("Supplied AttributeValue has more than one datatypes set, must contain"
                    + " exactly one of the supported datatypes");
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static AttributeValue typed(String type, Object value) {
        switch (type) {
            case "S":
                return new AttributeValue.S((String) value);
            case "N":
                return Numbers.parse((String) value);
            case "B":
                return new AttributeValue.B(Base64.getDecoder().decode((String) value));
            case "BOOL":
                return new AttributeValue.Bool((Boolean) value);
            case "NULL":
                if (!(Boolean) value) {
                    throw EngineException.validation("One or more parameter values were invalid: Null attribute value"
                            + " types must have the value of true");
                }
                return new AttributeValue.Null();
            case "SS": {
                List<Object> elements = (List<Object>) value;
                if (elements.isEmpty()) {
                    throw EngineException.validation(
                            "One or more parameter values were invalid: An string set  may not be empty");
                }
                Set<String> strings = new LinkedHashSet<>();
                for (Object s : elements) {
                    strings.add(Wire.text(s));
                }
                if (strings.size() != elements.size()) {
                    throw EngineException.validation("One or more parameter values were invalid: Input collection "
                            + Wire.shown(elements) + " contains duplicates.");
                }
                return new AttributeValue.SS(strings);
            }
            case "NS": {
                List<Object> elements = (List<Object>) value;
                if (elements.isEmpty()) {
                    throw EngineException.validation(
                            "One or more parameter values were invalid: An number set  may not be empty");
                }
                List<AttributeValue.N> numbers = new ArrayList<>(elements.size());
                for (Object n : elements) {
                    numbers.add(Numbers.parse(Wire.text(n)));
                }
                Set<AttributeValue.N> unique = new LinkedHashSet<>(numbers);
                if (unique.size() != numbers.size()) {
                    throw EngineException.validation("Input collection contains duplicates");
                }
                return new AttributeValue.NS(unique);
            }
            case "BS": {
                List<Object> elements = (List<Object>) value;
                if (elements.isEmpty()) {
                    throw EngineException.validation(
                            "One or more parameter values were invalid: Binary sets should not be empty");
                }
                Set<AttributeValue.B> binaries = new LinkedHashSet<>();
                for (Object b : elements) {
                    binaries.add(new AttributeValue.B(Base64.getDecoder().decode(Wire.text(b))));
                }
                if (binaries.size() != elements.size()) {
                    throw EngineException.validation("One or more parameter values were invalid: Input collection "
                            + Wire.shown(elements) + "of type BS contains duplicates.");
                }
                return new AttributeValue.BS(binaries);
            }
            case "L": {
                List<Object> elements = (List<Object>) value;
                List<AttributeValue> list = new ArrayList<>(elements.size());
                for (Object element : elements) {
                    list.add(value(element));
                }
                return new AttributeValue.L(list);
            }
            default:
                return new AttributeValue.M(item((Map<String, Object>) value));
        }
    }

    /** Writes one attribute value as typed JSON. */
    public static void write(JsonGenerator out, AttributeValue value) throws IOException {
        out.writeStartObject();
        if (value instanceof AttributeValue.S s) {
            out.writeStringField("S", s.value());
        } else if (value instanceof AttributeValue.N n) {
            out.writeStringField("N", Numbers.format(n));
        } else if (value instanceof AttributeValue.B b) {
            out.writeFieldName("B");
            out.writeBinary(b.value());
        } else if (value instanceof AttributeValue.Bool b) {
            out.writeBooleanField("BOOL", b.value());
        } else if (value instanceof AttributeValue.Null) {
            out.writeBooleanField("NULL", true);
        } else if (value instanceof AttributeValue.SS ss) {
            out.writeArrayFieldStart("SS");
            for (String s : ss.values()) {
                out.writeString(s);
            }
            out.writeEndArray();
        } else if (value instanceof AttributeValue.NS ns) {
            out.writeArrayFieldStart("NS");
            for (AttributeValue.N n : ns.values()) {
                out.writeString(Numbers.format(n));
            }
            out.writeEndArray();
        } else if (value instanceof AttributeValue.BS bs) {
            out.writeArrayFieldStart("BS");
            for (AttributeValue.B b : bs.values()) {
                out.writeBinary(b.value());
            }
            out.writeEndArray();
        } else if (value instanceof AttributeValue.L l) {
            out.writeArrayFieldStart("L");
            for (AttributeValue element : l.values()) {
                write(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof AttributeValue.M m) {
            out.writeFieldName("M");
            writeItem(out, m.values());
        }
        out.writeEndObject();
    }

    /** Writes a map of attributes as a JSON object. */
    public static void writeItem(JsonGenerator out, Map<String, AttributeValue> item) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
            out.writeFieldName(entry.getKey());
            write(out, entry.getValue());
        }
        out.writeEndObject();
    }

    /** Whether two attribute maps hold equal values (numbers by value). */
    public static boolean sameKeys(Set<String> a, Set<String> b) {
        return new HashSet<>(a).equals(new HashSet<>(b));
    }
}
