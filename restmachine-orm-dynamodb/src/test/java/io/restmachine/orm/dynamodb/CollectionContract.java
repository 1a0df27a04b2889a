package io.restmachine.orm.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.BatchResult;
import io.restmachine.orm.CollectionPage;
import io.restmachine.orm.InvalidCursorException;
import io.restmachine.orm.ItemCollection;
import io.restmachine.orm.MultipleItemsException;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Repository;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.Mixed;
import io.restmachine.orm.fixture.Order;
import io.restmachine.orm.fixture.Task;
import io.restmachine.orm.fixture.Ticket;
import io.restmachine.orm.fixture.TodoItem;
import io.restmachine.orm.fixture.User;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Issue 11, "Item collections" and "Index choice", end to end against a DynamoDB-compatible
 * server. Subclasses say which.
 */
abstract class CollectionContract {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    final RequestRecorder recorder = new RequestRecorder();

    DynamoDbClient client;
    DynamoDBBackend backend;
    Repository<User> users;
    Repository<Order> orders;
    Repository<TodoItem> todos;
    Repository<Task> tasks;
    Repository<Account> accounts;
    Repository<Ticket> tickets;

    abstract DynamoDbClient newClient(RequestRecorder recorder);

    /** Batch chunks in flight: the backend's default unless the server can't take them concurrently. */
    int chunksInFlight() {
        return 4;
    }

    @BeforeEach
    void createTable() {
        client = newClient(recorder);
        backend = DynamoDBBackend.builder()
                .tableName(Peers.uniqueTableName("collections"))
                .client(client)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .batchChunksInFlight(chunksInFlight())
                .build();
        users = backend.repository(User.class);
        orders = backend.repository(Order.class);
        todos = backend.repository(TodoItem.class);
        tasks = backend.repository(Task.class);
        accounts = backend.repository(Account.class);
        tickets = backend.repository(Ticket.class);
        backend.createTable();
        recorder.clear();
    }

    @AfterEach
    void dropTable() {
        backend.deleteTable();
        backend.close();
        client.close();
    }

    <R extends SdkRequest> List<R> sent(Class<R> type) {
        return recorder.sent(type);
    }

    void alicesPartition() {
        users.create(new User("alice", "alice@example.com", "Alice"));
        orders.create(new Order("alice", "o1", new BigDecimal("12.50")));
        orders.create(new Order("alice", "o2", new BigDecimal("3")));
        todos.create(new TodoItem("alice", "t1", "Write docs"));
        tasks.create(new Task("alice", "k1", "open", 1));
        users.create(new User("bob", null, "Bob"));
        orders.create(new Order("bob", "o9", BigDecimal.ONE));
        recorder.clear();
    }

    @Test
    void list_readsProfileOrdersAndTodos_withOneQuery() {
        alicesPartition();

        ItemCollection alice = backend.collection(User.class, Order.class, TodoItem.class)
                .partition("USER#alice")
                .list();

        assertThat(sent(SdkRequest.class)).hasSize(1);
        QueryRequest query = sent(QueryRequest.class).get(0);
        assertThat(query.filterExpression()).isEqualTo("#et IN (:et0, :et1, :et2)");
        assertThat(alice.one(User.class)).contains(new User("alice", "alice@example.com", "Alice"));
        assertThat(alice.all(Order.class)).extracting(Order::getOrderId).containsExactly("o1", "o2");
        assertThat(alice.all(TodoItem.class)).extracting(TodoItem::title).containsExactly("Write docs");
        // Sort-key order: ORDER#o1, ORDER#o2, PROFILE, TODO#...; the Task is not listed, so not there.
        assertThat(alice.items())
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Order", "Order", "User", "TodoItem");
        assertThatThrownBy(() -> alice.one(Order.class))
                .isInstanceOf(MultipleItemsException.class)
                .hasMessageContaining("Order")
                .hasMessageContaining("2");
        assertThatThrownBy(() -> alice.all(Task.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[User, Order, TodoItem]");
    }

    @Test
    void theTypedForm_readsTheSamePartition() {
        alicesPartition();

        ItemCollection typed = backend.collection(Order.class, TodoItem.class)
                .where()
                .eq("userId", "alice")
                .list();

        assertThat(typed.items()).hasSize(3);
        ItemCollection byValue = backend.collection(Order.class, TodoItem.class)
                .partition("USER#alice")
                .list();
        assertThat(typed.all(Order.class)).extracting(Order::getOrderId).containsExactly("o1", "o2");
        assertThat(typed.all(TodoItem.class)).isEqualTo(byValue.all(TodoItem.class));
        assertThatThrownBy(() -> backend.collection(User.class, TodoItem.class)
                        .where()
                        .eq("userId", "alice")
                        .list())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("User can't compute");
    }

    @Test
    void sortKeyConditions_andDescending_runOnTheServer() {
        alicesPartition();
        var alice = backend.collection(User.class, Order.class, TodoItem.class).partition("USER#alice");

        assertThat(alice.sortKeyBeginsWith("ORDER#").list().items()).hasSize(2);
        assertThat(alice.sortKeyBetween("ORDER#o2", "PROFILE").list().items())
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Order", "User");
        assertThat(alice.sortKeyEq("PROFILE").list().one(User.class)).isPresent();
        assertThat(alice.sortKeyLt("ORDER#o2").list().items()).hasSize(1);
        assertThat(alice.sortKeyLte("ORDER#o2").list().items()).hasSize(2);
        assertThat(alice.sortKeyGt("PROFILE").list().items()).hasSize(1);
        assertThat(alice.sortKeyGte("PROFILE").list().items()).hasSize(2);
        assertThat(alice.descending().list().items())
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("TodoItem", "User", "Order", "Order");
    }

    /** How many items the mixed partition of the page walk holds: 10,000 unless a server is too slow for it. */
    int mixedItems() {
        return 10_000;
    }

    /** A partition of 10,000 items of 5 types, 2 of them listed, read page by page. */
    @Test
    void aLargePartitionOfMixedItems_isWalkedPageByPage_noneTwice_noneLost() {
        int total = mixedItems();
        List<Object> apples = new ArrayList<>();
        List<Object> others = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < total; i++) {
            String seq = String.format("%05d", i);
            switch (i % 5) {
                case 0 -> apples.add(new Mixed.Apple("b", seq));
                case 1 -> others.add(new Mixed.Berry("b", seq));
                case 2 -> others.add(new Mixed.Cherry("b", seq));
                case 3 -> others.add(new Mixed.Date("b", seq));
                default -> others.add(new Mixed.Elder("b", seq));
            }
            if (i % 5 == 0 || i % 5 == 3) {
                expected.add(seq);
            }
        }
        write(apples, others);

        recorder.clear();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        int limit = 97;
        do {
            CollectionPage page = backend.collection(Mixed.Apple.class, Mixed.Date.class)
                    .partition("BAG#b")
                    .limit(limit)
                    .cursor(cursor)
                    .paginate();
            for (Object item : page.collection().items()) {
                seen.add(item instanceof Mixed.Apple a ? a.seq() : ((Mixed.Date) item).seq());
            }
            if (page.hasMore()) {
                assertThat(page.collection().size())
                        .as("a page before the last is full")
                        .isEqualTo(limit);
            }
            cursor = page.cursor();
            pages++;
        } while (cursor != null && pages < 1000);

        assertThat(seen).as("none twice").doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).as("none lost").isEqualTo(expected);
        assertThat(seen).as("in sort-key order").isSorted();
        assertThat(pages).isEqualTo((expected.size() + limit - 1) / limit);
        int queries = sent(QueryRequest.class).size();
        System.out.println("collection walk: " + seen.size() + " of " + total + " items in " + pages + " pages, "
                + queries + " Query requests");
        assertThat(queries)
                .as("one Query per page, plus one while the first page learns the filter's share")
                .isLessThanOrEqualTo(pages + 1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void write(List<Object> apples, List<Object> others) {
        writeAll(Mixed.Apple.class, apples);
        writeAll(
                Mixed.Date.class,
                others.stream().filter(Mixed.Date.class::isInstance).toList());
        for (Class<?> type : List.of(Mixed.Berry.class, Mixed.Cherry.class, Mixed.Elder.class)) {
            writeAll(type, others.stream().filter(type::isInstance).toList());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void writeAll(Class<?> type, List<Object> items) {
        BatchResult<?> result = backend.batchCreate((Class) type, (List) items);
        assertThat(result.allWritten())
                .as(
                        "%s; first failure: %s",
                        result,
                        result.failed().isEmpty()
                                ? "none"
                                : result.failed().get(0).reason())
                .isTrue();
    }

    @Test
    void cursors_areTamperChecked_andBoundToTheCollection() {
        alicesPartition();
        CollectionPage first = backend.collection(Order.class, TodoItem.class)
                .partition("USER#alice")
                .limit(1)
                .paginate();
        String cursor = first.cursor();
        assertThat(cursor).isNotNull();

        CollectionPage rest = backend.collection(Order.class, TodoItem.class)
                .partition("USER#alice")
                .cursor(cursor)
                .paginate();
        assertThat(rest.collection().items()).hasSize(2);
        assertThat(rest.cursor()).isNull();
        assertThatThrownBy(() -> backend.collection(Order.class)
                        .partition("USER#alice")
                        .cursor(cursor)
                        .paginate())
                .isInstanceOf(InvalidCursorException.class);
        String altered = (cursor.charAt(3) == 'A' ? "B" : "A");
        assertThatThrownBy(() -> backend.collection(Order.class, TodoItem.class)
                        .partition("USER#alice")
                        .cursor(cursor.substring(0, 3) + altered + cursor.substring(4))
                        .paginate())
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void anIndexPartition_isReadAsACollection() {
        accounts.create(new Account("a1", "a1@example.com", "NZ", NOW, null, null));
        accounts.create(new Account("a2", "a2@example.com", "NZ", NOW.plusSeconds(1), null, null));
        accounts.create(new Account("a3", "a3@example.com", "FR", NOW, null, null));

        ItemCollection nz = backend.collection(Account.class)
                .index("ByCountry")
                .partition("COUNTRY#NZ")
                .list();

        assertThat(nz.all(Account.class)).extracting(Account::id).containsExactly("a1", "a2");
    }

    @Test
    void aQueryOnAnIndexPartitionKey_usesTheIndex_withoutBeingTold() {
        accounts.create(new Account("a1", "a1@example.com", "NZ", NOW, null, null));
        accounts.create(new Account("a2", "a2@example.com", "NZ", NOW, null, null));
        recorder.clear();

        List<Account> found = accounts.where().eq("email", "a2@example.com").list();

        assertThat(found).extracting(Account::id).containsExactly("a2");
        assertThat(sent(ScanRequest.class)).isEmpty();
        assertThat(sent(QueryRequest.class)).singleElement().satisfies(q -> assertThat(q.indexName())
                .isEqualTo("ByEmail"));
        Plan plan = accounts.where().eq("email", "a2@example.com").explain();
        assertThat(plan.reason()).contains("ByEmail chosen automatically");
    }

    @Test
    void aConsistentQuery_onAnIndexPartitionKey_scansTheTable() {
        accounts.create(new Account("a1", "a1@example.com", "NZ", NOW, null, null));
        recorder.clear();

        List<Account> found =
                accounts.where().eq("email", "a1@example.com").consistentRead().list();

        assertThat(found).extracting(Account::id).containsExactly("a1");
        assertThat(sent(ScanRequest.class)).singleElement().satisfies(s -> {
            assertThat(s.indexName()).isNull();
            assertThat(s.consistentRead()).isTrue();
        });
    }

    @Test
    void anIncludeIndex_isCreatedWithTheEntityType_andServesQueriesThatSelectWhatItHolds() {
        var described = client.describeTable(b -> b.tableName(backend.tableName()))
                .table()
                .globalSecondaryIndexes();
        assertThat(described)
                .filteredOn(g -> g.indexName().equals("ByQueue"))
                .singleElement()
                .satisfies(g -> {
                    assertThat(g.projection().projectionTypeAsString()).isEqualTo("INCLUDE");
                    assertThat(g.projection().nonKeyAttributes())
                            .containsExactlyInAnyOrder("entity_type", "queue", "title");
                });
        assertThat(described)
                .filteredOn(g -> g.indexName().equals("ByOwner"))
                .singleElement()
                .satisfies(
                        g -> assertThat(g.projection().projectionTypeAsString()).isEqualTo("KEYS_ONLY"));
        tickets.create(new Ticket("t1", "support", "ann", "Printer", "On fire"));
        tickets.create(new Ticket("t2", "sales", "ann", "Quote", "Big one"));
        recorder.clear();

        List<Ticket> support =
                tickets.where().eq("queue", "support").select("title").list();

        assertThat(support).containsExactly(new Ticket(null, null, null, "Printer", null));
        assertThat(sent(QueryRequest.class)).singleElement().satisfies(q -> assertThat(q.indexName())
                .isEqualTo("ByQueue"));
        assertThat(tickets.where().eq("queue", "support").list())
                .as("a full read scans the table instead of the INCLUDE index")
                .extracting(Ticket::body)
                .containsExactly("On fire");
    }
}
