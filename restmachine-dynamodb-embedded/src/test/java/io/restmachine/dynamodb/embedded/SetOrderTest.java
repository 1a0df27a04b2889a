package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB promises no order for set members; the engine returns them in the order they were first
 * written, on every write path and across a restart (docs/conformance.md, "Set order"). Sets of 40
 * shuffled members make an accidental pass of a hash order unlikely.
 */
class SetOrderTest extends EngineTest {
    private static final List<String> STRINGS = shuffled("s");
    private static final List<String> NUMBERS = shuffled("");

    private static List<String> shuffled(String prefix) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            members.add(prefix + (i * 7919 % 1000));
        }
        Collections.shuffle(members, new Random(13));
        return List.copyOf(members);
    }

    private static Map<String, AttributeValue> item(String pk) {
        return Map.of(
                "pk", s(pk),
                "ss", AttributeValue.fromSs(STRINGS),
                "ns", AttributeValue.fromNs(NUMBERS),
                "bs",
                        AttributeValue.fromBs(
                                STRINGS.stream().map(SdkBytes::fromUtf8String).toList()));
    }

    private static void assertWrittenOrder(Map<String, AttributeValue> item) {
        assertThat(item.get("ss").ss()).containsExactlyElementsOf(STRINGS);
        assertThat(item.get("ns").ns()).containsExactlyElementsOf(NUMBERS);
        assertThat(item.get("bs").bs().stream().map(SdkBytes::asUtf8String).toList())
                .containsExactlyElementsOf(STRINGS);
    }

    private Map<String, AttributeValue> get(DynamoDbClient from, String pk) {
        return from.getItem(b -> b.tableName("things").key(Map.of("pk", s(pk)))).item();
    }

    private void writeEveryWay(DynamoDbClient to) {
        to.putItem(b -> b.tableName("things").item(item("put")));
        to.batchWriteItem(b -> b.requestItems(Map.of(
                "things",
                List.of(WriteRequest.builder()
                        .putRequest(p -> p.item(item("batch")))
                        .build()))));
        to.transactWriteItems(
                b -> b.transactItems(t -> t.put(p -> p.tableName("things").item(item("tx")))));
        // ADD in two steps: members already present keep their place, new ones follow in written order.
        to.updateItem(b -> b.tableName("things")
                .key(Map.of("pk", s("add")))
                .updateExpression("ADD ss :first")
                .expressionAttributeValues(Map.of(":first", AttributeValue.fromSs(STRINGS.subList(0, 25)))));
        to.updateItem(b -> b.tableName("things")
                .key(Map.of("pk", s("add")))
                .updateExpression("ADD ss :all, ns :ns, bs :bs")
                .expressionAttributeValues(Map.of(
                        ":all", AttributeValue.fromSs(STRINGS),
                        ":ns", item("x").get("ns"),
                        ":bs", item("x").get("bs"))));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void setMembers_comeBackInTheOrderFirstWritten_onEveryWritePath(Transport transport) {
        open(transport);
        createTable("things", null);
        writeEveryWay(client);
        for (String pk : List.of("put", "batch", "tx", "add")) {
            assertWrittenOrder(get(client, pk));
        }
        assertWrittenOrder(client.query(b -> b.tableName("things")
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("batch"))))
                .items()
                .get(0));
    }

    @Test
    void setMembers_keepTheirOrder_acrossARestart(@TempDir Path dir) {
        open(Transport.IN_PROCESS, EmbeddedDynamoDB.builder().persistent(dir).expiryInterval(Duration.ZERO));
        createTable("things", null);
        writeEveryWay(client);
        db.close();

        open(Transport.IN_PROCESS, EmbeddedDynamoDB.builder().persistent(dir).expiryInterval(Duration.ZERO));
        for (String pk : List.of("put", "batch", "tx", "add")) {
            assertWrittenOrder(get(client, pk));
        }
    }
}
