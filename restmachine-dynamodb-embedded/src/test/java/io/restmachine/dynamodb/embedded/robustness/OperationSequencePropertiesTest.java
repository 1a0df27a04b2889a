package io.restmachine.dynamodb.embedded.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Random sequences of writes and reads applied both to the engine and to a plain sorted map of
 * sort key to item: every answer, and the whole partition after every step, must agree. (The
 * expression parser's own fuzz properties live in {@code expression.ExpressionPropertiesTest}.)
 */
class OperationSequencePropertiesTest {
    private static EmbeddedDynamoDB db;
    private static DynamoDbClient client;
    private static final AtomicInteger TABLES = new AtomicInteger();

    @BeforeContainer
    static void start() {
        db = EmbeddedDynamoDB.builder().expiryInterval(java.time.Duration.ZERO).build();
        client = db.client();
    }

    @AfterContainer
    static void stop() {
        db.close();
    }

    /** One step; keys come from a small space so steps collide. */
    record Step(Kind kind, int key, long amount) {}

    enum Kind {
        PUT,
        DELETE,
        ADD,
        CREATE_IF_ABSENT,
        REMOVE_ATTRIBUTE,
        GET
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.longs().between(-1_000_000, 1_000_000))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 150)
    void engineAndAPlainMap_agreeOnEveryAnswerAndEveryState(@ForAll("steps") List<Step> steps) {
        String table = "ops-" + TABLES.incrementAndGet();
        client.createTable(b -> b.tableName(table)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk")
                        .attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk")
                        .keyType("RANGE")));
        try {
            TreeMap<String, Map<String, AttributeValue>> model = new TreeMap<>();
            for (Step step : steps) {
                apply(table, step, model);
                assertThat(partition(table)).isEqualTo(model);
            }
        } finally {
            client.deleteTable(b -> b.tableName(table));
        }
    }

    private static void apply(String table, Step step, TreeMap<String, Map<String, AttributeValue>> model) {
        String sk = "k" + step.key();
        Map<String, AttributeValue> key = Map.of("pk", s("p"), "sk", s(sk));
        Map<String, AttributeValue> before = model.get(sk);
        switch (step.kind()) {
            case PUT -> {
                Map<String, AttributeValue> item = new HashMap<>(key);
                item.put("n", n(step.amount()));
                item.put("tag", s("put-" + step.amount()));
                Map<String, AttributeValue> old = client.putItem(
                                b -> b.tableName(table).item(item).returnValues(ReturnValue.ALL_OLD))
                        .attributes();
                assertThat(old.isEmpty() ? null : old).isEqualTo(before);
                model.put(sk, Map.copyOf(item));
            }
            case DELETE -> {
                Map<String, AttributeValue> old = client.deleteItem(
                                b -> b.tableName(table).key(key).returnValues(ReturnValue.ALL_OLD))
                        .attributes();
                assertThat(old.isEmpty() ? null : old).isEqualTo(before);
                model.remove(sk);
            }
            case ADD -> {
                Map<String, AttributeValue> now = client.updateItem(b -> b.tableName(table)
                                .key(key)
                                .updateExpression("ADD n :a")
                                .expressionAttributeValues(Map.of(":a", n(step.amount())))
                                .returnValues(ReturnValue.ALL_NEW))
                        .attributes();
                Map<String, AttributeValue> next = new HashMap<>(before == null ? key : before);
                BigDecimal old =
                        next.containsKey("n") ? new BigDecimal(next.get("n").n()) : BigDecimal.ZERO;
                next.put(
                        "n",
                        AttributeValue.fromN(
                                old.add(BigDecimal.valueOf(step.amount())).toPlainString()));
                assertThat(now).isEqualTo(next);
                model.put(sk, Map.copyOf(next));
            }
            case CREATE_IF_ABSENT -> {
                Map<String, AttributeValue> item = new HashMap<>(key);
                item.put("tag", s("created"));
                if (before == null) {
                    client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
                    model.put(sk, Map.copyOf(item));
                } else {
                    assertThatThrownBy(() -> client.putItem(
                                    b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")))
                            .isInstanceOf(ConditionalCheckFailedException.class);
                }
            }
            case REMOVE_ATTRIBUTE -> {
                client.updateItem(b -> b.tableName(table).key(key).updateExpression("REMOVE tag"));
                // DynamoDB does not create a missing item for an update that only removes.
                if (before != null) {
                    Map<String, AttributeValue> next = new HashMap<>(before);
                    next.remove("tag");
                    model.put(sk, Map.copyOf(next));
                }
            }
            case GET -> {
                Map<String, AttributeValue> got = client.getItem(
                                b -> b.tableName(table).key(key).consistentRead(true))
                        .item();
                assertThat(got.isEmpty() ? null : got).isEqualTo(before);
            }
        }
    }

    private static TreeMap<String, Map<String, AttributeValue>> partition(String table) {
        TreeMap<String, Map<String, AttributeValue>> items = new TreeMap<>();
        QueryResponse page = client.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p")))
                .consistentRead(true));
        List<String> order = page.items().stream().map(i -> i.get("sk").s()).toList();
        assertThat(order).as("query order").isSorted();
        page.items().forEach(i -> items.put(i.get("sk").s(), i));
        return items;
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
