package io.restmachine.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.InvalidCursorException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.Page;
import io.restmachine.orm.Repository;
import io.restmachine.orm.convert.AttributeConverter;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.spring.billing.Invoice;
import io.restmachine.orm.spring.shop.Money;
import io.restmachine.orm.spring.shop.Order;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The properties and beans that reach {@code DynamoDBBackend.builder()} settings. */
class RestmachineDynamoDBSettingsTest {
    private static final String SECRET = "a-cursor-secret-of-32-characters";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RestmachineDynamoDBAutoConfiguration.class))
            .withPropertyValues("restmachine.dynamodb.table-name=shop", "restmachine.dynamodb.embedded.enabled=true");

    @Configuration(proxyBeanMethods = false)
    @RestmachineModels(basePackageClasses = Order.class)
    static class ShopModels {}

    @Configuration(proxyBeanMethods = false)
    @RestmachineModels(basePackageClasses = Invoice.class)
    static class BillingModels {}

    @Configuration(proxyBeanMethods = false)
    static class ConverterMethod {
        @Bean
        AttributeConverter<Money> moneyConverter() {
            return AttributeConverter.of(
                    m -> ItemValue.s(m.currency() + " " + m.amount()), v -> Money.parse(((ItemValue.S) v).value()));
        }
    }

    static AttributeConverter<Money> moneyAsText() {
        return new ConverterMethod().moneyConverter();
    }

    /** A converter class that names its type. */
    static final class MoneyConverter implements AttributeConverter<Money> {
        private final AttributeConverter<Money> text = moneyAsText();

        @Override
        public ItemValue write(Money value) {
            return text.write(value);
        }

        @Override
        public Money read(ItemValue value) {
            return text.read(value);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ConverterClass {
        @Bean
        MoneyConverter moneyConverter() {
            return new MoneyConverter();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RawConverter {
        @Bean
        @SuppressWarnings("rawtypes")
        AttributeConverter moneyConverter() {
            return moneyAsText();
        }
    }

    @Test
    void cursorKey_signsCursorsThatAnotherInstanceWithTheSameKeyAccepts() {
        runner.withUserConfiguration(ShopModels.class)
                .withPropertyValues("restmachine.dynamodb.cursor-key=" + SECRET)
                .run(context -> {
                    Repository<Order> orders = repository(context, Order.class);
                    for (int i = 0; i < 3; i++) {
                        orders.create(new Order("alice", "o" + i, BigDecimal.ONE));
                    }
                    Page<Order> first =
                            orders.where().eq("userId", "alice").limit(1).paginate();
                    String cursor = first.cursor();
                    DynamoDBBackend backend = context.getBean(DynamoDBBackend.class);

                    try (DynamoDBBackend sameKey = secondBackend(backend, SECRET);
                            DynamoDBBackend otherKey = secondBackend(backend, "another-secret-of-32-characters!")) {
                        Page<Order> next = sameKey.repository(Order.class)
                                .where()
                                .eq("userId", "alice")
                                .limit(1)
                                .cursor(cursor)
                                .paginate();
                        assertThat(next.items())
                                .singleElement()
                                .isNotEqualTo(first.items().get(0));
                        assertThatThrownBy(() -> otherKey.repository(Order.class)
                                        .where()
                                        .eq("userId", "alice")
                                        .limit(1)
                                        .cursor(cursor)
                                        .paginate())
                                .isInstanceOf(InvalidCursorException.class);
                    }
                });
    }

    @Test
    void cursorKey_tooShort_failsStartUpSayingWhy() {
        runner.withPropertyValues("restmachine.dynamodb.cursor-key=short")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("cursorKey has 5 bytes: use a secret of at least 16 bytes"));
    }

    @Test
    void attributeNames_comeFromProperties() {
        runner.withUserConfiguration(ShopModels.class)
                .withPropertyValues(
                        "restmachine.dynamodb.attributes.partition-key=PK",
                        "restmachine.dynamodb.attributes.sort-key=SK",
                        "restmachine.dynamodb.attributes.entity-type=kind",
                        "restmachine.dynamodb.attributes.index-partition-key-prefix=GSI_PK_",
                        "restmachine.dynamodb.attributes.index-sort-key-prefix=GSI_SK_")
                .run(context -> {
                    repository(context, Order.class).create(new Order("alice", "o1", BigDecimal.ONE));
                    var item = context.getBean(EmbeddedDynamoDB.class)
                            .client()
                            .scan(b -> b.tableName("shop"))
                            .items()
                            .get(0);
                    assertThat(item)
                            .containsEntry("PK", AttributeValue.fromS("USER#alice"))
                            .containsEntry("SK", AttributeValue.fromS("ORDER#o1"))
                            .containsEntry("kind", AttributeValue.fromS("Order"));
                    var layout = context.getBean(DynamoDBBackend.class).layout();
                    assertThat(layout.indexPartitionKeyPrefix()).isEqualTo("GSI_PK_");
                    assertThat(layout.indexSortKeyPrefix()).isEqualTo("GSI_SK_");
                });
    }

    @Test
    void converterBean_declaredByItsMethod_storesItsType() {
        storesMoneyAsText(ConverterMethod.class);
    }

    @Test
    void converterBean_ofAClassNamingItsType_storesItsType() {
        storesMoneyAsText(ConverterClass.class);
    }

    private void storesMoneyAsText(Class<?> converterConfiguration) {
        runner.withUserConfiguration(BillingModels.class, converterConfiguration)
                .run(context -> {
                    Repository<Invoice> invoices = repository(context, Invoice.class);
                    Invoice invoice = new Invoice("i1", new Money("EUR", new BigDecimal("12.50")));
                    invoices.create(invoice);
                    var stored = context.getBean(EmbeddedDynamoDB.class)
                            .client()
                            .scan(b -> b.tableName("shop"))
                            .items()
                            .get(0);
                    assertThat(stored).containsEntry("amount", AttributeValue.fromS("EUR 12.50"));
                    assertThat(invoices.get(Key.of("invoiceId", "i1"))).contains(invoice);
                });
    }

    @Test
    void converterBean_withoutItsType_failsStartUpSayingHowToDeclareIt() {
        runner.withUserConfiguration(BillingModels.class, RawConverter.class)
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("AttributeConverter bean 'moneyConverter' does not say which type")
                        .hasStackTraceContaining("AttributeConverter<Money>"));
    }

    private static DynamoDBBackend secondBackend(DynamoDBBackend backend, String secret) {
        return DynamoDBBackend.builder()
                .tableName(backend.tableName())
                .client(backend.client())
                .cursorKey(secret.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static <T> Repository<T> repository(ApplicationContext context, Class<T> type) {
        return (Repository<T>) context.getBeanProvider(ResolvableType.forClassWithGenerics(Repository.class, type))
                .getObject();
    }
}
