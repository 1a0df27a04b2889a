package io.restmachine.orm.examples;

import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.math.BigDecimal;
import java.util.List;

/**
 * Single-table design: users and their orders in one table and one partition ({@code USER#<id>}),
 * each repository reading only its own entity type.
 */
public final class SingleTableDesign {
    private SingleTableDesign() {}

    /** Runs the single-table example on an in-memory engine and prints the user's orders. */
    public static void main(String[] args) {
        InMemoryEngine.run(backend -> {
            System.out.println(run(backend));
        });
    }

    /** Creates user-1 with two orders; returns the user's orders. */
    public static List<Order> run(DynamoDBBackend backend) {
        Repository<User> users = backend.repository(User.class);
        Repository<Order> orders = backend.repository(Order.class);

        // Both use the same table
        User user = users.create(new User("user-1", "alice@example.com", "Alice"));
        Order order = orders.create(new Order("user-1", "order-1", new BigDecimal("99.99")));
        orders.create(new Order("user-1", "order-2", new BigDecimal("5.00")));

        // One Query on the partition USER#user-1, sort keys beginning with ORDER#
        List<Order> userOrders = orders.where().eq("userId", "user-1").list();
        return userOrders;
    }
}
