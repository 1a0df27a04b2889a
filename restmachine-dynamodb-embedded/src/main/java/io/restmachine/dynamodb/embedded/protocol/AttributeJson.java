package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.Numbers;
import io.restmachine.dynamodb.embedded.value.SizedItem;
import java.io.ByteArrayOutputStream;
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
 * DynamoDB's typed JSON ({@code {"S": "x"}}) to {@link DynamoValue} and back, with DynamoDB's
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
    public static Map<String, DynamoValue> item(Map<String, Object> raw) {
        Map<String, DynamoValue> item = new LinkedHashMap<>(Math.max(4, raw.size() * 2));
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
    public static DynamoValue value(@Nullable Object raw) {
        RawAttribute attribute = raw == null ? RawAttribute.EMPTY : (RawAttribute) raw;
        int size = attribute.size();
        if (size == 0) {
            throw EngineException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        DynamoValue result = null;
        for (int slot = 0; slot < RawAttribute.TYPES.size(); slot++) {
            Object member = attribute.member(slot);
            if (member != null) {
                DynamoValue value = typed(RawAttribute.TYPES.get(slot), member);
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
    private static DynamoValue typed(String type, Object value) {
        switch (type) {
            case "S":
                return new DynamoValue.S((String) value);
            case "N":
                return Numbers.parse((String) value);
            case "B":
                return new DynamoValue.B(Base64.getDecoder().decode((String) value));
            case "BOOL":
                return new DynamoValue.Bool((Boolean) value);
            case "NULL":
                if (!(Boolean) value) {
                    throw EngineException.validation("One or more parameter values were invalid: Null attribute value"
                            + " types must have the value of true");
                }
                return new DynamoValue.Null();
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
                return new DynamoValue.SS(strings);
            }
            case "NS": {
                List<Object> elements = (List<Object>) value;
                if (elements.isEmpty()) {
                    throw EngineException.validation(
                            "One or more parameter values were invalid: An number set  may not be empty");
                }
                List<DynamoValue.N> numbers = new ArrayList<>(elements.size());
                for (Object n : elements) {
                    numbers.add(Numbers.parse(Wire.text(n)));
                }
                Set<DynamoValue.N> unique = new LinkedHashSet<>(numbers);
                if (unique.size() != numbers.size()) {
                    throw EngineException.validation("Input collection contains duplicates");
                }
                return new DynamoValue.NS(unique);
            }
            case "BS": {
                List<Object> elements = (List<Object>) value;
                if (elements.isEmpty()) {
                    throw EngineException.validation(
                            "One or more parameter values were invalid: Binary sets should not be empty");
                }
                Set<DynamoValue.B> binaries = new LinkedHashSet<>();
                for (Object b : elements) {
                    binaries.add(new DynamoValue.B(Base64.getDecoder().decode(Wire.text(b))));
                }
                if (binaries.size() != elements.size()) {
                    throw EngineException.validation("One or more parameter values were invalid: Input collection "
                            + Wire.shown(elements) + "of type BS contains duplicates.");
                }
                return new DynamoValue.BS(binaries);
            }
            case "L": {
                List<Object> elements = (List<Object>) value;
                List<DynamoValue> list = new ArrayList<>(elements.size());
                for (Object element : elements) {
                    list.add(value(element));
                }
                return new DynamoValue.L(list);
            }
            default:
                return new DynamoValue.M(item((Map<String, Object>) value));
        }
    }

    /** Writes one attribute value as typed JSON. */
    public static void write(JsonGenerator out, DynamoValue value) throws IOException {
        out.writeStartObject();
        if (value instanceof DynamoValue.S s) {
            out.writeStringField("S", s.value());
        } else if (value instanceof DynamoValue.N n) {
            out.writeStringField("N", Numbers.format(n));
        } else if (value instanceof DynamoValue.B b) {
            out.writeFieldName("B");
            out.writeBinary(b.value());
        } else if (value instanceof DynamoValue.Bool b) {
            out.writeBooleanField("BOOL", b.value());
        } else if (value instanceof DynamoValue.Null) {
            out.writeBooleanField("NULL", true);
        } else if (value instanceof DynamoValue.SS ss) {
            out.writeArrayFieldStart("SS");
            for (String s : ss.values()) {
                out.writeString(s);
            }
            out.writeEndArray();
        } else if (value instanceof DynamoValue.NS ns) {
            out.writeArrayFieldStart("NS");
            for (DynamoValue.N n : ns.values()) {
                out.writeString(Numbers.format(n));
            }
            out.writeEndArray();
        } else if (value instanceof DynamoValue.BS bs) {
            out.writeArrayFieldStart("BS");
            for (DynamoValue.B b : bs.values()) {
                out.writeBinary(b.value());
            }
            out.writeEndArray();
        } else if (value instanceof DynamoValue.L l) {
            out.writeArrayFieldStart("L");
            for (DynamoValue element : l.values()) {
                write(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof DynamoValue.M m) {
            out.writeFieldName("M");
            writeFields(out, m.values());
        }
        out.writeEndObject();
    }

    /**
     * The largest stored item (in DynamoDB's bytes) whose rendered JSON is kept. Rendering costs
     * per attribute, so small items gain most from the cache; a large item's JSON is mostly its
     * strings copied once, and keeping it would double the heap of a table of large items (1 KB
     * items: about 1 GB more per million read, issue 15's measurement 11).
     */
    static final long CACHED_ITEM_MAX_BYTES = 512;

    /**
     * Writes a map of attributes as a JSON object. A stored item ({@link SizedItem}) of at most
     * {@link #CACHED_ITEM_MAX_BYTES} is rendered once and its bytes kept with it; later reads of it
     * copy those bytes.
     */
    public static void writeItem(JsonGenerator out, Map<String, DynamoValue> item) throws IOException {
        if (item instanceof SizedItem stored && stored.bytes() <= CACHED_ITEM_MAX_BYTES) {
            byte[] json = stored.encoded();
            if (json == null) {
                json = render(stored);
                stored.encoded(json);
            }
            out.writeRawValue(new EncodedItem(json));
            return;
        }
        writeFields(out, item);
    }

    private static byte[] render(Map<String, DynamoValue> item) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (JsonGenerator out = RequestDecoder.JSON.createGenerator(buffer)) {
            writeFields(out, item);
        }
        return buffer.toByteArray();
    }

    private static void writeFields(JsonGenerator out, Map<String, DynamoValue> item) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, DynamoValue> entry : item.entrySet()) {
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
