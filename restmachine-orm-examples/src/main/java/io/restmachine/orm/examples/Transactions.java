package io.restmachine.orm.examples;

import io.restmachine.orm.Condition;
import io.restmachine.orm.Key;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.math.BigDecimal;

/** An all-or-nothing write across entity types (DynamoDB TransactWriteItems). */
public final class Transactions {
    private Transactions() {}

    /** Runs the transaction on an in-memory engine and prints the user's orders. */
    public static void main(String[] args) {
        InMemoryEngine.run(backend -> {
            run(backend);
            System.out.println(
                    backend.repository(Order.class).where().eq("userId", "u1").list());
        });
    }

    /** Creates user u1 with order o1, then adds 5 to the order's total while checking the user exists. */
    public static void run(DynamoDBBackend backend) {
        backend.repository(User.class).create(new User("u1", "alice@example.com", "Alice"));
        backend.repository(Order.class).create(new Order("u1", "o1", new BigDecimal("10")));

        backend.transaction(tx -> tx.update(
                        Order.class, Key.of("userId", "u1").and("orderId", "o1"), u -> u.add("total", 5))
                .check(User.class, Key.of("id", "u1"), Condition.field("name").exists()));
    }
}
