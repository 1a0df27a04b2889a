package io.restmachine.orm.examples;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.CollectionPage;
import io.restmachine.orm.ItemCollection;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Item collections: a user's profile, orders and to-do items live in one partition ({@code
 * USER#alice}), so one DynamoDB Query reads what a page needs, each item decoded as its own type.
 */
public final class ItemCollections {
    private ItemCollections() {}

    /** Runs the example on an in-memory engine and prints what the collection holds. */
    public static void main(String[] args) {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
                DynamoDBBackend backend = DynamoDBBackend.builder()
                        .tableName("my-app-table")
                        .client(db.client())
                        .build()) {
            backend.createTable();
            System.out.println(run(backend).items());
            System.out.println(plan(backend));
        }
    }

    /** Stores Alice's profile, two orders and a to-do item, then reads them back with one Query. */
    public static ItemCollection run(DynamoDBBackend backend) {
        Repository<User> users = backend.repository(User.class);
        Repository<Order> orders = backend.repository(Order.class);
        Repository<TodoItem> todos = backend.repository(TodoItem.class);
        users.create(new User("alice", "alice@example.com", "Alice"));
        orders.create(new Order("alice", "order-1", new BigDecimal("25.00")));
        orders.create(new Order("alice", "order-2", new BigDecimal("9.50")));
        todos.create(new TodoItem("alice", "todo-1", "Ship it", null));

        // One Query on partition USER#alice; items of other types are filtered out by the server
        ItemCollection alice = backend.collection(User.class, Order.class, TodoItem.class)
                .partition("USER#alice")
                .list();
        Optional<User> profile = alice.one(User.class); // empty if absent; two would be an error
        List<Order> aliceOrders = alice.all(Order.class);
        List<Object> inOrder = alice.items(); // every item as its own type, in sort-key order
        return alice;
    }

    /** One page of Alice's orders; pass the previous page's cursor (null for the first page). */
    public static CollectionPage ordersPage(DynamoDBBackend backend, @Nullable String previous) {
        CollectionPage page = backend.collection(User.class, Order.class)
                .partition("USER#alice")
                .sortKeyBeginsWith("ORDER#")
                .limit(50)
                .cursor(previous)
                .paginate();
        // page.collection().all(Order.class), page.cursor() (null on the last page), page.hasMore()
        return page;
    }

    /** The typed form: every listed model computes partition USER#alice from userId. */
    public static ItemCollection typed(DynamoDBBackend backend) {
        ItemCollection ordersAndTodos = backend.collection(Order.class, TodoItem.class)
                .where()
                .eq("userId", "alice")
                .list();
        return ordersAndTodos;
    }

    /** What the read sends, without sending it: a Query with an entity-type filter. */
    public static Plan plan(DynamoDBBackend backend) {
        Plan plan = backend.collection(User.class, Order.class, TodoItem.class)
                .partition("USER#alice")
                .explain();
        return plan;
    }
}
