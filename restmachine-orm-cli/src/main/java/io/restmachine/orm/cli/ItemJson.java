package io.restmachine.orm.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts DynamoDB items to and from JSON text, in one of two {@link Format formats}.
 *
 * <p>Plain JSON (the default) maps values as a person reads them:
 *
 * <table>
 *   <caption>Plain JSON mapping</caption>
 *   <tr><th>DynamoDB</th><th>JSON out</th><th>JSON in</th></tr>
 *   <tr><td>S</td><td>string</td><td>string</td></tr>
 *   <tr><td>N</td><td>number, every digit kept</td><td>number, every digit kept</td></tr>
 *   <tr><td>BOOL, NULL</td><td>true/false, null</td><td>true/false, null</td></tr>
 *   <tr><td>M, L</td><td>object, array</td><td>object, array</td></tr>
 *   <tr><td>B</td><td>base64 string</td><td>(a string: use --typed for binary)</td></tr>
 *   <tr><td>SS, NS, BS</td><td>array of strings, numbers, base64 strings</td><td>(a list: use --typed for sets)</td></tr>
 * </table>
 *
 * <p>Typed JSON is DynamoDB's own wire form ({@code {"name":{"S":"Alice"}}}) and round-trips every
 * value exactly.
 */
final class ItemJson {

    /** How items are written as JSON. */
    enum Format {
        PLAIN,
        TYPED
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Format format;

    ItemJson(Format format) {
        this.format = format;
    }

    static ItemJson of(boolean typed) {
        return new ItemJson(typed ? Format.TYPED : Format.PLAIN);
    }

    Format format() {
        return format;
    }

    /**
     * Parses one JSON object into an item.
     *
     * @param text the JSON text
     * @param source what the text is, for error messages ("--item", "line 7 of stdin")
     * @throws CliException (bad input) naming the source, the position and what was expected
     */
    Map<String, AttributeValue> parseItem(String text, String source) {
        JsonNode node = parseTree(text, source);
        if (!node.isObject()) {
            throw CliException.badInput(source + " must be a JSON object such as "
                    + (format == Format.TYPED
                            ? "{\"pk\":{\"S\":\"USER#1\"},\"sk\":{\"S\":\"PROFILE\"}}"
                            : "{\"pk\":\"USER#1\",\"sk\":\"PROFILE\"}")
                    + ", not " + describe(node));
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = source + ": attribute '" + field.getKey() + "'";
            item.put(
                    field.getKey(),
                    format == Format.TYPED ? fromTyped(field.getValue(), path) : fromPlain(field.getValue(), path));
        }
        return item;
    }

    /** Renders an item as one line of JSON. */
    String write(Map<String, AttributeValue> item) {
        return write(toNode(item), false);
    }

    /** Renders an item (or any document) as indented JSON for people to read. */
    static String writePretty(JsonNode node) {
        return write(node, true);
    }

    ObjectNode toNode(Map<String, AttributeValue> item) {
        ObjectNode object = NODES.objectNode();
        item.forEach((name, value) -> object.set(name, format == Format.TYPED ? toTyped(value) : toPlain(value)));
        return object;
    }

    /** Whether plain JSON writes this item with a loss (sets become arrays, binary becomes text). */
    static boolean plainIsLossy(Map<String, AttributeValue> item) {
        return item.values().stream().anyMatch(ItemJson::plainIsLossy);
    }

    private static boolean plainIsLossy(AttributeValue value) {
        return switch (value.type()) {
            case B, SS, NS, BS -> true;
            case M -> plainIsLossy(value.m());
            case L -> value.l().stream().anyMatch(ItemJson::plainIsLossy);
            default -> false;
        };
    }

    private static String write(JsonNode node, boolean pretty) {
        try {
            return pretty
                    ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                    : MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode parseTree(String text, String source) {
        if (text.isBlank()) {
            throw CliException.badInput(source + " is empty: expected a JSON object");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at column " + e.getLocation().getColumnNr();
            String reason = e.getOriginalMessage().lines().findFirst().orElse("malformed");
            throw CliException.badInput(source + " is not valid JSON" + where + ": " + reason);
        }
    }

    // --- plain JSON ---

    private static AttributeValue fromPlain(JsonNode node, String path) {
        if (node.isTextual()) {
            return AttributeValue.fromS(node.textValue());
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(checkedNumber(numberText(node), path));
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.booleanValue());
        }
        if (node.isNull()) {
            return AttributeValue.fromNul(true);
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            int i = 0;
            for (JsonNode element : node) {
                list.add(fromPlain(element, path + "[" + i++ + "]"));
            }
            return AttributeValue.fromL(list);
        }
        if (node.isObject()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(f -> map.put(f.getKey(), fromPlain(f.getValue(), path + "." + f.getKey())));
            return AttributeValue.fromM(map);
        }
        throw CliException.badInput(path + ": unsupported JSON value " + describe(node));
    }

    private static String numberText(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        return node.decimalValue().toString();
    }

    private static JsonNode toPlain(AttributeValue value) {
        return switch (value.type()) {
            case S -> NODES.textNode(value.s());
            case N -> number(value.n());
            case B -> NODES.textNode(base64(value.b()));
            case BOOL -> NODES.booleanNode(value.bool());
            case NUL -> NODES.nullNode();
            case SS -> array(value.ss().stream().map(NODES::textNode).toList());
            case NS -> array(value.ns().stream().map(ItemJson::number).toList());
            case BS -> array(
                    value.bs().stream().map(b -> NODES.textNode(base64(b))).toList());
            case L -> array(value.l().stream().map(ItemJson::toPlain).toList());
            case M -> {
                ObjectNode object = NODES.objectNode();
                value.m().forEach((k, v) -> object.set(k, toPlain(v)));
                yield object;
            }
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException("the server sent a value of a type this "
                    + "SDK does not know: " + value + "; use --typed, or upgrade restmachine-orm");
        };
    }

    private static JsonNode number(String text) {
        BigDecimal decimal = new BigDecimal(text);
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return NODES.numberNode(stripped.toBigIntegerExact());
        }
        return NODES.numberNode(decimal);
    }

    private static ArrayNode array(List<? extends JsonNode> elements) {
        ArrayNode array = NODES.arrayNode();
        array.addAll(elements);
        return array;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }

    // --- typed JSON (DynamoDB's wire form) ---

    private static AttributeValue fromTyped(JsonNode node, String path) {
        if (!node.isObject() || node.size() != 1) {
            throw CliException.badInput(path + ": --typed expects one type and value such as {\"S\":\"text\"} or "
                    + "{\"N\":\"42\"}, not " + describe(node));
        }
        Map.Entry<String, JsonNode> entry = node.fields().next();
        String type = entry.getKey();
        JsonNode v = entry.getValue();
        return switch (type) {
            case "S" -> AttributeValue.fromS(text(v, path, type));
            case "N" -> AttributeValue.fromN(numberLiteral(v, path));
            case "B" -> AttributeValue.fromB(bytes(v, path));
            case "BOOL" -> {
                if (!v.isBoolean()) {
                    throw CliException.badInput(path + ": BOOL needs true or false, not " + describe(v));
                }
                yield AttributeValue.fromBool(v.booleanValue());
            }
            case "NULL" -> {
                if (!v.isBoolean() || !v.booleanValue()) {
                    throw CliException.badInput(path + ": NULL is always written {\"NULL\":true}, not " + describe(v));
                }
                yield AttributeValue.fromNul(true);
            }
            case "SS" -> AttributeValue.fromSs(distinct(
                    setElements(v, path, type).stream()
                            .map(e -> text(e, path, type))
                            .toList(),
                    s -> s,
                    path,
                    type));
            case "NS" -> AttributeValue.fromNs(distinct(
                    setElements(v, path, type).stream()
                            .map(e -> numberLiteral(e, path))
                            .toList(),
                    n -> Numbers.format(Numbers.parse(n)),
                    path,
                    type));
            case "BS" -> AttributeValue.fromBs(distinct(
                    setElements(v, path, type).stream().map(e -> bytes(e, path)).toList(), b -> b, path, type));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                int i = 0;
                for (JsonNode element : elements(v, path, type)) {
                    list.add(fromTyped(element, path + "[" + i++ + "]"));
                }
                yield AttributeValue.fromL(list);
            }
            case "M" -> {
                if (!v.isObject()) {
                    throw CliException.badInput(path + ": M needs an object of typed values, not " + describe(v));
                }
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                v.fields().forEachRemaining(f -> map.put(f.getKey(), fromTyped(f.getValue(), path + "." + f.getKey())));
                yield AttributeValue.fromM(map);
            }
            default -> throw CliException.badInput(
                    path + ": unknown DynamoDB type '" + type + "'; use one of S, N, B, BOOL, NULL, SS, NS, BS, L, M");
        };
    }

    private static JsonNode toTyped(AttributeValue value) {
        ObjectNode typed = NODES.objectNode();
        switch (value.type()) {
            case S -> typed.put("S", value.s());
            case N -> typed.put("N", value.n());
            case B -> typed.put("B", base64(value.b()));
            case BOOL -> typed.put("BOOL", value.bool());
            case NUL -> typed.put("NULL", true);
            case SS -> typed.set(
                    "SS", array(value.ss().stream().map(NODES::textNode).toList()));
            case NS -> typed.set(
                    "NS", array(value.ns().stream().map(NODES::textNode).toList()));
            case BS -> typed.set(
                    "BS",
                    array(value.bs().stream()
                            .map(b -> NODES.textNode(base64(b)))
                            .toList()));
            case L -> typed.set(
                    "L", array(value.l().stream().map(ItemJson::toTyped).toList()));
            case M -> {
                ObjectNode object = NODES.objectNode();
                value.m().forEach((k, v) -> object.set(k, toTyped(v)));
                typed.set("M", object);
            }
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException(
                    "the server sent a value of a type this SDK does not know: " + value);
        }
        return typed;
    }

    /** The elements of a set: DynamoDB has no empty sets. */
    private static List<JsonNode> setElements(JsonNode v, String path, String type) {
        List<JsonNode> elements = elements(v, path, type);
        if (elements.isEmpty()) {
            throw CliException.badInput(path + ": " + type + " is empty, and DynamoDB has no empty sets: leave the"
                    + " attribute out, or use {\"L\":[]} for an empty list");
        }
        return elements;
    }

    /** The elements, if no two are the same (numbers by value), as DynamoDB requires of a set. */
    private static <T> List<T> distinct(List<T> elements, Function<T, Object> identity, String path, String type) {
        Set<Object> seen = new HashSet<>();
        for (T element : elements) {
            if (!seen.add(identity.apply(element))) {
                throw CliException.badInput(path + ": " + type + " holds " + element + " more than once; a set's"
                        + " elements must differ (use L for a list with repeats)");
            }
        }
        return elements;
    }

    private static List<JsonNode> elements(JsonNode v, String path, String type) {
        if (!v.isArray()) {
            throw CliException.badInput(path + ": " + type + " needs an array, not " + describe(v));
        }
        List<JsonNode> list = new ArrayList<>();
        v.forEach(list::add);
        return list;
    }

    private static String text(JsonNode v, String path, String type) {
        if (!v.isTextual()) {
            throw CliException.badInput(path + ": " + type + " needs a string, not " + describe(v));
        }
        return v.textValue();
    }

    private static String numberLiteral(JsonNode v, String path) {
        String text = v.isTextual() ? v.textValue() : v.isNumber() ? numberText(v) : null;
        if (text == null) {
            throw CliException.badInput(
                    path + ": N needs a number written as a string, e.g. {\"N\":\"42\"}, not " + describe(v));
        }
        return checkedNumber(text, path);
    }

    /**
     * The text, if DynamoDB stores it as a number; the rules are the engine's ({@link Numbers}), so
     * the CLI refuses exactly what a server would, before anything is sent.
     */
    private static String checkedNumber(String text, String path) {
        try {
            Numbers.parse(text);
        } catch (EngineException e) {
            throw CliException.badInput(path + ": '" + text + "' is not a number DynamoDB can store: "
                    + e.error().message());
        }
        return text;
    }

    private static SdkBytes bytes(JsonNode v, String path) {
        if (!v.isTextual()) {
            throw CliException.badInput(path + ": binary values are base64 strings, not " + describe(v));
        }
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(v.textValue()));
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(path + ": '" + v.textValue() + "' is not base64: " + e.getMessage());
        }
    }

    private static String describe(JsonNode node) {
        String kind = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        String text = node.toString();
        return "the " + kind + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
