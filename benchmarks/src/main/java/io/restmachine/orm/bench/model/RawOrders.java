package io.restmachine.orm.bench.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link Order} written by hand against the raw {@link DynamoDbClient}: the code a user writes
 * without a mapper, and the peer of the repository in measurement 2. Stores the same 13-attribute
 * item as the repository.
 */
public final class RawOrders {
    /** The table every in-process benchmark uses. */
    public static final String TABLE = "bench";

    private RawOrders() {}

    /** Puts the order unless its key exists (as {@code Repository.create} does). */
    public static void create(DynamoDbClient client, Order order) {
        client.putItem(b -> b.tableName(TABLE).item(item(order)).conditionExpression("attribute_not_exists(pk)"));
    }

    /** Reads the order of this id back, or empty. */
    public static Optional<Order> get(DynamoDbClient client, String id) {
        GetItemResponse response = client.getItem(b -> b.tableName(TABLE)
                .key(Map.of(
                        "pk", AttributeValue.fromS("ORDER#" + id),
                        "sk", AttributeValue.fromS("DETAILS"))));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(order(response.item()))
                : Optional.empty();
    }

    /** The item of an order. */
    public static Map<String, AttributeValue> item(Order order) {
        Map<String, AttributeValue> item = new HashMap<>(24);
        item.put("pk", AttributeValue.fromS("ORDER#" + order.id()));
        item.put("sk", AttributeValue.fromS("DETAILS"));
        item.put("entity_type", AttributeValue.fromS("Order"));
        item.put("id", AttributeValue.fromS(order.id()));
        item.put("customer", AttributeValue.fromS(order.customer()));
        item.put("email", AttributeValue.fromS(order.email()));
        item.put("status", AttributeValue.fromS(order.status()));
        item.put("quantity", AttributeValue.fromN(Integer.toString(order.quantity())));
        item.put("total", AttributeValue.fromN(order.total().toPlainString()));
        item.put("placedAt", AttributeValue.fromS(order.placedAt().toString()));
        item.put(
                "tags",
                AttributeValue.fromL(
                        order.tags().stream().map(AttributeValue::fromS).toList()));
        Address a = order.shipTo();
        item.put(
                "shipTo",
                AttributeValue.fromM(Map.of(
                        "street", AttributeValue.fromS(a.street()),
                        "city", AttributeValue.fromS(a.city()),
                        "zip", AttributeValue.fromS(a.zip()))));
        item.put("gift", AttributeValue.fromBool(order.gift()));
        return item;
    }

    /** The order of an item. */
    public static Order order(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> a = item.get("shipTo").m();
        return new Order(
                item.get("id").s(),
                item.get("customer").s(),
                item.get("email").s(),
                item.get("status").s(),
                Integer.parseInt(item.get("quantity").n()),
                new BigDecimal(item.get("total").n()),
                Instant.parse(item.get("placedAt").s()),
                item.get("tags").l().stream().map(AttributeValue::s).toList(),
                new Address(a.get("street").s(), a.get("city").s(), a.get("zip").s()),
                item.get("gift").bool());
    }

    /** Items for a batch load: the orders numbered from {@code first}, {@code count} of them. */
    public static List<Map<String, AttributeValue>> items(int first, int count) {
        return java.util.stream.IntStream.range(first, first + count)
                .mapToObj(n -> item(Orders.sample(n)))
                .toList();
    }
}
