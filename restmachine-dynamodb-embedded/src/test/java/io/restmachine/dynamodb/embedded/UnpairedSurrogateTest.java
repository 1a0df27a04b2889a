package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A string with an unpaired UTF-16 surrogate has no UTF-8 form, so DynamoDB cannot store it: the
 * engine answers SerializationException on every path (values, keys, names, expressions, sets,
 * lists, nested maps), through the in-process client and over HTTP, and writes nothing.
 */
class UnpairedSurrogateTest {
    private static final String LONE = "sur\uD800x";

    private EmbeddedDynamoDB db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    static Stream<Arguments> writes() {
        Map<String, Consumer<DynamoDbClient>> writes = new java.util.LinkedHashMap<>();
        writes.put("string value", c -> c.putItem(b -> b.tableName("things").item(Map.of("pk", s("a"), "v", s(LONE)))));
        writes.put("partition key", c -> c.putItem(b -> b.tableName("things").item(Map.of("pk", s(LONE)))));
        writes.put(
                "attribute name", c -> c.putItem(b -> b.tableName("things").item(Map.of("pk", s("a"), LONE, s("v")))));
        writes.put(
                "string set member",
                c -> c.putItem(b -> b.tableName("things")
                        .item(Map.of("pk", s("a"), "ss", AttributeValue.fromSs(List.of("ok", LONE))))));
        writes.put(
                "list element",
                c -> c.putItem(b -> b.tableName("things")
                        .item(Map.of("pk", s("a"), "l", AttributeValue.fromL(List.of(s("ok"), s(LONE)))))));
        writes.put(
                "nested map value",
                c -> c.putItem(b -> b.tableName("things")
                        .item(Map.of(
                                "pk",
                                s("a"),
                                "m",
                                AttributeValue.fromM(Map.of("x", AttributeValue.fromM(Map.of("y", s(LONE)))))))));
        writes.put(
                "nested map name",
                c -> c.putItem(b -> b.tableName("things")
                        .item(Map.of("pk", s("a"), "m", AttributeValue.fromM(Map.of(LONE, s("v")))))));
        writes.put(
                "expression attribute value",
                c -> c.updateItem(b -> b.tableName("things")
                        .key(Map.of("pk", s("a")))
                        .updateExpression("SET v = :v")
                        .expressionAttributeValues(Map.of(":v", s(LONE)))));
        writes.put(
                "expression attribute name",
                c -> c.updateItem(b -> b.tableName("things")
                        .key(Map.of("pk", s("a")))
                        .updateExpression("SET #n = :v")
                        .expressionAttributeNames(Map.of("#n", LONE))
                        .expressionAttributeValues(Map.of(":v", s("v")))));
        writes.put(
                "condition expression text",
                c -> c.putItem(b -> b.tableName("things")
                        .item(Map.of("pk", s("a")))
                        .conditionExpression("attribute_not_exists(" + LONE + ")")));
        writes.put(
                "batch write key",
                c -> c.batchWriteItem(b -> b.requestItems(Map.of(
                        "things",
                        List.of(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                                .putRequest(p -> p.item(Map.of("pk", s(LONE))))
                                .build())))));
        writes.put(
                "transaction value",
                c -> c.transactWriteItems(b -> b.transactItems(
                        t -> t.put(p -> p.tableName("things").item(Map.of("pk", s("a"), "v", s(LONE)))))));
        return Stream.of(Transport.values()).flatMap(transport -> writes.entrySet().stream()
                .map(write -> Arguments.of(transport, write.getKey(), write.getValue())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("writes")
    void anUnpairedSurrogate_anywhere_isASerializationException_andNothingIsWritten(
            Transport transport, String where, Consumer<DynamoDbClient> write) {
        db = EmbeddedDynamoDB.inMemory();
        DynamoDbClient client = transport.connect(db);
        createTable(client);

        assertThatThrownBy(() -> write.accept(client)).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SerializationException");
            assertThat(e.statusCode()).isEqualTo(400);
            // The SDK writes a member name's surrogate as raw (invalid UTF-8) bytes, which the
            // JSON parser refuses without a message, as DynamoDB does for bytes that are not UTF-8.
            String message = e.awsErrorDetails().errorMessage();
            if (message != null) {
                assertThat(message).contains("unpaired surrogate \\uD800 at index");
            }
        });
        assertThat(client.scan(b -> b.tableName("things")).items()).isEmpty();
    }

    @Test
    void aCompleteSurrogatePair_isStoredAndReadBackUnchanged() {
        db = EmbeddedDynamoDB.inMemory();
        DynamoDbClient client = db.client();
        createTable(client);
        String emoji = "pair \uD83D\uDE00 and \uDBFF\uDFFF";

        client.putItem(b -> b.tableName("things").item(Map.of("pk", s(emoji), emoji, s(emoji))));

        assertThat(client.getItem(b -> b.tableName("things").key(Map.of("pk", s(emoji))))
                        .item())
                .isEqualTo(Map.of("pk", s(emoji), emoji, s(emoji)));
    }

    /** What a hand-written client sends: the escape itself, or the surrogate's 3-byte (CESU-8) encoding. */
    @Test
    void rawHttp_escapedOrEncodedSurrogate_isASerializationException() throws Exception {
        db = EmbeddedDynamoDB.inMemory();
        createTable(db.client());
        URI endpoint = db.startServer(0);
        HttpClient http = HttpClient.newHttpClient();
        byte[] escaped =
                "{\"TableName\":\"things\",\"Item\":{\"pk\":{\"S\":\"sur\\udc00x\"}}}".getBytes(StandardCharsets.UTF_8);
        byte[] prefix = "{\"TableName\":\"things\",\"Item\":{\"pk\":{\"S\":\"sur".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "x\"}}}".getBytes(StandardCharsets.UTF_8);
        byte[] cesu = new byte[prefix.length + 3 + suffix.length];
        System.arraycopy(prefix, 0, cesu, 0, prefix.length);
        cesu[prefix.length] = (byte) 0xED;
        cesu[prefix.length + 1] = (byte) 0xA0;
        cesu[prefix.length + 2] = (byte) 0x80;
        System.arraycopy(suffix, 0, cesu, prefix.length + 3, suffix.length);

        byte[] escapedName = "{\"TableName\":\"things\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\\ud800\":{\"S\":\"v\"}}}"
                .getBytes(StandardCharsets.UTF_8);

        for (byte[] body : List.of(escaped, cesu, escapedName)) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/x-amz-json-1.0")
                            .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                            .header("X-Amz-Date", "20260101T000000Z")
                            .header(
                                    "Authorization",
                                    "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request,"
                                            + " SignedHeaders=host, Signature=abc")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("SerializationException");
        }
        assertThat(db.client().scan(b -> b.tableName("things")).items()).isEmpty();
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(b -> b.tableName("things")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
