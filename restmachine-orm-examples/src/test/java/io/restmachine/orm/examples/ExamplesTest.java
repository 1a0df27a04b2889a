package io.restmachine.orm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.CollectionPage;
import io.restmachine.orm.ItemCollection;
import io.restmachine.orm.Key;
import io.restmachine.orm.Page;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.test.DynamoDBTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Runs every example of the documentation and checks what it did. */
@DynamoDBTest(models = {User.class, TodoItem.class, Order.class, Account.class})
class ExamplesTest {

    @Test
    void quickStart_createsAndReadsTheUser(DynamoDBBackend backend) {
        assertThat(QuickStart.run(backend)).contains(new User("user-123", "alice@example.com", "Alice"));
    }

    @Test
    void compositeKeys_readOneUsersItemsInCreationOrder_withAQuery(DynamoDBBackend backend) {
        List<TodoItem> alices = CompositeKeys.run(backend);
        Plan plan = CompositeKeys.plan(backend);

        assertThat(alices).extracting(TodoItem::todoId).containsExactly("todo-1", "todo-2");
        assertThat(alices).allSatisfy(t -> assertThat(t.createdAt()).isNotNull());
        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.values()).containsValue("\"USER#alice\"");
    }

    @Test
    void sealedRepositories_storeEachSubtype_andReadTheFleetBackWithOneQuery(DynamoDBBackend backend) {
        List<SealedRepositories.Vehicle> fleet = SealedRepositories.run(backend);
        Plan plan = SealedRepositories.plan(backend);

        assertThat(fleet)
                .containsExactly(
                        new SealedRepositories.Car("f1", "c1", 5), new SealedRepositories.Truck("f1", "t1", 3));
        assertThat(plan.requests()).containsExactly(plan);
        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.values())
                .containsValue("\"FLEET#f1\"")
                .containsValue("\"Car\"")
                .containsValue("\"Truck\"");
        assertThat(SealedRepositories.find(backend, "f1", "t1")).contains(new SealedRepositories.Truck("f1", "t1", 3));
        assertThat(SealedRepositories.find(backend, "f1", "nope")).isEmpty();
        SealedRepositories.setAxles(backend, "f1", "t1", 4);
        assertThat(SealedRepositories.find(backend, "f1", "t1")).contains(new SealedRepositories.Truck("f1", "t1", 4));
    }

    @Test
    void tableSchema_isTheDocumentedOne_plusTheModelsIndex(DynamoDbClient client) {
        TableDescription table = TableSchema.run(client);

        assertThat(table.keySchema())
                .extracting(KeySchemaElement::attributeName, KeySchemaElement::keyTypeAsString)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("pk", "HASH"),
                        org.assertj.core.groups.Tuple.tuple("sk", "RANGE"));
        assertThat(table.attributeDefinitions())
                .extracting(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("pk", "S"), org.assertj.core.groups.Tuple.tuple("sk", "S"));
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.globalSecondaryIndexes())
                .extracting(g -> g.indexName())
                .containsExactly("ByEmail");
        client.deleteTable(b -> b.tableName("my-app-table"));
    }

    @Test
    void configuration_explicitCredentialsRegionAndEndpoint_reachTheServer(EmbeddedDynamoDB engine) {
        try (DynamoDBBackend backend = Configuration.explicitCredentials(engine.startServer(0))) {
            backend.createTable();

            assertThat(QuickStart.run(backend)).isPresent();
        }
    }

    @Test
    void configuration_ownClient_isUsedAsIs() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
                DynamoDBBackend backend = Configuration.ownClient(db.startServer(0))) {
            backend.createTable();

            assertThat(QuickStart.run(backend)).isPresent();
        }
    }

    @Test
    void configuration_sharedWithPython_writesSnakeCaseNamesAndPythonTimes(DynamoDbClient client) {
        try (DynamoDBBackend backend = Configuration.sharedWithPython(client)) {
            backend.register(TodoItem.class).createTable();
            backend.repository(TodoItem.class)
                    .create(new TodoItem(
                            "alice", "todo-1", "Write docs", Instant.parse("2025-06-01T12:30:45.123456789Z")));

            Map<String, AttributeValue> item =
                    client.scan(b -> b.tableName("shared")).items().get(0);
            assertThat(item.get("sk").s()).isEqualTo("TODO#2025-06-01T12:30:45.123456#todo-1");
            assertThat(item.get("user_id").s()).isEqualTo("alice");
            assertThat(item.get("created_at").s()).isEqualTo("2025-06-01T12:30:45.123456");
            backend.deleteTable();
        }
    }

    @Test
    void localDevelopment_servesTheEngineOverHttp_insteadOfDocker() {
        assertThat(LocalDevelopment.run(0)).map(User::email).contains("alice@example.com");
    }

    @Test
    void batchOperations_writeTenAndReadFiveInTheOrderAsked(DynamoDBBackend backend, Repository<TodoItem> todos) {
        List<TodoItem> five = BatchOperations.run(backend);

        assertThat(five).extracting(TodoItem::todoId).containsExactly("todo-0", "todo-1", "todo-2", "todo-3", "todo-4");
        assertThat(todos.where().eq("userId", "alice").count()).isEqualTo(10);
    }

    @Test
    void pagination_walksEveryUserOnce_inFullPages(Repository<User> users) {
        for (int i = 0; i < 250; i++) {
            users.create(new User("user-" + i, "u" + i + "@example.com", "User " + i));
        }

        List<Page<User>> pages = Pagination.run(users);

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(100, 100, 50);
        assertThat(pages.get(2).cursor()).isNull();
        Set<String> ids = new HashSet<>();
        pages.forEach(p -> p.items().forEach(u -> ids.add(u.id())));
        assertThat(ids).hasSize(250);
    }

    @Test
    void singleTableDesign_keepsUsersAndOrdersApart(DynamoDBBackend backend, Repository<User> users) {
        List<Order> orders = SingleTableDesign.run(backend);

        assertThat(orders).extracting(Order::getOrderId).containsExactly("order-1", "order-2");
        assertThat(users.where().list()).extracting(User::id).containsExactly("user-1");
    }

    @Test
    void itemCollections_readProfileOrdersAndTodos_withOneQuery(DynamoDBBackend backend) {
        ItemCollection alice = ItemCollections.run(backend);

        assertThat(alice.one(User.class)).map(User::name).contains("Alice");
        assertThat(alice.all(Order.class)).extracting(Order::getOrderId).containsExactly("order-1", "order-2");
        assertThat(alice.all(TodoItem.class)).extracting(TodoItem::todoId).containsExactly("todo-1");
        assertThat(alice.items())
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Order", "Order", "User", "TodoItem");

        CollectionPage page = ItemCollections.ordersPage(backend, null);
        assertThat(page.collection().all(Order.class)).hasSize(2);
        assertThat(page.collection().one(User.class)).isEmpty();
        assertThat(page.hasMore()).isFalse();
        assertThat(ItemCollections.typed(backend).items()).hasSize(3);
        Plan plan = ItemCollections.plan(backend);
        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.filter()).isEqualTo("#et IN (:et0, :et1, :et2)");
    }

    @Test
    void transactions_updateTheOrderOnlyIfTheUserExists(DynamoDBBackend backend, Repository<Order> orders) {
        Transactions.run(backend);

        assertThat(orders.get(Key.of("userId", "u1").and("orderId", "o1")))
                .map(Order::getTotal)
                .hasValueSatisfying(total -> assertThat(total).isEqualByComparingTo(new BigDecimal("15")));
    }

    @Test
    void everyMainOnTheInMemoryEngine_runsToTheEnd() {
        String[] none = {};
        QuickStart.main(none);
        CompositeKeys.main(none);
        QueriesAndIndexes.main(none); // a second createTable() adds the index Account declares
        Pagination.main(none);
        BatchOperations.main(none);
        SingleTableDesign.main(none);
        Transactions.main(none);
        CustomTypes.main(none);
    }

    @Test
    void customTypes_storeMoneyAsText_andFindTheProductByItsPrice(DynamoDbClient client) {
        List<Product> cheap = CustomTypes.run(client, "custom-types");

        assertThat(cheap)
                .containsExactly(new Product("p1", Money.parse("12.50 EUR"), List.of(Money.parse("14.00 EUR"))));
        assertThat(client.getItem(b -> b.tableName("custom-types")
                                .key(Map.of(
                                        "pk",
                                        AttributeValue.fromS("PRODUCT#p1"),
                                        "sk",
                                        AttributeValue.fromS("METADATA"))))
                        .item())
                .containsEntry("price", AttributeValue.fromS("12.50 EUR"))
                .containsEntry("priceHistory", AttributeValue.fromL(List.of(AttributeValue.fromS("14.00 EUR"))));
    }

    @Test
    void queriesAndIndexes_useTheIndexForEmail_andScanOtherwise(Repository<Account> accounts) {
        accounts.create(new Account("a1", "alice@example.com", "pro"));
        accounts.create(new Account("a2", "bob@example.com", "free"));

        assertThat(QueriesAndIndexes.byEmail(accounts)).map(Account::id).contains("a1");
        assertThat(QueriesAndIndexes.byEmailWithoutNamingTheIndex(accounts))
                .map(Account::id)
                .contains("a1");
        assertThat(QueriesAndIndexes.chosenIndex(accounts).index()).isEqualTo("ByEmail");
        assertThat(QueriesAndIndexes.proAccounts(accounts))
                .extracting(Account::id)
                .containsExactly("a1");
        assertThat(QueriesAndIndexes.proAccountPlans(accounts)).containsExactly(new Account("a1", null, "pro"));
        assertThat(QueriesAndIndexes.proAccountPlanViews(accounts))
                .containsExactly(new QueriesAndIndexes.AccountPlan("a1", "pro"));
        assertThat(QueriesAndIndexes.scanPlan(accounts).operation()).isEqualTo(Plan.Operation.SCAN);
    }
}
