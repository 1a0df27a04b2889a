package io.restmachine.orm.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.BackendException;
import io.restmachine.orm.BatchResult;
import io.restmachine.orm.Condition;
import io.restmachine.orm.ConflictException;
import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.InvalidCursorException;
import io.restmachine.orm.Key;
import io.restmachine.orm.NotFoundException;
import io.restmachine.orm.Page;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Repository;
import io.restmachine.orm.TransactionCanceledException;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.Invoice;
import io.restmachine.orm.fixture.Note;
import io.restmachine.orm.fixture.Odd;
import io.restmachine.orm.fixture.Order;
import io.restmachine.orm.fixture.Profile;
import io.restmachine.orm.fixture.Task;
import io.restmachine.orm.fixture.TodoItem;
import io.restmachine.orm.fixture.User;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The backend end to end, through repositories, against a real DynamoDB-compatible server: every
 * bullet of issue 4. Subclasses say which server and what it lacks.
 */
abstract class BackendContract {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    final RequestRecorder recorder = new RequestRecorder();
    DynamoDbClient client;
    DynamoDBBackend backend;
    Repository<User> users;
    Repository<Order> orders;
    Repository<TodoItem> todos;
    Repository<Task> tasks;
    Repository<Account> accounts;
    Repository<Invoice> invoices;

    abstract DynamoDbClient newClient(RequestRecorder recorder);

    abstract String serverName();

    // What the server implements: as DynamoDB does, unless a subclass says otherwise.

    /** Whether the server implements TransactWriteItems and TransactGetItems. */
    boolean supportsTransactions() {
        return true;
    }

    /** Whether the server implements UpdateTimeToLive and DescribeTimeToLive. */
    boolean supportsTimeToLive() {
        return true;
    }

    /** Whether the server deletes items whose time to live has passed; {@link #expireNow()} then sweeps. */
    boolean expiresItems() {
        return false;
    }

    /** Makes the server delete expired items now (only called when {@link #expiresItems()}). */
    void expireNow() {
        throw new UnsupportedOperationException(serverName() + " does not expire items");
    }

    @BeforeEach
    void createTable() {
        client = newClient(recorder);
        backend = DynamoDBBackend.builder()
                .tableName(Peers.uniqueTableName("backend"))
                .client(client)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .cursorKey("a test secret of 32 bytes length".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build();
        users = backend.repository(User.class);
        orders = backend.repository(Order.class);
        todos = backend.repository(TodoItem.class);
        tasks = backend.repository(Task.class);
        accounts = backend.repository(Account.class);
        invoices = backend.repository(Invoice.class);
        backend.register(Profile.class, Odd.class).createTable();
        recorder.clear();
    }

    @AfterEach
    void dropTable() {
        backend.deleteTable();
        backend.close();
        client.close();
    }

    Map<String, AttributeValue> raw(String pk, String sk) {
        return Peers.storedItem(client, backend.tableName(), pk, sk);
    }

    // --- CRUD ---------------------------------------------------------------------------------

    @Test
    void create_storesThePythonCompatibleLayout_withoutAbsentValues() {
        users.create(new User("u1", null, "Alice"));

        assertThat(raw("USER#u1", "PROFILE"))
                .containsOnlyKeys("pk", "sk", "entity_type", "id", "name")
                .containsEntry("entity_type", AttributeValue.fromS("User"))
                .containsEntry("name", AttributeValue.fromS("Alice"));
        assertThat(users.get("u1")).contains(new User("u1", null, "Alice"));
    }

    @Test
    void create_whenTheKeyExists_throwsDuplicateKey_andKeepsTheStoredItem() {
        users.create(new User("u1", "a@x", "Alice"));

        assertThatThrownBy(() -> users.create(new User("u1", "b@x", "Bob"))).isInstanceOf(DuplicateKeyException.class);
        assertThat(users.get(Key.of("id", "u1"))).contains(new User("u1", "a@x", "Alice"));
    }

    @Test
    void save_replacesOnlyAnExistingItem() {
        assertThatThrownBy(() -> users.save(new User("u2", "a@x", "A"))).isInstanceOf(NotFoundException.class);
        assertThat(users.get("u2")).isEmpty();

        users.create(new User("u2", "a@x", "A"));
        users.save(new User("u2", null, "B"));

        assertThat(users.get("u2")).contains(new User("u2", null, "B"));
        assertThat(raw("USER#u2", "PROFILE")).doesNotContainKey("email");
    }

    @Test
    void upsert_putsWhetherOrNotTheItemExists() {
        users.upsert(new User("u3", "a@x", "A"));
        users.upsert(new User("u3", "b@x", "B"));

        assertThat(users.get("u3")).contains(new User("u3", "b@x", "B"));
    }

    @Test
    void update_sendsOneExpression_andReturnsTheNewItem() {
        orders.create(new Order("u1", "o1", new BigDecimal("10.50")));

        Order updated = orders.update(Key.of("userId", "u1").and("orderId", "o1"), u -> u.add("total", 5));

        assertThat(updated.getTotal()).isEqualByComparingTo("15.50");
        assertThat(orders.get(Key.of("userId", "u1").and("orderId", "o1"))
                        .orElseThrow()
                        .getTotal())
                .isEqualByComparingTo("15.50");
        assertThat(recorder.sent(software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.class))
                .hasSize(1);
    }

    @Test
    void update_combinesSetSetIfAbsentAppendAddAndRemove_inOneRequest() {
        Repository<Note> notes = backend.repository(Note.class);
        notes.create(new Note("n1", "draft", List.of("a"), 1L));
        recorder.clear();

        Note updated = notes.update(Key.of("id", "n1"), u -> u.setIfAbsent("title", "ignored")
                .append("lines", List.of("b", "c"))
                .add("views", 2));
        Note removed = notes.update(Key.of("id", "n1"), u -> u.remove("title").set("views", 10));
        Note refilled = notes.update(Key.of("id", "n1"), u -> u.setIfAbsent("title", "kept"));

        assertThat(updated).isEqualTo(new Note("n1", "draft", List.of("a", "b", "c"), 3L));
        assertThat(removed).isEqualTo(new Note("n1", null, List.of("a", "b", "c"), 10L));
        assertThat(refilled).isEqualTo(new Note("n1", "kept", List.of("a", "b", "c"), 10L));
        assertThat(recorder.sent(software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.class))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.returnValuesAsString()).isEqualTo("ALL_NEW"));
    }

    @Test
    void update_ofAMissingItem_throwsNotFound_andCreatesNothing() {
        assertThatThrownBy(() -> users.update(Key.of("id", "nobody"), u -> u.set("name", "X")))
                .isInstanceOf(NotFoundException.class);
        assertThat(raw("USER#nobody", "PROFILE")).isEmpty();
    }

    @Test
    void delete_returnsWhetherTheItemExisted() {
        users.create(new User("u4", null, "A"));

        assertThat(users.delete(Key.of("id", "u4"))).isTrue();
        assertThat(users.delete(Key.of("id", "u4"))).isFalse();
        assertThat(users.get("u4")).isEmpty();
    }

    @Test
    void version_isCheckedOnSaveAndDelete_andAStaleOneThrowsConflict() {
        Key key = Key.of("userId", "u1").and("orderId", "o1");
        Order created = orders.create(new Order("u1", "o1", BigDecimal.ONE));
        Order staleForSave = orders.get(key).orElseThrow();
        Order staleForDelete = orders.get(key).orElseThrow();
        created.setTotal(BigDecimal.TEN);
        Order saved = orders.save(created);
        assertThat(saved.getVersion()).isGreaterThan(staleForSave.getVersion());

        staleForSave.setTotal(new BigDecimal("99"));
        assertThatThrownBy(() -> orders.save(staleForSave)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> orders.delete(staleForDelete)).isInstanceOf(ConflictException.class);
        assertThat(orders.get(key).orElseThrow().getTotal()).isEqualByComparingTo("10");
        assertThat(orders.delete(saved)).isTrue();
    }

    @Test
    void timestamps_comeFromTheBackendClock_andAreStoredAsIso8601() {
        TodoItem todo = todos.create(new TodoItem("alice", "t1", "Write docs"));
        Account account = accounts.create(new Account("a1", "a@x", "NZ", NOW, null, null));

        assertThat(todo.createdAt()).isEqualTo(NOW);
        assertThat(account.updatedAt()).isEqualTo(NOW);
        assertThat(raw("USER#alice", "TODO#2026-11-25T12:00:00.000000000Z#t1"))
                .containsEntry("createdAt", AttributeValue.fromS("2026-11-25T12:00:00.000000000Z"));
    }

    @Test
    void ttl_isStoredAsEpochSeconds() {
        Instant expires = Instant.parse("2027-01-01T00:00:00Z");
        accounts.create(new Account("a2", null, null, null, null, expires));

        assertThat(raw("USER#a2", "ACCOUNT"))
                .containsEntry("expiresAt", AttributeValue.fromN(Long.toString(expires.getEpochSecond())));
        assertThat(accounts.get("a2").orElseThrow().expiresAt()).isEqualTo(expires);
    }

    @Test
    void indexKeys_areStoredUnderTheirLayoutNames_andLeftOutWhenAFieldIsMissing() {
        Instant expires = Instant.parse("2027-01-01T00:00:00Z");
        accounts.create(new Account("a-1", "alice@example.com", null, null, null, expires));

        assertThat(raw("USER#a-1", "ACCOUNT"))
                .containsOnlyKeys("pk", "sk", "entity_type", "gsi_pk_ByEmail", "id", "email", "updatedAt", "expiresAt")
                .containsEntry("gsi_pk_ByEmail", AttributeValue.fromS("EMAIL#alice@example.com"))
                .containsEntry("updatedAt", AttributeValue.fromS("2026-11-25T12:00:00.000000000Z"))
                .containsEntry("expiresAt", AttributeValue.fromN("1798761600"));
    }

    @Test
    void createTable_enablesTimeToLiveOnTheTtlAttribute() {
        Peers.skipUnless(supportsTimeToLive(), serverName(), "UpdateTimeToLive");

        assertThat(backend.describeTable().timeToLiveAttribute()).isEqualTo("expiresAt");
    }

    @Test
    void anItemWhoseTimeToLiveHasPassed_isDeletedByTheServer_andOthersAreKept() {
        Peers.skipUnless(expiresItems(), serverName(), "deleting items whose time to live has passed");
        // The server's own clock decides, not the backend's fixed one.
        Instant now = Instant.now();
        accounts.create(new Account("gone", null, null, null, null, now.minusSeconds(3600)));
        accounts.create(new Account("kept", null, null, null, null, now.plusSeconds(3600)));

        expireNow();

        assertThat(accounts.get("gone")).isEmpty();
        assertThat(accounts.get("kept")).isPresent();
    }

    @Test
    void reservedWordsAndOddCharacters_inNames_justWork() {
        Repository<Odd> odds = backend.repository(Odd.class);
        odds.create(new Odd("o1", "name", "status", 3, "odd"));
        odds.update(
                Key.of("id", "o1"), u -> u.set("status", "done").add("size", 1).set("odd", "changed"));

        assertThat(odds.get("o1")).contains(new Odd("o1", "name", "done", 4, "changed"));
        assertThat(odds.where().eq("status", "done").eq("odd", "changed").list())
                .hasSize(1);
        assertThat(raw("Odd#o1", "METADATA"))
                .containsEntry("odd name.with#hash:colon-dash", AttributeValue.fromS("changed"));
    }

    @Test
    void aMissingTable_throwsBackendException_sayingHowToCreateIt() {
        try (DynamoDBBackend missing = DynamoDBBackend.builder()
                .tableName("no-such-table")
                .client(client)
                .build()) {
            assertThatThrownBy(() -> missing.repository(User.class).get("u1"))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("'no-such-table' does not exist")
                    .hasMessageContaining("backend.createTable()")
                    .hasCauseInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
        }
    }

    // --- Queries ------------------------------------------------------------------------------

    @Test
    void aComputablePartitionKey_runsAsQuery_andAnythingElseAsScan() {
        todos.create(new TodoItem("alice", "t1", "Write docs"));
        todos.create(new TodoItem("alice", "t2", "Read docs"));
        todos.create(new TodoItem("bob", "t3", "Write code"));

        Plan query =
                todos.where().eq("userId", "alice").beginsWith("title", "Write").explain();
        Plan scan = todos.where().beginsWith("title", "Write").explain();

        assertThat(query.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(query.keyCondition()).contains("begins_with");
        assertThat(scan.operation()).isEqualTo(Plan.Operation.SCAN);
        recorder.clear();
        assertThat(todos.where()
                        .eq("userId", "alice")
                        .beginsWith("title", "Write")
                        .list())
                .extracting(TodoItem::todoId)
                .containsExactly("t1");
        assertThat(recorder.sent(QueryRequest.class)).isNotEmpty();
        assertThat(recorder.sent(ScanRequest.class)).isEmpty();
        recorder.clear();
        assertThat(todos.where().beginsWith("title", "Write").list())
                .extracting(TodoItem::todoId)
                .containsExactlyInAnyOrder("t1", "t3");
        assertThat(recorder.sent(ScanRequest.class)).isNotEmpty();
        assertThat(recorder.sent(QueryRequest.class)).isEmpty();
    }

    @Test
    void aQueryOnAGlobalSecondaryIndex_findsByTheIndexKey() {
        accounts.create(new Account("a1", "a@x", "NZ", NOW.minusSeconds(10), null, null));
        accounts.create(new Account("a2", "b@x", "NZ", NOW.minusSeconds(5), null, null));
        accounts.create(new Account("a3", "c@x", "DE", NOW, null, null));

        Plan plan = accounts.where().index("ByEmail").eq("email", "b@x").explain();
        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.index()).isEqualTo("ByEmail");
        assertThat(accounts.where().index("ByEmail").eq("email", "b@x").first())
                .map(Account::id)
                .contains("a2");
        assertThat(accounts.where()
                        .index("ByCountry")
                        .eq("country", "NZ")
                        .descending()
                        .list())
                .extracting(Account::id)
                .containsExactly("a2", "a1");
        assertThat(recorder.sent(QueryRequest.class))
                .allSatisfy(q -> assertThat(q.indexName()).isNotNull());
    }

    @Test
    void descending_reversesTheSortKeyOrder() {
        for (int i = 0; i < 5; i++) {
            tasks.create(new Task("alice", "k" + i, "open", i));
        }

        assertThat(tasks.where().eq("userId", "alice").descending().list())
                .extracting(Task::taskId)
                .containsExactly("k4", "k3", "k2", "k1", "k0");
        assertThat(recorder.sent(QueryRequest.class)).last().satisfies(q -> assertThat(q.scanIndexForward())
                .isFalse());
    }

    @Test
    void select_onAScanFilteredByAnotherField_findsTheItem_andHandsBackOnlyTheSelectedFields() {
        tasks.create(new Task("alice", "k1", "open", 7));
        tasks.create(new Task("bob", "k2", "done", 3));

        List<Task> projected =
                tasks.where().eq("state", "open").select("taskId").list();

        assertThat(projected).singleElement().satisfies(t -> {
            assertThat(t.taskId()).isEqualTo("k1");
            assertThat(t.userId()).isNull();
            assertThat(t.state()).isNull();
            assertThat(t.rank()).isZero();
        });
        assertThat(tasks.where()
                        .eq("state", "open")
                        .select("taskId")
                        .limit(1)
                        .paginate()
                        .items())
                .extracting(Task::taskId)
                .containsExactly("k1");
    }

    @Test
    void select_sendsAProjection_andReadsOnlyThoseFields() {
        tasks.create(new Task("alice", "k1", "open", 7));

        List<Task> projected =
                tasks.where().eq("userId", "alice").select("taskId", "rank").list();

        assertThat(projected).hasSize(1);
        assertThat(projected.get(0).taskId()).isEqualTo("k1");
        assertThat(projected.get(0).rank()).isEqualTo(7);
        assertThat(projected.get(0).state()).isNull();
        assertThat(recorder.sent(QueryRequest.class)).last().satisfies(q -> assertThat(q.projectionExpression())
                .isNotBlank());
    }

    @Test
    void consistentRead_isSent() {
        tasks.create(new Task("alice", "k1", "open", 1));

        assertThat(tasks.where().eq("userId", "alice").consistentRead().list()).hasSize(1);
        assertThat(recorder.sent(QueryRequest.class)).last().satisfies(q -> assertThat(q.consistentRead())
                .isTrue());
    }

    @Test
    void count_usesSelectCount_andCountsOnlyMatchingItemsOfTheType() {
        for (int i = 0; i < 12; i++) {
            tasks.create(new Task("alice", "k" + i, i % 3 == 0 ? "done" : "open", i));
        }
        users.create(new User("alice", null, "Alice"));

        assertThat(tasks.where().eq("userId", "alice").eq("state", "done").count())
                .isEqualTo(4);
        assertThat(tasks.where().count()).isEqualTo(12);
        assertThat(recorder.sent(QueryRequest.class)).last().satisfies(q -> assertThat(q.select())
                .isEqualTo(Select.COUNT));
        assertThat(recorder.sent(ScanRequest.class)).last().satisfies(q -> assertThat(q.select())
                .isEqualTo(Select.COUNT));
        assertThat(tasks.where().eq("userId", "alice").eq("state", "done").exists())
                .isTrue();
        assertThat(tasks.where().eq("userId", "bob").exists()).isFalse();
    }

    @Test
    void count_withALimit_countsAtMostTheLimit_andReadsNoFurtherThanNeeded() {
        for (int i = 0; i < 12; i++) {
            tasks.create(new Task("alice", "k" + i, i % 3 == 0 ? "done" : "open", i));
        }
        recorder.clear();

        assertThat(tasks.where().eq("userId", "alice").limit(5).count()).isEqualTo(5);
        assertThat(recorder.sent(QueryRequest.class)).singleElement().satisfies(q -> {
            assertThat(q.select()).isEqualTo(Select.COUNT);
            assertThat(q.limit()).isEqualTo(5);
        });
        // A filter keeps 4 of 12; the count stops at the limit, or counts all 4 below it.
        assertThat(tasks.where()
                        .eq("userId", "alice")
                        .eq("state", "done")
                        .limit(2)
                        .count())
                .isEqualTo(2);
        assertThat(tasks.where()
                        .eq("userId", "alice")
                        .eq("state", "done")
                        .limit(10)
                        .count())
                .isEqualTo(4);
        assertThat(tasks.where().limit(12).count()).isEqualTo(12);
        assertThat(tasks.where().limit(100).count()).isEqualTo(12);
    }

    @Test
    void threeEntityTypesInOneTable_eachRepositorySeesOnlyItsOwn() {
        users.create(new User("u1", "a@x", "Alice"));
        backend.repository(Profile.class).upsert(new Profile("u9", "collides with a user key"));
        for (int i = 0; i < 4; i++) {
            orders.create(new Order("u1", "o" + i, BigDecimal.valueOf(i)));
            todos.create(new TodoItem("u1", "t" + i, "todo " + i));
        }

        // get: the Profile item sits under User's key and is not a User
        assertThat(users.get("u9")).isEmpty();
        assertThat(users.get("u1")).isPresent();
        assertThat(orders.get(Key.of("userId", "u1").and("orderId", "o2"))).isPresent();
        // query: one partition holds all three types
        assertThat(users.where().eq("id", "u1").list()).hasSize(1);
        assertThat(orders.where().eq("userId", "u1").list()).hasSize(4);
        assertThat(todos.where().eq("userId", "u1").list()).hasSize(4);
        // scan
        assertThat(users.where().list()).extracting(User::id).containsExactly("u1");
        assertThat(orders.where().list()).hasSize(4);
        assertThat(todos.where().list()).hasSize(4);
        // count
        assertThat(users.where().count()).isEqualTo(1);
        assertThat(orders.where().count()).isEqualTo(4);
        assertThat(todos.where().eq("userId", "u1").count()).isEqualTo(4);
        // pagination
        Page<Order> first = orders.where().eq("userId", "u1").limit(3).paginate();
        Page<Order> second = orders.where()
                .eq("userId", "u1")
                .limit(3)
                .cursor(first.cursor())
                .paginate();
        assertThat(first.items()).hasSize(3);
        assertThat(second.items()).hasSize(1);
        assertThat(second.cursor()).isNull();
        Page<User> userPage = users.where().limit(10).paginate();
        assertThat(userPage.items()).extracting(User::id).containsExactly("u1");
    }

    @Test
    void paginationWalk_over1000Items_withFiltersDroppingTwoThirds_fillsEveryPageButTheLast() {
        List<Task> all = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            all.add(new Task("walker", String.format("k%04d", i), i % 3 == 0 ? "keep" : "drop", i));
        }
        BatchResult<Task> written = tasks.batchCreate(all);
        assertThat(written.failed()).isEmpty();
        for (int i = 0; i < 50; i++) {
            // other types in the same partition must not leak in either
            todos.create(new TodoItem("walker", "t" + i, "keep"));
        }
        Set<String> expected = new HashSet<>();
        all.stream().filter(t -> t.state().equals("keep")).forEach(t -> expected.add(t.taskId()));

        for (boolean query : new boolean[] {true, false}) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var q = (query ? tasks.where().eq("userId", "walker") : tasks.where())
                        .eq("state", "keep")
                        .limit(25)
                        .cursor(cursor);
                Page<Task> page = q.paginate();
                pages++;
                if (page.cursor() != null) {
                    assertThat(page.items()).as("page %d", pages).hasSize(25);
                }
                page.items().forEach(t -> seen.add(t.taskId()));
                cursor = page.cursor();
                assertThat(pages).isLessThan(100);
            } while (cursor != null);

            assertThat(seen).doesNotHaveDuplicates();
            assertThat(new HashSet<>(seen)).isEqualTo(expected);
            assertThat(pages).isEqualTo((expected.size() + 24) / 25);
        }
    }

    @Test
    void aTamperedOrForeignCursor_throwsInvalidCursor() {
        for (int i = 0; i < 5; i++) {
            tasks.create(new Task("alice", "k" + i, "open", i));
        }
        String cursor = tasks.where().eq("userId", "alice").limit(2).paginate().cursor();
        assertThat(cursor).isNotNull().matches("[A-Za-z0-9_-]+");

        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> tasks.where()
                        .eq("userId", "alice")
                        .limit(2)
                        .cursor(tampered)
                        .paginate())
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> tasks.where()
                        .eq("userId", "bob")
                        .limit(2)
                        .cursor(cursor)
                        .paginate())
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> tasks.where()
                        .eq("userId", "alice")
                        .limit(2)
                        .cursor("not-a-cursor")
                        .paginate())
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void stream_readsLazily_pageByPage() {
        for (int i = 0; i < 30; i++) {
            tasks.create(new Task("alice", String.format("k%02d", i), "open", i));
        }
        recorder.clear();

        List<Task> firstThree =
                tasks.where().eq("userId", "alice").limit(10).stream().limit(3).toList();

        assertThat(firstThree).extracting(Task::taskId).containsExactly("k00", "k01", "k02");
        assertThat(recorder.sent(QueryRequest.class)).hasSize(1);
    }

    // --- Batches ------------------------------------------------------------------------------

    @Test
    void batches_chunkWrites_andReturnReadsInTheOrderAsked() {
        List<Task> items = IntStream.range(0, 60)
                .mapToObj(i -> new Task("b", "k" + i, "open", i))
                .toList();

        BatchResult<Task> result = backend.batchCreate(Task.class, items);

        assertThat(result.failed()).isEmpty();
        assertThat(result.written()).hasSize(60);
        // batchCreate never overwrites and BatchWriteItem takes no conditions: one transaction of 60
        // conditional puts, or, where the server has none, one conditional PutItem each.
        if (supportsTransactions()) {
            assertThat(recorder.sent(software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest.class))
                    .singleElement()
                    .satisfies(r -> assertThat(r.transactItems()).hasSize(60).allSatisfy(t -> assertThat(
                                    t.put().conditionExpression())
                            .isEqualTo("attribute_not_exists(#pk)")));
            assertThat(recorder.sent(software.amazon.awssdk.services.dynamodb.model.PutItemRequest.class))
                    .isEmpty();
        } else {
            assertThat(recorder.sent(software.amazon.awssdk.services.dynamodb.model.PutItemRequest.class))
                    .hasSize(60)
                    .allSatisfy(r -> assertThat(r.conditionExpression()).isEqualTo("attribute_not_exists(#pk)"));
        }
        List<Key> keys = new ArrayList<>();
        for (int i : new int[] {42, 7, 1000, 0, 59}) {
            keys.add(Key.of("userId", "b").and("taskId", "k" + i));
        }
        assertThat(backend.batchGet(Task.class, keys)).extracting(Task::rank).containsExactly(42, 7, 0, 59);

        BatchResult<Key> deleted = tasks.batchDelete(keys);
        assertThat(deleted.failed()).isEmpty();
        assertThat(tasks.where().eq("userId", "b").count()).isEqualTo(56);

        recorder.clear();
        List<Key> all = items.stream()
                .map(t -> Key.of("userId", t.userId()).and("taskId", t.taskId()))
                .toList();
        assertThat(tasks.batchDelete(all).written()).hasSize(60);
        assertThat(recorder.sent(BatchWriteItemRequest.class))
                .allSatisfy(r ->
                        assertThat(r.requestItems().get(backend.tableName())).hasSizeLessThanOrEqualTo(25))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(tasks.where().eq("userId", "b").count()).isZero();
    }

    // --- Transactions -------------------------------------------------------------------------

    @Test
    void transaction_writesAllActions_orNone_withOneReasonPerAction() {
        Peers.skipUnless(supportsTransactions(), serverName(), "TransactWriteItems");
        users.create(new User("u1", null, "Alice"));
        orders.create(new Order("u1", "o1", BigDecimal.ONE));
        TodoItem todo = todos.create(new TodoItem("u1", "t1", "x"));
        Key todoKey = Key.of("userId", "u1").and("todoId", "t1").and("createdAt", todo.createdAt());

        backend.transaction(tx -> tx.create(new User("u2", null, "Bob"))
                .update(Order.class, Key.of("userId", "u1").and("orderId", "o1"), u -> u.add("total", 5))
                .delete(TodoItem.class, todoKey)
                .check(User.class, Key.of("id", "u1"), Condition.field("name").exists()));

        assertThat(users.get("u2")).isPresent();
        assertThat(backend.transactGet(
                        User.class, List.of(Key.of("id", "u2"), Key.of("id", "nobody"), Key.of("id", "u1"))))
                .extracting(u -> u.map(User::name).orElse("-"))
                .containsExactly("Bob", "-", "Alice");

        assertThat(orders.get(Key.of("userId", "u1").and("orderId", "o1"))
                        .orElseThrow()
                        .getTotal())
                .isEqualByComparingTo("6");
        assertThat(todos.get(todoKey)).isEmpty();

        assertThatThrownBy(() -> backend.transaction(
                        tx -> tx.create(new User("u3", null, "C")).create(new User("u1", null, "dup"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.reasons())
                            .extracting(TransactionCanceledException.Reason::code)
                            .containsExactly("None", "ConditionalCheckFailed");
                    assertThat(e.reasons().get(1).exception()).isInstanceOf(DuplicateKeyException.class);
                });
        assertThat(users.get("u3")).isEmpty();
    }

    // --- Failed writes leave the caller's object as it was ---------------------------------------

    static final Key INVOICE = Key.of("customerId", "c1").and("invoiceId", "i1");

    @Test
    void save_withAStaleVersion_leavesTheCallersObjectUnchanged_soARetryStillConflicts() {
        Key key = Key.of("userId", "u1").and("orderId", "o1");
        orders.create(new Order("u1", "o1", BigDecimal.ONE));
        Order a = orders.get(key).orElseThrow();
        Order b = orders.get(key).orElseThrow();
        a.setTotal(BigDecimal.TEN);
        orders.save(a);

        b.setTotal(new BigDecimal("99"));
        assertThatThrownBy(() -> orders.save(b)).isInstanceOf(ConflictException.class);

        assertThat(b.getVersion()).isEqualTo(1);
        assertThat(b.getTotal()).isEqualByComparingTo("99");
        assertThatThrownBy(() -> orders.save(b)).isInstanceOf(ConflictException.class);
        Order stored = orders.get(key).orElseThrow();
        assertThat(stored.getTotal()).isEqualByComparingTo("10");
        assertThat(stored.getVersion()).isEqualTo(2);
    }

    @Test
    void aSuccessfulWrite_updatesTheCallersMutableObject_soItCanBeSavedAgain() {
        Invoice invoice = new Invoice("c1", "i1", "draft");

        Invoice created = invoices.create(invoice);

        assertThat(created).isSameAs(invoice);
        assertThat(invoice.getVersion()).isEqualTo(1);
        assertThat(invoice.getStatus()).isEqualTo("DRAFT");
        assertThat(invoice.getCreatedAt()).isEqualTo(NOW);
        assertThat(invoice.getUpdatedAt()).isEqualTo(NOW);
        invoice.setStatus("sent");
        assertThat(invoices.save(invoice)).isSameAs(invoice);
        invoice.setStatus("paid");
        invoices.save(invoice);
        assertThat(invoice.getVersion()).isEqualTo(3);
        assertThat(invoices.get(INVOICE).orElseThrow().state()).isEqualTo(invoice.state());
    }

    @Test
    void save_withAStaleVersion_undoesTheVersionTimestampAndBeforeSaveChanges() {
        invoices.create(new Invoice("c1", "i1", "draft"));
        Invoice a = invoices.get(INVOICE).orElseThrow();
        Invoice b = invoices.get(INVOICE).orElseThrow();
        invoices.save(a);
        b.setStatus("void");
        b.setUpdatedAt(NOW.minusSeconds(60));
        String before = b.state();

        assertThatThrownBy(() -> invoices.save(b)).isInstanceOf(ConflictException.class);

        assertThat(b.state()).isEqualTo(before);
    }

    @Test
    void create_ofAnExistingKey_leavesTheCallersObjectUnchanged() {
        invoices.create(new Invoice("c1", "i1", "draft"));
        Invoice duplicate = new Invoice("c1", "i1", "other");
        String before = duplicate.state();

        assertThatThrownBy(() -> invoices.create(duplicate)).isInstanceOf(DuplicateKeyException.class);

        assertThat(duplicate.state()).isEqualTo(before);
        assertThat(duplicate.getVersion()).isZero();
        assertThat(duplicate.getCreatedAt()).isNull();
    }

    @Test
    void save_ofAMissingItem_leavesTheCallersObjectUnchanged() {
        Invoice missing = new Invoice("c1", "nowhere", "draft");
        String before = missing.state();

        assertThatThrownBy(() -> invoices.save(missing)).isInstanceOf(NotFoundException.class);

        assertThat(missing.state()).isEqualTo(before);
    }

    @Test
    void aWriteRejectedByValidation_leavesTheCallersObjectUnchanged() {
        Invoice noKey = new Invoice("c1", null, "draft");
        String before = noKey.state();

        assertThatThrownBy(() -> invoices.create(noKey)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> invoices.upsert(noKey)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> invoices.save(noKey)).isInstanceOf(ValidationException.class);

        assertThat(noKey.state()).isEqualTo(before);
    }

    @Test
    void delete_withAStaleVersion_leavesTheCallersObjectUnchanged() {
        invoices.create(new Invoice("c1", "i1", "draft"));
        Invoice a = invoices.get(INVOICE).orElseThrow();
        Invoice b = invoices.get(INVOICE).orElseThrow();
        invoices.save(a);
        String before = b.state();

        assertThatThrownBy(() -> invoices.delete(b)).isInstanceOf(ConflictException.class);

        assertThat(b.state()).isEqualTo(before);
        assertThat(invoices.delete(a)).isTrue();
    }

    @Test
    void batchCreate_rejectedByValidation_leavesEveryCallersObjectUnchanged() {
        Invoice valid = new Invoice("c1", "i1", "draft");
        Invoice invalid = new Invoice("c1", null, "draft");
        String validBefore = valid.state();
        String invalidBefore = invalid.state();

        assertThatThrownBy(() -> invoices.batchCreate(List.of(valid, invalid))).isInstanceOf(ValidationException.class);

        assertThat(valid.state()).isEqualTo(validBefore);
        assertThat(invalid.state()).isEqualTo(invalidBefore);
        assertThat(invoices.get(INVOICE)).isEmpty();
    }

    @Test
    void batchCreate_updatesTheCallersObjectsThatWereWritten() {
        Invoice first = new Invoice("c1", "i1", "draft");
        Invoice second = new Invoice("c1", "i2", "draft");

        BatchResult<Invoice> result = invoices.batchCreate(List.of(first, second));

        assertThat(result.written()).containsExactly(first, second);
        assertThat(first.getVersion()).isEqualTo(1);
        assertThat(second.getUpdatedAt()).isEqualTo(NOW);
        assertThat(invoices.get(INVOICE).orElseThrow().state()).isEqualTo(first.state());
    }

    @Test
    void aCancelledTransaction_leavesEveryCallersObjectUnchanged() {
        Peers.skipUnless(supportsTransactions(), serverName(), "TransactWriteItems");
        invoices.create(new Invoice("c1", "i1", "draft"));
        Invoice a = invoices.get(INVOICE).orElseThrow();
        Invoice stale = invoices.get(INVOICE).orElseThrow();
        invoices.save(a);
        Invoice fresh = new Invoice("c1", "i2", "draft");
        stale.setStatus("void");
        String staleBefore = stale.state();
        String freshBefore = fresh.state();

        assertThatThrownBy(() -> backend.transaction(tx -> tx.create(fresh).save(stale)))
                .isInstanceOfSatisfying(
                        TransactionCanceledException.class,
                        e -> assertThat(e.reasons().get(1).exception()).isInstanceOf(ConflictException.class));

        assertThat(stale.state()).isEqualTo(staleBefore);
        assertThat(fresh.state()).isEqualTo(freshBefore);
        assertThatThrownBy(() -> invoices.save(stale)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aTransactionThatIsNotSent_leavesEveryCallersObjectUnchanged() {
        Invoice fresh = new Invoice("c1", "i1", "draft");
        Invoice invalid = new Invoice("c1", null, "draft");
        String before = fresh.state();

        assertThatThrownBy(() -> backend.transaction(tx -> {
                    tx.create(fresh);
                    throw new IllegalStateException("the caller gave up");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(fresh.state()).isEqualTo(before);
        assertThatThrownBy(() -> backend.transaction(tx -> tx.create(fresh).create(invalid)))
                .isInstanceOf(ValidationException.class);
        assertThat(fresh.state()).isEqualTo(before);
        assertThatThrownBy(() -> backend.transaction(tx -> tx.create(fresh).save(fresh)))
                .isInstanceOf(ValidationException.class);
        assertThat(fresh.state()).isEqualTo(before);
    }

    @Test
    void aCommittedTransaction_updatesTheCallersMutableObjects() {
        Peers.skipUnless(supportsTransactions(), serverName(), "TransactWriteItems");
        Invoice invoice = invoices.create(new Invoice("c1", "i1", "draft"));
        invoice.setStatus("sent");

        backend.transaction(tx -> tx.save(invoice));

        assertThat(invoice.getVersion()).isEqualTo(2);
        assertThat(invoice.getStatus()).isEqualTo("SENT");
        invoice.setStatus("paid");
        invoices.save(invoice);
        assertThat(invoices.get(INVOICE).orElseThrow().getVersion()).isEqualTo(3);
    }

    // --- Table ----------------------------------------------------------------------------------

    @Test
    void createTable_declaresEveryIndexOfTheRegisteredModels_andIsIdempotent() {
        backend.createTable();

        TableDescription table = backend.describeTable();
        assertThat(table.globalSecondaryIndexes())
                .extracting(TableDescription.Index::indexName)
                .containsExactly("ByCountry", "ByEmail");
        assertThat(table.billingMode()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.toString()).contains("\"AttributeName\": \"gsi_pk_ByEmail\", \"KeyType\": \"HASH\"");
        assertThat(table.toString()).doesNotContain("gsi_sk_ByEmail");
    }
}
