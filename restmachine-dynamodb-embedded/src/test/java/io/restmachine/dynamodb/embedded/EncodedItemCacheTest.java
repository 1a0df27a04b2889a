package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A stored item keeps its rendered JSON after its first read ({@code value.SizedItem#encoded}); these
 * tests check that what later reads copy from there is the item as it is now: every type survives
 * the second read, a write is seen by the next read, and items read from the cache sit correctly
 * side by side in a page.
 */
class EncodedItemCacheTest extends EngineTest {
    private static final Map<String, AttributeValue> EVERY_TYPE = item(
            "pk", "a",
            "s", "grüße \"quoted\" \u2603",
            "n", n("-12.50"),
            "b", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")),
            "bool", AttributeValue.fromBool(false),
            "nul", AttributeValue.fromNul(true),
            "ss", AttributeValue.fromSs(List.of("x", "y")),
            "ns", AttributeValue.fromNs(List.of("1", "2.5")),
            "bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("z"))),
            "l", AttributeValue.fromL(List.of(s("x"), n("1"))),
            "m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromM(Map.of("deep", s("v"))))));

    private Map<String, AttributeValue> get(String pk) {
        return client.getItem(b -> b.tableName("items").key(item("pk", pk))).item();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void secondRead_returnsTheSameItem_ofEveryType(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(EVERY_TYPE));
        Map<String, AttributeValue> first = get("a");
        Map<String, AttributeValue> second = get("a");
        assertThat(first.get("n").n()).isEqualTo("-12.5");
        assertThat(second).isEqualTo(first);
        assertThat(second.get("s").s()).isEqualTo("grüße \"quoted\" \u2603");
        assertThat(second.keySet()).isEqualTo(EVERY_TYPE.keySet());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void writesAfterARead_areSeenByTheNextRead(Transport transport) {
        open(transport);
        createTable("items", null);
        client.putItem(b -> b.tableName("items").item(item("pk", "a", "v", 1)));
        assertThat(get("a").get("v").n()).isEqualTo("1");
        client.updateItem(b -> b.tableName("items")
                .key(item("pk", "a"))
                .updateExpression("SET v = v + :one")
                .expressionAttributeValues(Map.of(":one", n("1"))));
        assertThat(get("a").get("v").n()).isEqualTo("2");
        Map<String, AttributeValue> old = client.putItem(b ->
                        b.tableName("items").item(item("pk", "a", "w", "new")).returnValues(ReturnValue.ALL_OLD))
                .attributes();
        assertThat(old).isEqualTo(item("pk", "a", "v", 2));
        assertThat(get("a")).isEqualTo(item("pk", "a", "w", "new"));
        client.deleteItem(b -> b.tableName("items").key(item("pk", "a")));
        assertThat(get("a")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void cachedItems_fillAPage_andAProjectionStillApplies(Transport transport) {
        open(transport);
        createTable("items", "S");
        for (int i = 0; i < 5; i++) {
            int n = i;
            client.putItem(b -> b.tableName("items").item(item("pk", "p", "sk", "s" + n, "v", n, "x", "y")));
        }
        for (int round = 0; round < 2; round++) {
            List<Map<String, AttributeValue>> items = client.query(b -> b.tableName("items")
                            .keyConditionExpression("pk = :p")
                            .expressionAttributeValues(Map.of(":p", s("p"))))
                    .items();
            assertThat(numbers(items, "v")).containsExactly("0", "1", "2", "3", "4");
            assertThat(items.get(4)).isEqualTo(item("pk", "p", "sk", "s4", "v", 4, "x", "y"));
        }
        List<Map<String, AttributeValue>> projected = client.query(b -> b.tableName("items")
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("p")))
                        .projectionExpression("v"))
                .items();
        assertThat(projected).allSatisfy(i -> assertThat(i.keySet()).containsExactly("v"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void largeItems_areRenderedFromTheirValues_everyRead(Transport transport) {
        open(transport);
        createTable("items", null);
        String big = "x".repeat(2_000);
        client.putItem(b -> b.tableName("items").item(item("pk", "big", "v", big)));
        for (int round = 0; round < 2; round++) {
            assertThat(get("big")).isEqualTo(item("pk", "big", "v", big));
        }
    }
}
