package io.restmachine.dynamodb.embedded.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restmachine.dynamodb.embedded.action.Engine;
import io.restmachine.dynamodb.embedded.action.FaultPlan;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.table.Database;
import io.restmachine.dynamodb.embedded.table.MutationLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.jspecify.annotations.Nullable;

/**
 * Issue 13 item 10, "no Java exception text ever reaches a client", as a property: every action the
 * engine routes is sent bodies built from its own shape with wrong JSON types at every nesting level
 * (objects for lists, numbers for strings, arrays of arrays, nulls, huge numbers, deep nesting), and
 * bodies broken below JSON (invalid UTF-8, bad escapes, unpaired surrogates, duplicate keys,
 * truncation), through {@link ProtocolHandler} in process. Every answer must be a DynamoDB answer:
 * 200, or 400/413 with a {@code __type} DynamoDB uses and a message free of Java class names,
 * exception names and stack text (DynamoDB's own serialization messages, which name Java types,
 * excepted); an error writes nothing. About 2,000 requests in CI (10 to 20 seconds on a loaded machine);
 * {@code -Drestmachine.fuzz.scale=N} sends N times as many per try.
 */
class WrongTypesPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "fzz";
    private static final int SCALE = Integer.getInteger("restmachine.fuzz.scale", 1);
    /** A file to list every problem in, instead of failing at the first (for a long exploring run). */
    private static final @Nullable String REPORT = System.getProperty("restmachine.fuzz.report");

    /** Every action the engine routes, by target. */
    private static final List<String> TARGETS = List.of(
            "DynamoDB_20120810.PutItem",
            "DynamoDB_20120810.GetItem",
            "DynamoDB_20120810.DeleteItem",
            "DynamoDB_20120810.UpdateItem",
            "DynamoDB_20120810.Query",
            "DynamoDB_20120810.Scan",
            "DynamoDB_20120810.DescribeTable",
            "DynamoDB_20120810.DeleteTable",
            "DynamoDB_20120810.ListTables",
            "DynamoDB_20120810.DescribeTimeToLive",
            "DynamoDB_20120810.UpdateTimeToLive",
            "DynamoDB_20120810.BatchGetItem",
            "DynamoDB_20120810.BatchWriteItem",
            "DynamoDB_20120810.TransactGetItems",
            "DynamoDB_20120810.TransactWriteItems",
            "DynamoDB_20120810.CreateTable",
            "DynamoDB_20120810.UpdateTable",
            "DynamoDB_20120810.ExecuteStatement",
            "DynamoDB_20120810.BatchExecuteStatement",
            "DynamoDB_20120810.ExecuteTransaction",
            "DynamoDB_20120810.TagResource",
            "DynamoDB_20120810.UntagResource",
            "DynamoDB_20120810.ListTagsOfResource",
            "DynamoDBStreams_20120810.ListStreams",
            "DynamoDBStreams_20120810.DescribeStream",
            "DynamoDBStreams_20120810.GetShardIterator",
            "DynamoDBStreams_20120810.GetRecords");

    private static final Set<String> ERROR_TYPES = Arrays.stream(ErrorType.values())
            .filter(type -> type != ErrorType.INTERNAL_SERVER_ERROR)
            .map(ErrorType::qualifiedName)
            .collect(Collectors.toSet());

    /**
     * Java types DynamoDB itself names: its SerializationException messages ("Unrecognized
     * collection type class java.lang.String", "... java.util.Map<java.lang.String,
     * com.amazonaws.dynamodb.v20120810.AttributeValue>") and a blob echoed as its model prints it.
     */
    private static final Pattern DYNAMODB_JAVA_TEXT = Pattern.compile(
            "^Unrecognized collection type .*$|java\\.nio\\.HeapByteBuffer\\[pos=\\d+ lim=\\d+ cap=\\d+]");

    /** What must never reach a client. */
    private static final Pattern LEAK = Pattern.compile(
            "java\\.|javax\\.|sun\\.|jdk\\.|Exception|Error:|\\tat |\\.java:"
                    + "|\\b(?:com|org|net|io)\\.[a-z]+\\.|Cannot invoke|cannot be cast"
                    + "|For input string|out of bounds|NullPointer|ClassCast|IllegalState|IllegalArgument|Unexpected failure");

    /** Strings the generator writes: none contains a leak pattern, so any in a message came from the engine. */
    private static final List<String> STRINGS = List.of(
            TABLE,
            "pk",
            "sk",
            "a",
            "",
            "x",
            "bad name!",
            "1",
            "-5",
            "1e999",
            "NaN",
            "SET a = :v",
            "REMOVE a",
            "pk = :v",
            "#n = :v",
            "a = :v AND b < :w",
            "attribute_exists(a)",
            "size(a) > :v",
            "(((a)))",
            "a[0].b",
            ":v",
            "#n",
            "SELECT * FROM fzz",
            "SELECT * FROM \"fzz\" WHERE pk = ?",
            "INSERT INTO fzz VALUE {'pk': 'a'}",
            "ALL_NEW",
            "NONE",
            "COUNT",
            "HASH",
            "RANGE",
            "S",
            "N",
            "B",
            "PAY_PER_REQUEST",
            "EQ",
            "BETWEEN",
            "PUT",
            "arn:aws:dynamodb:us-east-1:000000000000:table/fzz",
            "TRIM_HORIZON",
            "é€😀",
            "\u0000\u001f",
            "Yg==",
            "x".repeat(300));

    private static final List<String> WRONG = List.of(
            "null",
            "0",
            "-1",
            "1.5",
            "1e999999",
            "-1e999999",
            "123456789012345678901234567890",
            "true",
            "false",
            "\"\"",
            "\"x\"",
            "{}",
            "[]",
            "[[]]",
            "[[[1]], [{}]]",
            "[null]",
            "{\"a\": null}",
            "{\"S\": []}",
            "[{\"S\": \"a\"}]",
            "{\"\": {}}");

    /** The fixture, kept while requests are refused (which must leave it as it was). */
    private static @Nullable ProtocolHandler handler;

    private static String before = "";

    @Provide
    Arbitrary<String> targets() {
        return Arbitraries.of(TARGETS);
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.OFF)
    void everyAnswerToAWronglyTypedBody_isADynamoDBAnswer_andAnErrorWritesNothing(
            @ForAll("targets") String target, @ForAll long seed) throws IOException {
        Random random = new Random(seed);
        Route route = new Routes().target(target).orElseThrow();
        for (int i = 0; i < SCALE; i++) {
            byte[] body = body(route.shape(), random);
            if (handler == null) {
                handler = fixture();
                before = contents(handler);
            }
            ProtocolHandler used = handler;
            WireResponse response = call(used, target, body);
            if (response.status() == 200) {
                handler = null; // it may have written: the next request gets a fresh fixture
            }
            String request = new String(body, StandardCharsets.UTF_8);
            String where = target + " " + (request.length() > 2000 ? request.substring(0, 2000) + "..." : request);
            String problem = problem(response, before, used);
            if (problem != null && REPORT != null) {
                Files.writeString(
                        Path.of(REPORT),
                        problem + "\n    " + where.replace('\n', ' ') + "\n",
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } else {
                assertThat(problem).as(where).isNull();
            }
        }
    }

    /** What is wrong with {@code response} (a refusal must also leave the fixture as it was), or null. */
    private static @Nullable String problem(WireResponse response, String before, ProtocolHandler handler)
            throws IOException {
        if (response.status() == 413) {
            return null;
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() != 200 && response.status() != 400) {
            return "status " + response.status() + ": " + text;
        }
        JsonNode answer = JSON.readTree(response.body());
        if (response.status() == 200) {
            // TagResource and UntagResource answer with an empty body, as DynamoDB does.
            return text.isEmpty() || answer.isObject() ? null : "a 200 answer that is no JSON object: " + text;
        }
        if (!ERROR_TYPES.contains(answer.path("__type").asText())) {
            return "unknown error type: " + text;
        }
        String message = answer.has("message")
                ? answer.get("message").asText()
                : answer.path("Message").asText();
        if (LEAK.matcher(DYNAMODB_JAVA_TEXT.matcher(message).replaceAll("")).find()) {
            return "Java text in the message: " + message;
        }
        String after = contents(handler);
        return after.equals(before) ? null : "a refused request changed the fixture: " + after;
    }

    // ---- the fixture: one table with a range key, an index, a stream and two items

    private static ProtocolHandler fixture() throws IOException {
        ProtocolHandler handler =
                new ProtocolHandler(new Engine(new Database(MutationLog.NONE, Clock.systemUTC()), FaultPlan.NONE));
        ok(
                handler,
                "DynamoDB_20120810.CreateTable",
                "{\"TableName\":\"" + TABLE + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                        + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                        + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byG\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                        + "\"Projection\":{\"ProjectionType\":\"ALL\"}}],"
                        + "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}");
        for (int i = 0; i < 2; i++) {
            ok(
                    handler,
                    "DynamoDB_20120810.PutItem",
                    "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"a\"}," + "\"sk\":{\"N\":\"" + i
                            + "\"},\"g\":{\"S\":\"x\"},\"l\":{\"L\":[{\"S\":\"e\"}]},\"ss\":{\"SS\":[\"p\",\"q\"]}}}");
        }
        return handler;
    }

    private static void ok(ProtocolHandler handler, String target, String body) {
        WireResponse response = call(handler, target, body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
    }

    /** What a failed request must leave alone: the tables, the fixture table's items and tags. */
    private static String contents(ProtocolHandler handler) {
        StringBuilder state = new StringBuilder();
        state.append(text(call(handler, "DynamoDB_20120810.ListTables", "{}".getBytes(StandardCharsets.UTF_8))));
        state.append(text(call(
                handler,
                "DynamoDB_20120810.Scan",
                ("{\"TableName\":\"" + TABLE + "\",\"ConsistentRead\":true}").getBytes(StandardCharsets.UTF_8))));
        String describe = text(call(
                handler,
                "DynamoDB_20120810.DescribeTable",
                ("{\"TableName\":\"" + TABLE + "\"}").getBytes(StandardCharsets.UTF_8)));
        // The description without its counters of time (none changes on a refused request).
        state.append(
                describe.replaceAll("\"(CreationDateTime|LastIncreaseDateTime|LastDecreaseDateTime)\":[0-9.E]+", ""));
        state.append(text(call(
                handler,
                "DynamoDB_20120810.ListTagsOfResource",
                ("{\"ResourceArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/" + TABLE + "\"}")
                        .getBytes(StandardCharsets.UTF_8))));
        return state.toString();
    }

    private static String text(WireResponse response) {
        return response.status() + new String(response.body(), StandardCharsets.UTF_8);
    }

    private static WireResponse call(ProtocolHandler handler, String target, byte[] body) {
        return handler.handle(
                "POST",
                Map.of(
                        "content-type", "application/x-amz-json-1.0",
                        "x-amz-target", target,
                        "authorization", "AWS4-HMAC-SHA256 Credential=a/20250101/us-east-1/dynamodb/aws4_request"),
                body);
    }

    // ---- the bodies: the action's shape, with wrong types anywhere and broken bytes sometimes

    private static byte[] body(Shape.Struct shape, Random random) {
        StringBuilder json = new StringBuilder();
        struct(shape, random, json, 0);
        String text = json.toString();
        int broken = random.nextInt(10);
        if (broken == 0) {
            return brokenBytes(text, random);
        }
        if (broken == 1) {
            return text.substring(0, random.nextInt(text.length() + 1)).getBytes(StandardCharsets.UTF_8);
        }
        if (broken == 2 && text.length() > 2) {
            // A member written twice: the second wins in DynamoDB's parser as in the engine's.
            String member = shape.members().keySet().stream()
                    .skip(random.nextInt(shape.members().size()))
                    .findFirst()
                    .orElseThrow();
            text = "{\"" + member + "\":" + wrong(random) + "," + text.substring(1);
        }
        if (broken == 3) {
            text = "{\"TableName\":" + "[".repeat(1500) + "]".repeat(1500) + "," + text.substring(1);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] brokenBytes(String text, Random random) {
        int at = text.indexOf('"', random.nextInt(Math.max(1, text.length())));
        if (at < 0) {
            at = 0;
        }
        String[] insertions = {"\\x41", "\\u12", "\\ud800", "\\udc00\\ud800", "\\", "\u0001"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = text.substring(0, at + 1).getBytes(StandardCharsets.UTF_8);
        out.write(head, 0, head.length);
        if (random.nextBoolean()) {
            byte[] invalid = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
            out.write(invalid, 0, 1 + random.nextInt(invalid.length));
        } else {
            byte[] insertion = insertions[random.nextInt(insertions.length)].getBytes(StandardCharsets.UTF_8);
            out.write(insertion, 0, insertion.length);
        }
        byte[] tail = text.substring(at + 1).getBytes(StandardCharsets.UTF_8);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    private static String wrong(Random random) {
        if (random.nextInt(20) == 0) {
            int depth = 1 + random.nextInt(1200);
            return random.nextBoolean()
                    ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        }
        return WRONG.get(random.nextInt(WRONG.size()));
    }

    private static void value(Shape shape, Random random, StringBuilder json, int depth) {
        int pick = random.nextInt(8);
        if (pick == 0) {
            json.append("null"); // a JSON null anywhere: in lists and maps it is kept as an element
            return;
        }
        if (pick == 1 || depth > 6) {
            json.append(wrong(random));
            return;
        }
        if (shape instanceof Shape.Struct struct) {
            struct(struct, random, json, depth + 1);
        } else if (shape instanceof Shape.ListOf list) {
            json.append('[');
            int size = random.nextInt(4);
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    json.append(',');
                }
                value(list.element(), random, json, depth + 1);
            }
            json.append(']');
        } else if (shape instanceof Shape.MapOf map) {
            json.append('{');
            int size = random.nextInt(3);
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    json.append(',');
                }
                json.append(quoted(key(random))).append(':');
                value(map.value(), random, json, depth + 1);
            }
            json.append('}');
        } else if (shape instanceof Shape.Attribute) {
            attribute(random, json, depth + 1);
        } else {
            scalar(((Shape.Scalar) shape).kind(), random, json);
        }
    }

    private static void struct(Shape.Struct shape, Random random, StringBuilder json, int depth) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, Shape> member : shape.members().entrySet()) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append(quoted(member.getKey())).append(':');
            if (member.getKey().equals("TableName") && random.nextInt(4) != 0) {
                json.append(quoted(TABLE));
            } else {
                value(member.getValue(), random, json, depth);
            }
        }
        json.append('}');
    }

    private static final List<String> TYPES = List.of("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M", "X");

    private static void attribute(Random random, StringBuilder json, int depth) {
        json.append('{');
        int members = random.nextInt(8) == 0 ? random.nextInt(3) : 1;
        for (int i = 0; i < members; i++) {
            if (i > 0) {
                json.append(',');
            }
            String type = TYPES.get(random.nextInt(TYPES.size()));
            json.append(quoted(type)).append(':');
            if (random.nextInt(6) == 0 || depth > 8) {
                json.append(wrong(random));
                continue;
            }
            switch (type) {
                case "S", "N", "X" -> json.append(quoted(STRINGS.get(random.nextInt(STRINGS.size()))));
                case "B" -> json.append(quoted(random.nextBoolean() ? "Yg==" : "!!"));
                case "BOOL", "NULL" -> json.append(random.nextBoolean());
                case "SS", "NS", "BS" -> json.append(random.nextBoolean() ? "[\"1\",\"1\"]" : "[\"Yg==\",\"2\"]");
                case "L" -> {
                    json.append('[');
                    attribute(random, json, depth + 1);
                    json.append(']');
                }
                default -> {
                    json.append("{\"k\":");
                    attribute(random, json, depth + 1);
                    json.append('}');
                }
            }
        }
        json.append('}');
    }

    private static void scalar(Shape.Kind kind, Random random, StringBuilder json) {
        switch (kind) {
            case STRING -> json.append(quoted(STRINGS.get(random.nextInt(STRINGS.size()))));
            case INTEGER, LONG, DOUBLE -> json.append(
                    List.of("0", "1", "-1", "25", "100", "1000001", "2147483648", "1.5")
                            .get(random.nextInt(8)));
            case BOOLEAN -> json.append(random.nextBoolean());
            default -> json.append(quoted(random.nextBoolean() ? "Yg==" : "abc"));
        }
    }

    private static String key(Random random) {
        return List.of(TABLE, "pk", "sk", ":v", "#n", "a", "", "bad name!").get(random.nextInt(8));
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
