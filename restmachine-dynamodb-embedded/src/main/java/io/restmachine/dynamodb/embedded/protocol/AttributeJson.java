package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import io.restmachine.dynamodb.embedded.value.Numbers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's typed JSON ({@code {"S": "x"}}) to {@link AttributeValue} and back, with DynamoDB's
 * validation of each value (exactly one type, sets non-empty and without duplicates, numbers
 * within range and precision, {@code NULL} only {@code true}).
 */
public final class AttributeJson {
    private AttributeJson() {}

    /** Reads every attribute of a (type-checked) map node, validating each in order. */
    public static Map<String, AttributeValue> readItem(JsonNode node) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(Math.max(4, node.size() * 2));
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            item.put(field.getKey(), read(field.getValue()));
        }
        return item;
    }

    /** Reads one (type-checked) attribute value node. */
    public static AttributeValue read(JsonNode node) {
        if (node.size() == 0) {
            throw EngineException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        AttributeValue result = null;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            AttributeValue value = readTyped(field.getKey(), field.getValue());
            if (result == null) {
                result = value;
            }
        }
        if (node.size() > 1) {
            throw EngineException.validation("Supplied AttributeValue has more than one datatypes set, must contain"
                    + " exactly one of the supported datatypes");
        }
        return result;
    }

    private static AttributeValue readTyped(String type, JsonNode value) {
        switch (type) {
            case "S":
                return new AttributeValue.S(value.asText());
            case "N":
                return Numbers.parse(value.asText());
            case "B":
                return new AttributeValue.B(Base64.getDecoder().decode(value.asText()));
            case "BOOL":
                return new AttributeValue.Bool(value.asBoolean());
            case "NULL":
                if (!value.asBoolean()) {
                    throw EngineException.validation("One or more parameter values were invalid: Null attribute value"
                            + " types must have the value of true");
                }
                return new AttributeValue.Null();
            case "SS": {
                if (value.isEmpty()) {
                    throw EngineException.validation(
                            "One or more parameter values were invalid: An string set  may not be empty");
                }
                Set<String> strings = new LinkedHashSet<>();
                for (JsonNode s : value) {
                    strings.add(s.asText());
                }
                if (strings.size() != value.size()) {
                    throw EngineException.validation("One or more parameter values were invalid: Input collection "
                            + RequestChecker.valueText(value) + " contains duplicates.");
                }
                return new AttributeValue.SS(strings);
            }
            case "NS": {
                if (value.isEmpty()) {
                    throw EngineException.validation(
                            "One or more parameter values were invalid: An number set  may not be empty");
                }
                List<AttributeValue.N> numbers = new ArrayList<>();
                for (JsonNode n : value) {
                    numbers.add(Numbers.parse(n.asText()));
                }
                Set<AttributeValue.N> unique = new LinkedHashSet<>(numbers);
                if (unique.size() != numbers.size()) {
                    throw EngineException.validation("Input collection contains duplicates");
                }
                return new AttributeValue.NS(unique);
            }
            case "BS": {
                if (value.isEmpty()) {
                    throw EngineException.validation(
                            "One or more parameter values were invalid: Binary sets should not be empty");
                }
                Set<AttributeValue.B> binaries = new LinkedHashSet<>();
                for (JsonNode b : value) {
                    binaries.add(new AttributeValue.B(Base64.getDecoder().decode(b.asText())));
                }
                if (binaries.size() != value.size()) {
                    throw EngineException.validation("One or more parameter values were invalid: Input collection "
                            + RequestChecker.valueText(value) + "of type BS contains duplicates.");
                }
                return new AttributeValue.BS(binaries);
            }
            case "L": {
                List<AttributeValue> list = new ArrayList<>(value.size());
                for (JsonNode element : value) {
                    list.add(read(element));
                }
                return new AttributeValue.L(list);
            }
            default: {
                return new AttributeValue.M(readItem(value));
            }
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
