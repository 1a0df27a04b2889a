package io.restmachine.dynamodb.embedded.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The bad-input catalogue of the engine's wire protocol (docs/bad-input.md, rows W-*), sent as raw
 * HTTP to 127.0.0.1: each case names the HTTP status, the {@code __type} and a fragment of
 * DynamoDB's message, and checks that the table holds exactly the items it held before.
 */
class WireBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AUTH =
            "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host,"
                    + " Signature=00";
    private static EmbeddedDynamoDB db;
    private static URI endpoint;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        db = EmbeddedDynamoDB.inMemory();
        endpoint = db.startServer(0);
        client = db.client();
        client.createTable(b -> b.tableName("wire")
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk")
                        .attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk")
                        .keyType("RANGE")));
        for (int i = 0; i < 3; i++) {
            client.putItem(b -> b.tableName("wire").item(item("p", "s" + System.nanoTime(), "n", "1")));
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String name, String number) {
        return Map.of(
                "pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk), name, AttributeValue.fromN(number));
    }

    /** One row: target, body, and the expected answer. */
    record Case(String id, String name, String target, byte[] body, int status, String type, String fragment) {}

    static Case bad(String id, String name, String target, String body, String type, String fragment) {
        return new Case(id, name, target, body.getBytes(StandardCharsets.UTF_8), 400, type, fragment);
    }

    @TestFactory
    Stream<DynamicTest> everyBadRequest_getsDynamoDbsError_andWritesNothing() {
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.id() + " " + c.name(), () -> {
                    long before = storedItems();
                    HttpResponse<String> response = post(c.target(), c.body());
                    assertThat(response.statusCode())
                            .as(c.id() + ": " + response.body())
                            .isEqualTo(c.status());
                    JsonNode error = JSON.readTree(response.body());
                    assertThat(error.path("__type").asText()).as(c.id()).endsWith("#" + c.type());
                    String message = error.has("message")
                            ? error.get("message").asText()
                            : error.path("Message").asText();
                    assertThat(message).as(c.id()).contains(c.fragment());
                    assertThat(storedItems()).as("items stored after " + c.id()).isEqualTo(before);
                }));
    }

    @Test
    void bodyOver16Megabytes_isRefusedWith413_andWritesNothing() throws Exception {
        long before = storedItems();
        byte[] body = new byte[16 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        HttpResponse<String> response = post("PutItem", body);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(storedItems()).isEqualTo(before);
    }

    @Test
    void attributeValueNested32LevelsDeep_isStoredAndReadBack() throws Exception {
        String key = "\"pk\":{\"S\":\"deep\"},\"sk\":{\"S\":\"32\"}";
        HttpResponse<String> put = post(
                "PutItem", put("{" + key + ",\"a\":" + nestedMaps(32) + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        HttpResponse<String> get = post(
                "GetItem",
                ("{\"TableName\":\"wire\",\"ConsistentRead\":true,\"Key\":{" + key + "}}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(JSON.readTree(get.body()).path("Item").path("a")).isEqualTo(JSON.readTree(nestedMaps(32)));
        client.deleteItem(b ->
                b.tableName("wire").key(Map.of("pk", AttributeValue.fromS("deep"), "sk", AttributeValue.fromS("32"))));
    }

    @Test
    void largestLimit_readsEveryItem() throws Exception {
        long stored = storedItems();
        HttpResponse<String> scan =
                post("Scan", "{\"TableName\":\"wire\",\"Limit\":2147483647}".getBytes(StandardCharsets.UTF_8));
        assertThat(scan.statusCode()).as(scan.body()).isEqualTo(200);
        assertThat(JSON.readTree(scan.body()).path("Count").asLong()).isEqualTo(stored);
    }

    /** The probe's case: 26 puts of 300 KB each, 7.8 MB refused for having more than 25 requests. */
    @Test
    void oversizedBatchWrite_isRefused_withAMessageThatEchoesAtMostFourKilobytesOfIt() throws Exception {
        long before = storedItems();
        String pad = "x".repeat(300 * 1024);
        String body = IntStream.range(0, 26)
                .mapToObj(i -> "{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"big\"},\"sk\":{\"S\":\"" + i
                        + "\"},\"pad\":{\"S\":\"" + pad + "\"}}}}")
                .collect(Collectors.joining(",", "{\"RequestItems\":{\"wire\":[", "]}}"));
        assertThat(body.length()).isGreaterThan(7_800_000);
        HttpResponse<String> response = post("BatchWriteItem", body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        String message = JSON.readTree(response.body()).path("message").asText();
        assertThat(message)
                .startsWith("1 validation error detected: Value '{wire=[WriteRequest(putRequest=PutRequest(item={"
                        + "pk=AttributeValue(s=big, n=null, ")
                .contains("...' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint:"
                        + " [Member must have length less than or equal to 25");
        assertThat(response.body().length()).isLessThan(5 * 1024);
        assertThat(storedItems()).isEqualTo(before);
    }

    @Test
    void controlCharactersAndReservedWords_inNamesAndValues_areStoredAndReadBackUnchanged() {
        String name = "status\u0001name\ttab";
        String value = "nul\u0000bell\u0007 emoji \uD83D\uDE00";
        client.putItem(b -> b.tableName("wire")
                .item(Map.of(
                        "pk",
                        AttributeValue.fromS("ctl\u0000"),
                        "sk",
                        AttributeValue.fromS("\u001f"),
                        name,
                        AttributeValue.fromS(value),
                        "size",
                        AttributeValue.fromN("3"))));
        Map<String, AttributeValue> read = client.getItem(b -> b.tableName("wire")
                        .key(Map.of("pk", AttributeValue.fromS("ctl\u0000"), "sk", AttributeValue.fromS("\u001f")))
                        .consistentRead(true))
                .item();
        assertThat(read)
                .containsEntry(name, AttributeValue.fromS(value))
                .containsEntry("size", AttributeValue.fromN("3"));
        client.deleteItem(b -> b.tableName("wire")
                .key(Map.of("pk", AttributeValue.fromS("ctl\u0000"), "sk", AttributeValue.fromS("\u001f"))));
    }

    private static long storedItems() {
        return client.scan(b -> b.tableName("wire").select(Select.COUNT)).count();
    }

    private static HttpResponse<String> post(String target, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "DynamoDB_20120810." + target)
                        .header("Authorization", AUTH)
                        .header("X-Amz-Date", "20250101T000000Z")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An attribute value {@code levels} deep: maps of one member, a string at the bottom. */
    private static String nestedMaps(int levels) {
        return "{\"M\":{\"m\":".repeat(levels - 1) + "{\"S\":\"x\"}" + "}}".repeat(levels - 1);
    }

    private static String put(String itemJson) {
        return "{\"TableName\":\"wire\",\"Item\":" + itemJson + "}";
    }

    private static String writes(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"S\":\"" + i + "\"}}}}")
                .collect(Collectors.joining(",", "{\"RequestItems\":{\"wire\":[", "]}}"));
    }

    private static String transactPuts(int count, boolean sameItem) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"Put\":{\"TableName\":\"wire\",\"Item\":{\"pk\":{\"S\":\"t\"},\"sk\":{\"S\":\""
                        + (sameItem ? "same" : Integer.toString(i)) + "\"}}}}")
                .collect(Collectors.joining(",", "{\"TransactItems\":[", "]}"));
    }

    private static String keys(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"pk\":{\"S\":\"b\"},\"sk\":{\"S\":\"" + i + "\"}}")
                .collect(Collectors.joining(",", "{\"RequestItems\":{\"wire\":{\"Keys\":[", "]}}}"));
    }

    static List<Case> cases() {
        String key = "\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"new\"}";
        List<Case> cases = new ArrayList<>();
        cases.add(bad(
                "W-01",
                "truncated JSON",
                "PutItem",
                "{\"TableName\":\"wire\",\"Item\":{",
                "SerializationException",
                ""));
        cases.add(bad("W-02", "JSON array instead of an object", "PutItem", "[1,2]", "ValidationException", ""));
        cases.add(bad(
                "W-03",
                "TableName of the wrong type",
                "PutItem",
                "{\"TableName\":5,\"Item\":{" + key + "}}",
                "SerializationException",
                ""));
        cases.add(bad(
                "W-04",
                "Item of the wrong type",
                "PutItem",
                "{\"TableName\":\"wire\",\"Item\":\"x\"}",
                "SerializationException",
                ""));
        cases.add(bad(
                "W-05",
                "attribute value with no type",
                "PutItem",
                put("{" + key + ",\"a\":{}}"),
                "ValidationException",
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"));
        cases.add(bad(
                "W-06",
                "attribute value with two types",
                "PutItem",
                put("{" + key + ",\"a\":{\"S\":\"x\",\"N\":\"1\"}}"),
                "ValidationException",
                "Supplied AttributeValue has more than one datatypes set"));
        cases.add(bad(
                "W-07",
                "number that is not a number",
                "PutItem",
                put("{" + key + ",\"a\":{\"N\":\"abc\"}}"),
                "ValidationException",
                "The parameter cannot be converted to a numeric value: "));
        cases.add(bad(
                "W-08",
                "number with 39 significant digits",
                "PutItem",
                put("{" + key + ",\"a\":{\"N\":\"1" + "2".repeat(38) + "\"}}"),
                "ValidationException",
                "Attempting to store more than 38 significant digits in a Number"));
        cases.add(bad(
                "W-09",
                "number above 10^126",
                "PutItem",
                put("{" + key + ",\"a\":{\"N\":\"1E+126\"}}"),
                "ValidationException",
                "Number overflow"));
        cases.add(bad(
                "W-10",
                "number NaN",
                "PutItem",
                put("{" + key + ",\"a\":{\"N\":\"NaN\"}}"),
                "ValidationException",
                "The parameter cannot be converted to a numeric value: "));
        cases.add(bad(
                "W-11",
                "number Infinity",
                "PutItem",
                put("{" + key + ",\"a\":{\"N\":\"Infinity\"}}"),
                "ValidationException",
                "The parameter cannot be converted to a numeric value: "));
        cases.add(bad(
                "W-12",
                "empty string set",
                "PutItem",
                put("{" + key + ",\"a\":{\"SS\":[]}}"),
                "ValidationException",
                "An string set  may not be empty"));
        cases.add(bad(
                "W-13",
                "empty number set",
                "PutItem",
                put("{" + key + ",\"a\":{\"NS\":[]}}"),
                "ValidationException",
                "An number set  may not be empty"));
        cases.add(bad(
                "W-14",
                "string set with duplicates",
                "PutItem",
                put("{" + key + ",\"a\":{\"SS\":[\"x\",\"x\"]}}"),
                "ValidationException",
                "contains duplicates"));
        cases.add(bad(
                "W-15",
                "empty string partition key",
                "PutItem",
                put("{\"pk\":{\"S\":\"\"},\"sk\":{\"S\":\"x\"}}"),
                "ValidationException",
                "The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"));
        cases.add(bad(
                "W-16",
                "missing sort key",
                "PutItem",
                put("{\"pk\":{\"S\":\"p\"}}"),
                "ValidationException",
                "Missing the key sk in the item"));
        cases.add(bad(
                "W-17",
                "key of the wrong type",
                "PutItem",
                put("{\"pk\":{\"N\":\"1\"},\"sk\":{\"S\":\"x\"}}"),
                "ValidationException",
                "Type mismatch for key"));
        cases.add(bad(
                "W-18",
                "item over 400 KB",
                "PutItem",
                put("{" + key + ",\"a\":{\"S\":\"" + "x".repeat(401 * 1024) + "\"}}"),
                "ValidationException",
                "Item size has exceeded the maximum allowed size"));
        cases.add(bad("W-19", "unknown operation", "DropEverything", "{}", "UnknownOperationException", ""));
        cases.add(bad(
                "W-20",
                "missing TableName",
                "PutItem",
                "{\"Item\":{" + key + "}}",
                "ValidationException",
                "Value null at 'tableName' failed to satisfy constraint: Member must not be null"));
        cases.add(bad(
                "W-21",
                "table that does not exist",
                "PutItem",
                "{\"TableName\":\"nope\",\"Item\":{" + key + "}}",
                "ResourceNotFoundException",
                "Requested resource not found"));
        cases.add(bad(
                "W-22",
                "condition with a syntax error",
                "PutItem",
                "{\"TableName\":\"wire\",\"Item\":{" + key + "},\"ConditionExpression\":\"attribute_exists(\"}",
                "ValidationException",
                "Invalid ConditionExpression: Syntax error"));
        cases.add(bad(
                "W-23",
                "reserved word used as a name",
                "PutItem",
                "{\"TableName\":\"wire\",\"Item\":{" + key
                        + "},\"ConditionExpression\":\"attribute_not_exists(status)\"}",
                "ValidationException",
                "Attribute name is a reserved keyword; reserved keyword: status"));
        cases.add(bad(
                "W-24",
                "unused expression attribute value",
                "PutItem",
                "{\"TableName\":\"wire\",\"Item\":{" + key + "},\"ConditionExpression\":\"attribute_not_exists(pk)\","
                        + "\"ExpressionAttributeValues\":{\":x\":{\"S\":\"1\"}}}",
                "ValidationException",
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}"));
        cases.add(bad(
                "W-25",
                "undefined expression attribute value",
                "PutItem",
                "{\"TableName\":\"wire\",\"Item\":{" + key + "},\"ConditionExpression\":\"pk = :missing\"}",
                "ValidationException",
                "An expression attribute value used in expression is not defined"));
        cases.add(bad(
                "W-26",
                "undefined expression attribute name",
                "UpdateItem",
                "{\"TableName\":\"wire\",\"Key\":{" + key + "},\"UpdateExpression\":\"SET #n = :v\","
                        + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"1\"}}}",
                "ValidationException",
                "An expression attribute name used in the document path is not defined"));
        cases.add(bad(
                "W-27",
                "update of a key attribute",
                "UpdateItem",
                "{\"TableName\":\"wire\",\"Key\":{" + key + "},\"UpdateExpression\":\"SET pk = :v\","
                        + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"1\"}}}",
                "ValidationException",
                "Cannot update attribute pk. This attribute is part of the key"));
        cases.add(bad(
                "W-28",
                "ADD of a number to a string",
                "UpdateItem",
                "{\"TableName\":\"wire\",\"Key\":{" + key + "},\"UpdateExpression\":\"SET a = :s ADD a :n\","
                        + "\"ExpressionAttributeValues\":{\":s\":{\"S\":\"x\"},\":n\":{\"N\":\"1\"}}}",
                "ValidationException",
                "Two document paths overlap with each other"));
        cases.add(bad(
                "W-29",
                "26 writes in one BatchWriteItem",
                "BatchWriteItem",
                writes(26),
                "ValidationException",
                "Member must have length less than or equal to 25"));
        cases.add(bad(
                "W-30",
                "the same key twice in one BatchWriteItem",
                "BatchWriteItem",
                "{\"RequestItems\":{\"wire\":[{\"PutRequest\":{\"Item\":{" + key + "}}},{\"PutRequest\":{\"Item\":{"
                        + key + "}}}]}}",
                "ValidationException",
                "Provided list of item keys contains duplicates"));
        cases.add(bad(
                "W-31",
                "101 keys in one BatchGetItem",
                "BatchGetItem",
                keys(101),
                "ValidationException",
                "Member must have length less than or equal to 100"));
        cases.add(bad(
                "W-32",
                "101 actions in one transaction",
                "TransactWriteItems",
                transactPuts(101, false),
                "ValidationException",
                "Member must have length less than or equal to 100"));
        cases.add(bad(
                "W-33",
                "one item twice in a transaction",
                "TransactWriteItems",
                transactPuts(2, true),
                "ValidationException",
                "Transaction request cannot include multiple operations on one item"));
        cases.add(bad(
                "W-34",
                "Query without a key condition",
                "Query",
                "{\"TableName\":\"wire\"}",
                "ValidationException",
                "Either the KeyConditions or KeyConditionExpression parameter must be specified"));
        cases.add(bad(
                "W-35",
                "Scan with Limit 0",
                "Scan",
                "{\"TableName\":\"wire\",\"Limit\":0}",
                "ValidationException",
                "Member must have value greater than or equal to 1"));
        cases.add(bad(
                "W-36",
                "start key that does not match the schema",
                "Scan",
                "{\"TableName\":\"wire\",\"ExclusiveStartKey\":{\"other\":{\"S\":\"x\"}}}",
                "ValidationException",
                "The provided starting key is invalid"));
        cases.add(bad(
                "W-37",
                "attribute value nested 33 levels deep (DynamoDB's limit is 32)",
                "PutItem",
                put("{" + key + ",\"a\":" + nestedMaps(33) + "}"),
                "ValidationException",
                "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond"
                        + " supported limit"));
        cases.add(new Case(
                "W-38",
                "body that is not UTF-8",
                "PutItem",
                new byte[] {'{', '"', 'T', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                400,
                "SerializationException",
                ""));
        cases.add(bad(
                "W-39",
                "condition that does not hold",
                "PutItem",
                "{\"TableName\":\"wire\",\"Item\":{" + key + "},\"ConditionExpression\":\"attribute_exists(pk)\"}",
                "ConditionalCheckFailedException",
                "The conditional request failed"));
        cases.add(bad(
                "W-42",
                "JSON nested deeper than the parser allows (1,000 levels)",
                "PutItem",
                put("{" + key + ",\"a\":{\"L\":" + "[".repeat(1000) + "]".repeat(1000) + "}}"),
                "SerializationException",
                ""));
        cases.add(bad(
                "W-43",
                "Limit past 32 bits (used to wrap: 4294967298 read 2 items)",
                "Scan",
                "{\"TableName\":\"wire\",\"Limit\":4294967298}",
                "SerializationException",
                "NUMBER_VALUE cannot be converted to Integer"));
        cases.add(bad(
                "W-44",
                "Limit with a fraction",
                "Query",
                "{\"TableName\":\"wire\",\"KeyConditionExpression\":\"pk = :p\","
                        + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"}},\"Limit\":1.5}",
                "SerializationException",
                "DECIMAL_VALUE cannot be converted to Integer"));
        cases.add(bad(
                "W-45",
                "Limit of 1e999999",
                "Scan",
                "{\"TableName\":\"wire\",\"Limit\":1e999999}",
                "SerializationException",
                "DECIMAL_VALUE cannot be converted to Integer"));
        cases.add(bad(
                "W-46",
                "Segment and TotalSegments past 32 bits",
                "Scan",
                "{\"TableName\":\"wire\",\"Segment\":4294967296,\"TotalSegments\":4294967298}",
                "SerializationException",
                "NUMBER_VALUE cannot be converted to Integer"));
        cases.add(bad(
                "W-47",
                "ReadCapacityUnits with a fraction",
                "UpdateTable",
                "{\"TableName\":\"wire\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1.5,"
                        + "\"WriteCapacityUnits\":1}}",
                "SerializationException",
                "DECIMAL_VALUE cannot be converted to Long"));
        cases.add(bad(
                "W-48",
                "BOOL given as the string \"yes\" (used to be stored as true)",
                "PutItem",
                put("{" + key + ",\"b\":{\"BOOL\":\"yes\"}}"),
                "SerializationException",
                "Unexpected token received from parser"));
        cases.add(bad(
                "W-49",
                "BOOL given as the string \"False\" (used to be stored as false)",
                "PutItem",
                put("{" + key + ",\"b\":{\"BOOL\":\"False\"}}"),
                "SerializationException",
                "Unexpected token received from parser"));
        cases.add(bad(
                "W-50",
                "NULL given as the string \"1\"",
                "PutItem",
                put("{" + key + ",\"z\":{\"NULL\":\"1\"}}"),
                "SerializationException",
                "Unexpected token received from parser"));
        cases.add(bad(
                "W-51",
                "ConsistentRead given as the string \"true\"",
                "GetItem",
                "{\"TableName\":\"wire\",\"Key\":{" + key + "},\"ConsistentRead\":\"true\"}",
                "SerializationException",
                "Unexpected token received from parser"));
        return cases;
    }
}
