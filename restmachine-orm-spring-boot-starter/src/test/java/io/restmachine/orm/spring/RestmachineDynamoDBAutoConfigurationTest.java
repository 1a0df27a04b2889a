package io.restmachine.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.ServerHandle;
import io.restmachine.orm.BackendException;
import io.restmachine.orm.Key;
import io.restmachine.orm.Repository;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.dynamodb.TableDescription;
import io.restmachine.orm.spring.broken.Broken;
import io.restmachine.orm.spring.shop.Account;
import io.restmachine.orm.spring.shop.Money;
import io.restmachine.orm.spring.shop.Order;
import io.restmachine.orm.spring.shop.ShopApplication;
import io.restmachine.orm.spring.shop.User;
import io.restmachine.orm.spring.shop.Vehicle;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class RestmachineDynamoDBAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RestmachineDynamoDBAutoConfiguration.class))
            .withUserConfiguration(ShopModels.class);

    private final ApplicationContextRunner embedded = runner.withPropertyValues(
            "restmachine.dynamodb.table-name=shop", "restmachine.dynamodb.embedded.enabled=true");

    @Configuration(proxyBeanMethods = false)
    @RestmachineModels(basePackageClasses = Order.class)
    static class ShopModels {}

    @Configuration(proxyBeanMethods = false)
    @RestmachineModels(basePackages = "io.restmachine.orm.spring.broken")
    static class BrokenModels {}

    @Configuration(proxyBeanMethods = false)
    static class ClientOfItsOwn {
        final EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();

        @Bean(destroyMethod = "")
        DynamoDbClient dynamoDbClient() {
            return db.client();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TestCredentials {
        @Bean
        DynamoDBBackendCustomizer testCredentials() {
            return builder ->
                    builder.credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        }
    }

    @Test
    void tableName_namesTheBackendsTable() {
        embedded.withPropertyValues("restmachine.dynamodb.table-name=orders-table")
                .run(context -> assertThat(
                                context.getBean(DynamoDBBackend.class).tableName())
                        .isEqualTo("orders-table"));
    }

    @Test
    void tableName_whenMissing_failsStartUpNamingTheProperty() {
        runner.withPropertyValues("restmachine.dynamodb.embedded.enabled=true")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("tableName is not set")
                        .hasStackTraceContaining("set the restmachine.dynamodb.* properties, e.g."
                                + " restmachine.dynamodb.table-name"));
    }

    @Test
    void regionAndEndpoint_withoutAClientBean_buildTheBackendsClient() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            String endpoint = db.startServer(0).toString();
            runner.withUserConfiguration(TestCredentials.class)
                    .withPropertyValues(
                            "restmachine.dynamodb.table-name=shop",
                            "restmachine.dynamodb.region=eu-west-3",
                            "restmachine.dynamodb.endpoint=" + endpoint,
                            "restmachine.dynamodb.create-table=true")
                    .run(context -> {
                        DynamoDBBackend backend = context.getBean(DynamoDBBackend.class);
                        var config = backend.client().serviceClientConfiguration();
                        assertThat(config.region()).isEqualTo(Region.EU_WEST_3);
                        assertThat(config.endpointOverride()).hasValue(java.net.URI.create(endpoint));
                        // The table was created through that endpoint, on the engine behind it.
                        assertThat(db.client().listTables().tableNames()).containsExactly("shop");
                    });
        }
    }

    @Test
    void createTable_defaultsToTrueOnTheEmbeddedEngine_withEveryModelsIndex() {
        embedded.run(context -> {
            TableDescription table = context.getBean(DynamoDBBackend.class).describeTable();
            assertThat(table.status()).isEqualTo("ACTIVE");
            assertThat(table.globalSecondaryIndexes())
                    .extracting(TableDescription.Index::indexName)
                    .containsExactly("ByEmail");
        });
    }

    @Test
    void createTable_false_leavesTheTableAlone() {
        embedded.withPropertyValues("restmachine.dynamodb.create-table=false").run(context -> assertThatThrownBy(
                        () -> context.getBean(DynamoDBBackend.class).describeTable())
                .isInstanceOf(BackendException.class));
    }

    @Test
    void createTable_defaultsToFalseOffTheEmbeddedEngine() {
        ClientOfItsOwn own = new ClientOfItsOwn();
        try (own.db) {
            runner.withBean(DynamoDbClient.class, own.db::client, definition -> definition.setDestroyMethodName(""))
                    .withPropertyValues("restmachine.dynamodb.table-name=shop")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(own.db.client().listTables().tableNames()).isEmpty();
                    });
        }
    }

    @Test
    void embeddedEnabled_startsTheEngine_andClosesItWithTheContext() {
        EmbeddedDynamoDB[] engine = new EmbeddedDynamoDB[1];
        embedded.run(context -> {
            engine[0] = context.getBean(EmbeddedDynamoDB.class);
            Repository<User> users = context.getBean(DynamoDBBackend.class).repository(User.class);
            users.create(new User("u1", "Alice"));
            assertThat(engine[0].client().listTables().tableNames()).containsExactly("shop");
            assertThat(context).doesNotHaveBean(ServerHandle.class);
        });
        assertThatThrownBy(engine[0]::client).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void embeddedDisabled_startsNoEngine() {
        runner.withUserConfiguration(ClientOfItsOwn.class)
                .withPropertyValues("restmachine.dynamodb.table-name=shop")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedDynamoDB.class));
    }

    @Test
    void embeddedDataDir_keepsItemsAcrossRestarts(@TempDir Path dir) {
        ApplicationContextRunner persistent =
                embedded.withPropertyValues("restmachine.dynamodb.embedded.data-dir=" + dir);
        persistent.run(context ->
                context.getBean(DynamoDBBackend.class).repository(User.class).create(new User("u1", "Alice")));
        persistent.run(context -> assertThat(context.getBean(DynamoDBBackend.class)
                        .repository(User.class)
                        .get("u1"))
                .contains(new User("u1", "Alice")));
    }

    @Test
    void embeddedPort_servesTheEngineOverHttp_untilTheContextCloses() {
        java.net.URI[] endpoint = new java.net.URI[1];
        embedded.withPropertyValues("restmachine.dynamodb.embedded.port=0").run(context -> {
            endpoint[0] = context.getBean(ServerHandle.class).endpoint();
            try (DynamoDbClient http = httpClient(endpoint[0])) {
                assertThat(http.listTables().tableNames()).containsExactly("shop");
            }
        });
        try (DynamoDbClient http = httpClient(endpoint[0])) {
            assertThatThrownBy(http::listTables)
                    .isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
        }
    }

    @Test
    void existingClientBean_isUsed_andLeftOpen() {
        runner.withUserConfiguration(ClientOfItsOwn.class)
                .withPropertyValues("restmachine.dynamodb.table-name=shop", "restmachine.dynamodb.create-table=true")
                .run(context -> {
                    DynamoDbClient client = context.getBean(DynamoDbClient.class);
                    assertThat(context.getBean(DynamoDBBackend.class).client()).isSameAs(client);
                    context.close();
                    assertThat(client.listTables().tableNames()).containsExactly("shop");
                });
    }

    @Test
    void embeddedEnabled_winsOverAnExistingClientBean() {
        embedded.withUserConfiguration(ClientOfItsOwn.class).run(context -> {
            DynamoDbClient bean = context.getBean(DynamoDbClient.class);
            assertThat(context.getBean(DynamoDBBackend.class).client()).isNotSameAs(bean);
            assertThat(bean.listTables().tableNames()).isEmpty();
            assertThat(context.getBean(EmbeddedDynamoDB.class)
                            .client()
                            .listTables()
                            .tableNames())
                    .containsExactly("shop");
        });
    }

    @Test
    void itemFormat_python_writesSnakeCaseNames() {
        embedded.withPropertyValues("restmachine.dynamodb.item-format=python").run(context -> {
            repository(context, Order.class).create(new Order("alice", "o1", BigDecimal.ONE));
            var items = context.getBean(EmbeddedDynamoDB.class)
                    .client()
                    .scan(b -> b.tableName("shop"))
                    .items();
            assertThat(items).singleElement().satisfies(item -> assertThat(item)
                    .containsKeys("user_id", "order_id")
                    .doesNotContainKey("userId"));
        });
    }

    @Test
    void customizer_reachesBuilderSettingsThatHaveNoProperty() {
        embedded.withBean(DynamoDBBackendCustomizer.class, () -> builder -> builder.entityTypeAttribute("kind"))
                .run(context -> assertThat(
                                context.getBean(DynamoDBBackend.class).layout().entityType())
                        .isEqualTo("kind"));
    }

    @Test
    void badModel_failsStartUpWithTheSchemaExceptionMessage() {
        String expected = schemaError(Broken.class);
        embedded.withUserConfiguration(BrokenModels.class).run(context -> assertThat(context.getStartupFailure())
                .rootCause()
                .isInstanceOf(SchemaException.class)
                .hasMessage(expected));
    }

    @Test
    void repositories_areInjectableByGenericType() {
        embedded.run(context -> {
            Repository<Order> orders = repository(context, Order.class);
            Repository<Account> accounts = repository(context, Account.class);
            orders.create(new Order("alice", "o1", new BigDecimal("12.5")));
            accounts.create(new Account("a1", "alice@example.com"));
            assertThat(orders.get(Key.of("userId", "alice").and("orderId", "o1")))
                    .contains(new Order("alice", "o1", new BigDecimal("12.5")));
            assertThat(accounts.where()
                            .index("ByEmail")
                            .eq("email", "alice@example.com")
                            .first())
                    .contains(new Account("a1", "alice@example.com"));
            assertThat(context.getBeanProvider(repositoryType(User.class)).getObject())
                    .isNotNull();
        });
    }

    @Test
    void modelsWithTheSameSimpleName_getOneRepositoryEach() {
        embedded.run(context -> {
            assertThat(repository(context, Order.class)).isNotNull();
            assertThat(repository(context, io.restmachine.orm.spring.shop.archive.Order.class))
                    .isNotNull();
            assertThat(context.getBeanNamesForType(repositoryType(io.restmachine.orm.spring.shop.archive.Order.class)))
                    .containsExactly("io.restmachine.orm.spring.shop.archive.OrderRepository");
        });
    }

    @Test
    void applicationsOwnBackend_replacesTheAutoConfiguredOne_andServesTheRepositories() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
                DynamoDBBackend own = DynamoDBBackend.builder()
                        .tableName("own")
                        .client(db.client())
                        .build()) {
            runner.withBean(DynamoDBBackend.class, () -> own, definition -> definition.setDestroyMethodName(""))
                    .run(context -> {
                        assertThat(context).getBean(DynamoDBBackend.class).isSameAs(own);
                        own.register(User.class).createTable();
                        repository(context, User.class).create(new User("u1", "Alice"));
                        assertThat(own.repository(User.class).get("u1")).isPresent();
                    });
        }
    }

    @Test
    void aSealedInterfaceOverModels_getsAPolymorphicRepository() {
        embedded.run(context -> {
            Repository<Vehicle> fleet = repository(context, Vehicle.class);
            fleet.create(new Vehicle.Car("f1", "c1", 5));
            fleet.create(new Vehicle.Truck("f1", "t1", 3));
            assertThat(fleet.where().eq("fleetId", "f1").list())
                    .containsExactlyInAnyOrder(new Vehicle.Car("f1", "c1", 5), new Vehicle.Truck("f1", "t1", 3));
            assertThat(repository(context, Vehicle.Car.class)
                            .where()
                            .eq("fleetId", "f1")
                            .list())
                    .containsExactly(new Vehicle.Car("f1", "c1", 5));
        });
    }

    @Test
    void classesWithoutOrmAnnotations_getNoRepository() {
        embedded.run(context -> assertThat(
                        context.getBeanProvider(repositoryType(Money.class)).getIfAvailable())
                .isNull());
    }

    @Test
    void modelsAreFoundInTheAutoConfigurationPackages_withoutRestmachineModels() {
        new ApplicationContextRunner()
                .withUserConfiguration(ShopApplication.class)
                .withPropertyValues(
                        "restmachine.dynamodb.table-name=shop", "restmachine.dynamodb.embedded.enabled=true")
                .run(context -> {
                    ShopApplication.OrderService service = context.getBean(ShopApplication.OrderService.class);
                    service.place("bob", "o7", BigDecimal.TEN);
                    assertThat(service.of("bob")).containsExactly(new Order("bob", "o7", BigDecimal.TEN));
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> Repository<T> repository(org.springframework.context.ApplicationContext context, Class<T> type) {
        return (Repository<T>) context.getBeanProvider(repositoryType(type)).getObject();
    }

    private static ResolvableType repositoryType(Class<?> type) {
        return ResolvableType.forClassWithGenerics(Repository.class, type);
    }

    private static String schemaError(Class<?> type) {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
                DynamoDBBackend backend = DynamoDBBackend.builder()
                        .tableName("schema-check")
                        .client(db.client())
                        .build()) {
            backend.repository(type);
            throw new AssertionError(type + " was expected not to map");
        } catch (SchemaException e) {
            return e.getMessage();
        }
    }

    private static DynamoDbClient httpClient(java.net.URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
