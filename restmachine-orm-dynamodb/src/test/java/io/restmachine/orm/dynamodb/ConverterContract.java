package io.restmachine.orm.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.Condition;
import io.restmachine.orm.ConditionFailedException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Repository;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.convert.AttributeConverter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A custom type registered with {@link DynamoDBBackend.Builder#converter} goes through every place
 * a value of its type can stand: fields, collection elements, map values, conditions (query filter,
 * write condition) and key templates, as stored by a real DynamoDB-compatible server.
 */
abstract class ConverterContract {

    /** A type the ORM does not know: an amount in a currency, stored as {@code "12.50 EUR"}. */
    record Money(BigDecimal amount, String currency) {
        static Money of(String amount, String currency) {
            return new Money(new BigDecimal(amount), currency);
        }

        static Money parse(String text) {
            int space = text.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("not an amount and a currency: '" + text + "'");
            }
            return new Money(new BigDecimal(text.substring(0, space)), text.substring(space + 1));
        }

        @Override
        public String toString() {
            return amount.toPlainString() + " " + currency;
        }
    }

    /** A type stored as a number: a rate in basis points ({@code N}). */
    record Rate(int basisPoints) {}

    static final AttributeConverter<Money> MONEY =
            AttributeConverter.of(m -> ItemValue.s(m.toString()), v -> Money.parse(((ItemValue.S) v).value()));

    static final AttributeConverter<Rate> RATE = AttributeConverter.of(
            r -> ItemValue.n(r.basisPoints()),
            v -> new Rate(((ItemValue.N) v).value().intValueExact()));

    /** Money in a field, a list, a set, a map and the sort key; a rate in a field and the partition key. */
    @PartitionKey("TARIFF#{region}#{rate}")
    @SortKey("PRICE#{price}")
    record Tariff(
            String region,
            Rate rate,
            Money price,
            @Nullable Money deposit,
            List<Money> history,
            Set<Money> accepted,
            Map<String, Money> byMonth) {}

    DynamoDbClient client;
    DynamoDBBackend backend;
    Repository<Tariff> tariffs;

    abstract DynamoDbClient newClient();

    @BeforeEach
    void createTable() {
        client = newClient();
        backend = DynamoDBBackend.builder()
                .tableName(Peers.uniqueTableName("converters"))
                .client(client)
                .converter(Money.class, MONEY)
                .converter(Rate.class, RATE)
                .build();
        tariffs = backend.repository(Tariff.class);
        backend.createTable();
    }

    @AfterEach
    void dropTable() {
        backend.deleteTable();
        backend.close();
        client.close();
    }

    static Tariff tariff(String price) {
        return new Tariff(
                "eu",
                new Rate(250),
                Money.of(price, "EUR"),
                Money.of("5.00", "EUR"),
                List.of(Money.of("9.00", "EUR"), Money.of("9.50", "EUR")),
                Set.of(Money.of("1", "EUR"), Money.of("1", "USD")),
                Map.of("jan", Money.of("100.25", "EUR")));
    }

    Map<String, AttributeValue> raw(String pk, String sk) {
        return Peers.storedItem(client, backend.tableName(), pk, sk);
    }

    @Test
    void fieldsAndCollectionElements_areStoredInTheConvertersForm_andReadBack() {
        Tariff t = tariff("12.50");
        tariffs.create(t);

        Map<String, AttributeValue> stored = raw("TARIFF#eu#250", "PRICE#12.50 EUR");
        assertThat(stored)
                .containsEntry("price", AttributeValue.fromS("12.50 EUR"))
                .containsEntry("deposit", AttributeValue.fromS("5.00 EUR"))
                .containsEntry("rate", AttributeValue.fromN("250"))
                .containsEntry(
                        "history",
                        AttributeValue.fromL(
                                List.of(AttributeValue.fromS("9.00 EUR"), AttributeValue.fromS("9.50 EUR"))))
                .containsEntry("byMonth", AttributeValue.fromM(Map.of("jan", AttributeValue.fromS("100.25 EUR"))));
        // DynamoDB's sets hold strings, numbers or binaries only: a set of a converted type is a list.
        assertThat(stored.get("accepted").l())
                .containsExactlyInAnyOrder(AttributeValue.fromS("1 EUR"), AttributeValue.fromS("1 USD"));
        assertThat(tariffs.get(
                        Key.of(Map.of("region", "eu", "rate", new Rate(250), "price", Money.of("12.50", "EUR")))))
                .contains(t);
    }

    @Test
    void keyTemplateParts_ofConvertedTypes_makeAQuery_withTheConvertersKeyForm() {
        tariffs.create(tariff("12.50"));
        tariffs.create(tariff("13.00"));

        Plan plan = tariffs.where()
                .eq("region", "eu")
                .eq("rate", new Rate(250))
                .eq("price", Money.of("13.00", "EUR"))
                .explain();
        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.values()).containsValues("\"TARIFF#eu#250\"", "\"PRICE#13.00 EUR\"");
        assertThat(tariffs.where()
                        .eq("region", "eu")
                        .eq("rate", new Rate(250))
                        .eq("price", Money.of("13.00", "EUR"))
                        .list())
                .containsExactly(tariff("13.00"));
    }

    @Test
    void conditionValues_ofConvertedTypes_filterQueries() {
        tariffs.create(tariff("12.50"));
        Tariff other = new Tariff(
                "eu", new Rate(250), Money.of("20", "EUR"), null, List.of(), Set.of(Money.of("2", "EUR")), Map.of());
        tariffs.create(other);

        assertThat(tariffs.where()
                        .eq("region", "eu")
                        .eq("rate", new Rate(250))
                        .eq("deposit", Money.of("5.00", "EUR"))
                        .list())
                .containsExactly(tariff("12.50"));
        assertThat(tariffs.where().contains("accepted", Money.of("2", "EUR")).list())
                .containsExactly(other);
        assertThat(tariffs.where(Condition.field("rate").gt(new Rate(100))).count())
                .isEqualTo(2);
    }

    @Test
    void conditionValues_ofConvertedTypes_guardWrites() {
        Tariff t = tariff("12.50");
        tariffs.create(t);
        Key key = Key.of(Map.of("region", "eu", "rate", new Rate(250), "price", Money.of("12.50", "EUR")));

        assertThatThrownBy(() -> tariffs.update(key, u -> u.set("deposit", Money.of("6", "EUR"))
                        .onlyIf(Condition.field("deposit").eq(Money.of("4.00", "EUR")))))
                .isInstanceOf(ConditionFailedException.class);
        Tariff updated = tariffs.update(key, u -> u.set("deposit", Money.of("6", "EUR"))
                .onlyIf(Condition.field("deposit").eq(Money.of("5.00", "EUR"))));

        assertThat(updated.deposit()).isEqualTo(Money.of("6", "EUR"));
        assertThat(raw("TARIFF#eu#250", "PRICE#12.50 EUR")).containsEntry("deposit", AttributeValue.fromS("6 EUR"));
    }

    @Test
    void aBackendWithoutTheConverter_rejectsTheModel_sayingHowToRegisterOne() {
        try (DynamoDBBackend plain = DynamoDBBackend.builder()
                .tableName(backend.tableName())
                .client(client)
                .build()) {
            assertThatThrownBy(() -> plain.repository(Tariff.class))
                    .isInstanceOf(SchemaException.class)
                    .hasMessageContaining("field 'rate'")
                    .hasMessageContaining("DynamoDBBackend.builder().converter(Rate.class, AttributeConverter.of(");
        }
    }
}
