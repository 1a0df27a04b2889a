package io.restmachine.dynamodb.embedded.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restmachine.dynamodb.embedded.action.Engine;
import io.restmachine.dynamodb.embedded.action.FaultPlan;
import io.restmachine.dynamodb.embedded.table.Database;
import io.restmachine.dynamodb.embedded.table.MutationLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 items 6-9 in process, through {@link ProtocolHandler#handle} as the in-process SDK
 * client reaches it (no socket): what the decoder refuses is never written, what it accepts is
 * read back, and an error's echo stays small. WireBadInputTest checks the same over HTTP.
 */
class ProtocolHandlerBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private ProtocolHandler handler;

    @BeforeEach
    void start() throws IOException {
        handler = new ProtocolHandler(new Engine(new Database(MutationLog.NONE, Clock.systemUTC()), FaultPlan.NONE));
        JsonNode created = call(
                "CreateTable",
                "{\"TableName\":\"tbl\",\"BillingMode\":\"PAY_PER_REQUEST\","
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}");
        assertThat(created.path("status").asInt()).as(created.toString()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            call("PutItem", "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"k" + i + "\"}}}");
        }
    }

    private JsonNode call(String action, String body) throws IOException {
        WireResponse response = handler.handle(
                "POST",
                Map.of(
                        "content-type", "application/x-amz-json-1.0",
                        "x-amz-target", "DynamoDB_20120810." + action,
                        "authorization", "AWS4-HMAC-SHA256 Credential=a/20250101/us-east-1/dynamodb/aws4_request"),
                body.getBytes(StandardCharsets.UTF_8));
        JsonNode answer = JSON.readTree(response.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) answer).put("status", response.status());
        ((com.fasterxml.jackson.databind.node.ObjectNode) answer).put("bytes", response.body().length);
        return answer;
    }

    private static String message(JsonNode answer) {
        return answer.has("message")
                ? answer.get("message").asText()
                : answer.path("Message").asText();
    }

    @Test
    void limitsThatUsedToWrapOrRound_areRefused_andTheLargestIntegerReadsEverything() throws IOException {
        for (String limit : new String[] {"4294967298", "4294967301", "1.5", "1e999999", "-4294967295"}) {
            JsonNode answer = call("Scan", "{\"TableName\":\"tbl\",\"Limit\":" + limit + "}");
            assertThat(answer.path("status").asInt()).as(limit).isEqualTo(400);
            assertThat(answer.path("__type").asText()).as(limit).endsWith("#SerializationException");
            assertThat(answer.has("Items")).as(limit).isFalse();
        }
        assertThat(call("Scan", "{\"TableName\":\"tbl\",\"Limit\":2147483647}")
                        .path("Count")
                        .asInt())
                .isEqualTo(5);
    }

    @Test
    void booleanStrings_areRefused_andNothingIsWritten() throws IOException {
        for (String text : new String[] {"yes", "no", "0", "False"}) {
            JsonNode answer = call(
                    "PutItem",
                    "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"b-" + text + "\"},\"b\":{\"BOOL\":\"" + text
                            + "\"}}}");
            assertThat(message(answer)).as(text).isEqualTo("Unexpected token received from parser");
            assertThat(call("GetItem", "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"b-" + text + "\"}}}")
                            .has("Item"))
                    .as(text)
                    .isFalse();
        }
    }

    @Test
    void nesting_32LevelsAreStored_33AreRefusedWithDynamoDbsMessage() throws IOException {
        String ok = RequestDecoderTest.nested(32);
        call("PutItem", "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"deep\"},\"a\":" + ok + "}}");
        assertThat(call("GetItem", "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"deep\"}}}")
                        .path("Item")
                        .path("a"))
                .isEqualTo(JSON.readTree(ok));
        JsonNode refused = call(
                "PutItem",
                "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"deeper\"},\"a\":" + RequestDecoderTest.nested(33)
                        + "}}");
        assertThat(message(refused)).isEqualTo(RequestDecoder.NESTING_TOO_DEEP);
        assertThat(call("GetItem", "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"deeper\"}}}")
                        .has("Item"))
                .isFalse();
    }

    @Test
    void anOversizedBatchWrite_isAnsweredInAFewKilobytes() throws IOException {
        String pad = "x".repeat(300 * 1024);
        String body = IntStream.range(0, 26)
                .mapToObj(i ->
                        "{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"big" + i + "\"},\"pad\":{\"S\":\"" + pad + "\"}}}}")
                .collect(Collectors.joining(",", "{\"RequestItems\":{\"tbl\":[", "]}}"));
        JsonNode answer = call("BatchWriteItem", body);
        assertThat(answer.path("status").asInt()).isEqualTo(400);
        assertThat(message(answer)).endsWith("Member must have length greater than or equal to 1]");
        assertThat(answer.path("bytes").asInt()).isLessThan(5 * 1024);
        assertThat(call("Scan", "{\"TableName\":\"tbl\"}").path("Count").asInt())
                .isEqualTo(5);
    }
}
