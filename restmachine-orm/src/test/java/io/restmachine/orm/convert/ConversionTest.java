package io.restmachine.orm.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Everything;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelFactory;
import io.restmachine.orm.spi.ItemLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversionTest {
    private final EntityModel<Everything> model =
            new ModelFactory(ItemLayout.defaults(), Map.of()).model(Everything.class);

    static Everything full() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("n", 42L);
        attributes.put("s", "text");
        attributes.put("nested", Map.of("x", true));
        attributes.put("list", List.of(1L, "two"));
        return new Everything(
                "e1",
                Integer.MIN_VALUE,
                Long.MAX_VALUE,
                Short.MIN_VALUE,
                Byte.MAX_VALUE,
                3.4028235e38f,
                0.1 + 0.2,
                true,
                'é',
                7,
                -8L,
                1e-130,
                false,
                new BigDecimal("12345678901234567890.123456789012345678"),
                new BigInteger("-99999999999999999999999999999999999999"),
                Everything.Color.GREEN,
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                URI.create("https://example.com/a?b=c"),
                Instant.parse("2024-02-29T23:59:59.999999999Z"),
                LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2024, 2, 29, 12, 0, 0, 1000),
                LocalTime.of(23, 59, 59, 5),
                OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)),
                ZonedDateTime.of(2024, 7, 1, 10, 0, 0, 0, ZoneId.of("Europe/Paris")),
                Duration.ofMillis(90061001),
                new byte[] {0, 1, -1, 127},
                new LinkedHashSet<>(List.of("a", "b")),
                new LinkedHashSet<>(List.of(1, 2, 3)),
                Set.of(new byte[] {9}),
                List.of("x", "y", "x"),
                List.of(new Everything.Address("Main St", "Paris", new Everything.Geo(48.85, 2.35))),
                Map.of("math", 90, "art", 75),
                attributes,
                new Everything.Address("Side St", null, null),
                Optional.of("Ev"),
                Instant.ofEpochSecond(1_900_000_000L));
    }

    @Test
    void everySupportedType_roundTripsExactly() {
        Everything e = full();

        Map<String, ItemValue> item = model.toItem(e);
        Everything back = model.fromItem(item);

        assertThat(back)
                .usingRecursiveComparison()
                .ignoringFields("blobs")
                .ignoringCollectionOrderInFields("tags", "numbers")
                .isEqualTo(e);
        assertThat(back.blobs()).singleElement().isEqualTo(new byte[] {9});
    }

    @Test
    void storedForms_areTheDocumentedOnes() {
        Map<String, ItemValue> item = model.toItem(full());

        assertThat(item.get("i")).isEqualTo(ItemValue.n(Integer.MIN_VALUE));
        assertThat(item.get("bool")).isEqualTo(new ItemValue.Bool(true));
        assertThat(item.get("color")).isEqualTo(ItemValue.s("GREEN"));
        assertThat(item.get("instant")).isEqualTo(ItemValue.s("2024-02-29T23:59:59.999999999Z"));
        assertThat(item.get("localDate")).isEqualTo(ItemValue.s("2024-02-29"));
        assertThat(item.get("duration")).isEqualTo(ItemValue.s("PT25H1M1.001S"));
        assertThat(item.get("tags")).isEqualTo(new ItemValue.SS(Set.of("a", "b")));
        assertThat(item.get("numbers")).isInstanceOf(ItemValue.NS.class);
        assertThat(item.get("blobs")).isInstanceOf(ItemValue.BS.class);
        assertThat(item.get("list")).isInstanceOf(ItemValue.L.class);
        assertThat(item.get("address")).isEqualTo(new ItemValue.M(Map.of("street", ItemValue.s("Side St"))));
        assertThat(item.get("nickname")).isEqualTo(ItemValue.s("Ev"));
        assertThat(item.get("expiresAt")).isEqualTo(ItemValue.n(1_900_000_000L));
        assertThat(item.get("bytes")).isEqualTo(new ItemValue.B(new byte[] {0, 1, -1, 127}));
    }

    @Test
    void absentValues_areNotStored_andEmptySetsReadBackEmpty() {
        Everything sparse = new Everything(
                "e2",
                0,
                0,
                (short) 0,
                (byte) 0,
                0,
                0,
                false,
                'x',
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Optional.empty(),
                null);

        Map<String, ItemValue> item = model.toItem(sparse);
        Everything back = model.fromItem(item);

        assertThat(item).doesNotContainKeys("boxedInt", "tags", "nickname", "decimal", "address", "expiresAt");
        assertThat(item.values()).noneMatch(v -> v instanceof ItemValue.Null);
        assertThat(back.tags()).isEmpty();
        assertThat(back.nickname()).isEmpty();
        assertThat(back.boxedInt()).isNull();
    }

    @Test
    void nanAndInfinity_areRejectedWithValidation() {
        Everything e = full();
        Everything nan = new Everything(
                e.id(),
                e.i(),
                e.l(),
                e.s(),
                e.b(),
                e.f(),
                Double.NaN,
                e.bool(),
                e.c(),
                e.boxedInt(),
                e.boxedLong(),
                Double.POSITIVE_INFINITY,
                e.boxedBool(),
                e.decimal(),
                e.bigInteger(),
                e.color(),
                e.uuid(),
                e.uri(),
                e.instant(),
                e.localDate(),
                e.localDateTime(),
                e.localTime(),
                e.offsetDateTime(),
                e.zonedDateTime(),
                e.duration(),
                e.bytes(),
                e.tags(),
                e.numbers(),
                e.blobs(),
                e.list(),
                e.addresses(),
                e.scores(),
                e.attributes(),
                e.address(),
                e.nickname(),
                e.expiresAt());

        assertThatThrownBy(() -> model.toItem(nan))
                .isInstanceOf(ValidationException.class)
                .satisfies(
                        x -> assertThat(((ValidationException) x).violations()).hasSize(2))
                .hasMessageContaining("field 'd'")
                .hasMessageContaining("field 'boxedDouble'");
    }

    @Test
    void numbersBeyond38Digits_areRejected() {
        Everything e = full();
        Everything big = new Everything(
                e.id(),
                e.i(),
                e.l(),
                e.s(),
                e.b(),
                e.f(),
                e.d(),
                e.bool(),
                e.c(),
                e.boxedInt(),
                e.boxedLong(),
                e.boxedDouble(),
                e.boxedBool(),
                new BigDecimal("1.23456789012345678901234567890123456789"),
                e.bigInteger(),
                e.color(),
                e.uuid(),
                e.uri(),
                e.instant(),
                e.localDate(),
                e.localDateTime(),
                e.localTime(),
                e.offsetDateTime(),
                e.zonedDateTime(),
                e.duration(),
                e.bytes(),
                e.tags(),
                e.numbers(),
                e.blobs(),
                e.list(),
                e.addresses(),
                e.scores(),
                e.attributes(),
                e.address(),
                e.nickname(),
                e.expiresAt());

        assertThatThrownBy(() -> model.toItem(big))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("39 significant digits");
    }

    @Test
    void readingAcceptsOtherIsoForms_andNormalisedNumberScales() {
        Map<String, ItemValue> item = new java.util.HashMap<>(model.toItem(full()));
        item.put("instant", ItemValue.s("2024-01-01T10:00:00+02:00"));
        item.put("decimal", ItemValue.n(new BigDecimal("1.5")));

        Everything back = model.fromItem(item);

        assertThat(back.instant()).isEqualTo(Instant.parse("2024-01-01T08:00:00Z"));
        assertThat(back.decimal()).isEqualByComparingTo("1.50");
    }

    @Test
    void customConverters_takePrecedence() {
        AttributeConverter<Duration> minutes = AttributeConverter.of(
                d -> ItemValue.n(d.toMinutes()),
                v -> Duration.ofMinutes(((ItemValue.N) v).value().longValue()));
        EntityModel<Everything> custom =
                new ModelFactory(ItemLayout.defaults(), Map.of(Duration.class, minutes)).model(Everything.class);

        Map<String, ItemValue> item = custom.toItem(full());

        assertThat(item.get("duration")).isEqualTo(ItemValue.n(1501));
        assertThat(custom.fromItem(item).duration()).isEqualTo(Duration.ofMinutes(1501));
        assertThat(Fixtures.settings().withConverter(Duration.class, minutes).converters())
                .containsKey(Duration.class);
    }

    @Test
    void aCustomConvertersNumbers_outsideDynamoDbsRange_areRefused_namingTheField() {
        AttributeConverter<Duration> huge = AttributeConverter.of(
                d -> new ItemValue.L(List.of(ItemValue.n(new BigDecimal("1E200")))), v -> Duration.ZERO);
        EntityModel<Everything> custom =
                new ModelFactory(ItemLayout.defaults(), Map.of(Duration.class, huge)).model(Everything.class);

        assertThatThrownBy(() -> custom.toItem(full()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("duration")
                .hasMessageContaining("outside DynamoDB's number range");
    }
}
