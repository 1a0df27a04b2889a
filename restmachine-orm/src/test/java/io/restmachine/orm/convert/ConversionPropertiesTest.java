package io.restmachine.orm.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.Id;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelFactory;
import io.restmachine.orm.spi.ItemLayout;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;

class ConversionPropertiesTest {
    /** Fields whose round trip is checked for arbitrary values. */
    public record Sample(
            @Id String id,
            long l,
            double d,
            float f,
            @Nullable BigDecimal decimal,
            @Nullable Instant instant,
            @Nullable LocalDateTime local,
            @Nullable Set<String> tags,
            @Nullable List<Integer> numbers,
            @Nullable Map<String, String> map) {}

    private final EntityModel<Sample> model = new ModelFactory(ItemLayout.defaults(), Map.of()).model(Sample.class);

    @Property
    void anyValues_roundTripExactly(
            @ForAll @NotEmpty String id,
            @ForAll long l,
            @ForAll("finiteDoubles") double d,
            @ForAll("finiteFloats") float f,
            @ForAll("decimals") BigDecimal decimal,
            @ForAll("instants") Instant instant,
            @ForAll Set<String> tags,
            @ForAll List<Integer> numbers,
            @ForAll Map<String, String> map) {
        LocalDateTime local =
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), java.time.ZoneOffset.UTC);
        Sample s = new Sample(id, l, d, f, decimal, instant, local, tags, numbers, map);

        Sample back = model.fromItem(model.toItem(s));

        assertThat(back.id()).isEqualTo(id);
        assertThat(back.l()).isEqualTo(l);
        assertThat(Double.doubleToLongBits(back.d())).isEqualTo(Double.doubleToLongBits(d == 0.0 ? 0.0 : d));
        assertThat(back.f()).isEqualTo(f == 0.0f ? 0.0f : f);
        assertThat(back.decimal()).isEqualByComparingTo(decimal);
        assertThat(back.instant()).isEqualTo(instant);
        assertThat(back.local()).isEqualTo(local);
        assertThat(back.tags()).isEqualTo(tags);
        assertThat(back.numbers()).isEqualTo(numbers);
        assertThat(back.map()).isEqualTo(map);
    }

    @Property
    void instantKeyStrings_sortInTimeOrder(@ForAll("instants") Instant a, @ForAll("instants") Instant b) {
        var codec = model.property("instant").codec();

        int byString = Integer.signum(codec.keyString(a).compareTo(codec.keyString(b)));

        assertThat(byString).isEqualTo(Integer.signum(a.compareTo(b)));
    }

    /** Doubles DynamoDB can store: zero, or magnitudes from 1E-130 to below 1E+126 (see NumberRangeTest). */
    @Provide
    Arbitrary<Double> finiteDoubles() {
        Arbitrary<Double> anyMagnitude = Combinators.combine(
                        Arbitraries.doubles().between(1, 9.99).ofScale(15),
                        Arbitraries.integers().between(-129, 124),
                        Arbitraries.of(1.0, -1.0))
                .as((mantissa, exponent, sign) -> sign * mantissa * Math.pow(10, exponent));
        return Arbitraries.oneOf(
                        Arbitraries.doubles(),
                        anyMagnitude,
                        Arbitraries.of(0.0, -0.0, 1e-130, -1e-130, 9.999999999999998e125, -9.999999999999998e125))
                .filter(x -> !x.isNaN() && !x.isInfinite() && (x == 0.0 || Math.abs(x) >= 1e-130))
                .filter(x -> Math.abs(x) < 1e126);
    }

    @Provide
    Arbitrary<Float> finiteFloats() {
        return Arbitraries.floats().filter(x -> !x.isNaN() && !x.isInfinite());
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigDecimals().ofScale(6).between(new BigDecimal("-1e30"), new BigDecimal("1e30"));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs()
                .between(0, 253402300799L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }
}
