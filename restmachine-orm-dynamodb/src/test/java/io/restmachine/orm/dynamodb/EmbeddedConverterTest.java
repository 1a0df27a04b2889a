package io.restmachine.orm.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.Condition;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.Repository;
import io.restmachine.orm.TransactionCanceledException;
import io.restmachine.orm.convert.AttributeConverter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Custom types through the backend on the embedded engine, in-process; also transactions, which dynalite lacks. */
class EmbeddedConverterTest extends ConverterContract {
    private EmbeddedDynamoDB db;

    @Override
    DynamoDbClient newClient() {
        db = EmbeddedDynamoDB.inMemory();
        return db.client();
    }

    @AfterEach
    void closeEngine() {
        db.close();
    }

    @Test
    void conditionValues_ofConvertedTypes_checkTransactions() {
        tariffs.create(tariff("12.50"));
        tariffs.create(tariff("13.00"));
        Key checked = Key.of(Map.of("region", "eu", "rate", new Rate(250), "price", Money.of("12.50", "EUR")));
        Key updated = Key.of(Map.of("region", "eu", "rate", new Rate(250), "price", Money.of("13.00", "EUR")));

        assertThatThrownBy(() -> backend.transaction(tx -> tx.check(
                                Tariff.class,
                                checked,
                                Condition.field("deposit").eq(Money.of("4.00", "EUR")))
                        .update(Tariff.class, updated, u -> u.set("deposit", Money.of("7", "EUR")))))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(raw("TARIFF#eu#250", "PRICE#13.00 EUR")).containsEntry("deposit", AttributeValue.fromS("5.00 EUR"));

        backend.transaction(
                tx -> tx.check(Tariff.class, checked, Condition.field("deposit").eq(Money.of("5.00", "EUR")))
                        .update(Tariff.class, updated, u -> u.set("deposit", Money.of("7", "EUR"))));

        assertThat(raw("TARIFF#eu#250", "PRICE#13.00 EUR")).containsEntry("deposit", AttributeValue.fromS("7 EUR"));
    }

    @Test
    void aLaterConverterForTheSameType_replacesTheEarlierOne() {
        AttributeConverter<Money> cents = AttributeConverter.of(
                m -> ItemValue.n(m.amount().movePointRight(2).longValueExact()),
                v -> new Money(((ItemValue.N) v).value().movePointLeft(2), "EUR"));
        try (DynamoDBBackend centsBackend = DynamoDBBackend.builder()
                .tableName(backend.tableName())
                .client(client)
                .converter(Money.class, MONEY)
                .converter(Rate.class, RATE)
                .converter(Money.class, cents)
                .build()) {
            Repository<Tariff> inCents = centsBackend.repository(Tariff.class);
            inCents.create(tariff("12.50"));
        }

        assertThat(raw("TARIFF#eu#250", "PRICE#1250")).containsEntry("price", AttributeValue.fromN("1250"));
    }

    @Test
    void aNullConverter_isRefused_namingTheType() {
        assertThatThrownBy(() -> DynamoDBBackend.builder().converter(Money.class, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining(Money.class.getName());
    }
}
