package io.restmachine.orm.dynamodb.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.dynamodb.robustness.Models.Doc;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random values of every kind a model can hold go through repository → engine → repository and
 * come back equal (numbers by value, since DynamoDB keeps no trailing zeros; a null set as an empty
 * one, as docs/core.md says).
 */
class RoundTripPropertiesTest {
    private static EmbeddedDynamoDB db;
    private static DynamoDBBackend backend;
    private static Repository<Doc> docs;

    @BeforeContainer
    static void start() {
        db = EmbeddedDynamoDB.inMemory();
        backend = DynamoDBBackend.builder()
                .tableName("round-trip")
                .client(db.client())
                .build();
        backend.register(Doc.class).createTable();
        docs = backend.repository(Doc.class);
    }

    @AfterContainer
    static void stop() {
        backend.close();
        db.close();
    }

    /** Any valid Unicode text: no unpaired surrogates, which have no UTF-8 form. */
    static Arbitrary<String> text(int minLength) {
        return Arbitraries.strings()
                .all()
                .ofMinLength(minLength)
                .ofMaxLength(40)
                .filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
    }

    /** Numbers DynamoDB can hold: up to 38 significant digits, magnitude within 1E-130 .. 1E+126. */
    static Arbitrary<BigDecimal> number() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
                .between(
                        BigInteger.TEN.pow(38).negate().add(BigInteger.ONE),
                        BigInteger.TEN.pow(38).subtract(BigInteger.ONE));
        return net.jqwik.api.Combinators.combine(
                        unscaled, Arbitraries.integers().between(-80, 80))
                .as(BigDecimal::new);
    }

    /** Doubles within DynamoDB's range (R-53 and R-54 in docs/bad-input.md check the ones outside). */
    static Arbitrary<Double> storableDoubles() {
        return Arbitraries.doubles().filter(d -> d == 0 || (Math.abs(d) >= 1e-130 && Math.abs(d) < 1e126));
    }

    @Provide
    Arbitrary<Doc> docs() {
        return Builders.withBuilder(() -> new Object[10])
                .use(text(1).map(s -> "id-" + s))
                .in((a, v) -> set(a, 0, v))
                .use(text(0).injectNull(0.2))
                .in((a, v) -> set(a, 1, v))
                .use(number().injectNull(0.2))
                .in((a, v) -> set(a, 2, v))
                .use(storableDoubles().injectNull(0.2))
                .in((a, v) -> set(a, 3, v))
                .use(Arbitraries.longs().injectNull(0.2))
                .in((a, v) -> set(a, 4, v))
                .use(Arbitraries.of(true, false).injectNull(0.2))
                .in((a, v) -> set(a, 5, v))
                .use(text(0).set().ofMinSize(1).ofMaxSize(5).injectNull(0.3))
                .in((a, v) -> set(a, 6, v))
                .use(text(0).list().ofMaxSize(5).injectNull(0.3))
                .in((a, v) -> set(a, 7, v))
                .use(Arbitraries.maps(text(1), text(0)).ofMaxSize(4).injectNull(0.3))
                .in((a, v) -> set(a, 8, v))
                .use(Arbitraries.bytes()
                        .array(byte[].class)
                        .ofMinSize(1)
                        .ofMaxSize(64)
                        .injectNull(0.3))
                .in((a, v) -> set(a, 9, v))
                .build(a -> new Doc(
                        (String) a[0],
                        (String) a[1],
                        (BigDecimal) a[2],
                        (Double) a[3],
                        (Long) a[4],
                        (Boolean) a[5],
                        cast(a[6]),
                        cast(a[7]),
                        cast(a[8]),
                        (byte[]) a[9]));
    }

    private static Object[] set(Object[] array, int index, Object value) {
        array[index] = value;
        return array;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    @Property(tries = 200)
    void everyValue_comesBackUnchanged(@ForAll("docs") Doc written) {
        docs.upsert(written);
        Doc read = docs.get(written.id()).orElseThrow();

        assertThat(read.text()).isEqualTo(written.text());
        if (written.amount() == null) {
            assertThat(read.amount()).isNull();
        } else {
            assertThat(read.amount()).isEqualByComparingTo(written.amount());
        }
        assertThat(read.ratio()).isEqualTo(written.ratio());
        assertThat(read.count()).isEqualTo(written.count());
        assertThat(read.flag()).isEqualTo(written.flag());
        // docs/core.md: a null or empty set is not stored, and a missing set reads as an empty set.
        assertThat(read.tags()).isEqualTo(written.tags() == null ? Set.of() : written.tags());
        assertThat(read.lines()).isEqualTo(written.lines());
        assertThat(read.labels()).isEqualTo(written.labels());
        assertThat(read.data()).isEqualTo(written.data());
    }
}
