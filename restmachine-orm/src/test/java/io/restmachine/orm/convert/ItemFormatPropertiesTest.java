package io.restmachine.orm.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.Id;
import io.restmachine.orm.ItemFormat;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelFactory;
import io.restmachine.orm.spi.ItemLayout;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every format reads back what it writes, and its times sort in time order where docs/item-layout.md says so. */
class ItemFormatPropertiesTest {
    private static final long FIRST = LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    @PartitionKey("STAMP#{id}")
    @SortKey("AT#{at}#{id}")
    record Stamp(@Id String id, Instant at) {}

    private static EntityModel<Stamp> model(ItemFormat format) {
        return new ModelFactory(ItemLayout.defaults().withFormat(format), Map.of()).model(Stamp.class);
    }

    /** Whole seconds and exact microseconds often, as Python's forms differ in length there. */
    private static Arbitrary<Integer> nanos() {
        return Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999_999).map(micros -> micros * 1000),
                Arbitraries.integers().between(0, 999_999_999));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FIRST, LAST).flatMap(s -> nanos().map(n -> Instant.ofEpochSecond(s, n)));
    }

    /** Two instants, often in the same second or the next, where a whole second is shortest. */
    @Provide
    Arbitrary<Instant[]> pairs() {
        return instants().flatMap(a -> Arbitraries.oneOf(
                        instants(),
                        nanos().map(n -> Instant.ofEpochSecond(a.getEpochSecond(), n)),
                        nanos().map(n -> Instant.ofEpochSecond(a.getEpochSecond() + 1, n)))
                .map(b -> new Instant[] {a, b}));
    }

    @Property(tries = 300)
    void everyFormat_readsBackWhatItWrites_toItsPrecision(@ForAll("instants") Instant at, @ForAll ItemFormat format) {
        EntityModel<Stamp> model = model(format);

        Stamp read = model.fromItem(model.toItem(new Stamp("s", at)));

        assertThat(read.at()).isEqualTo(format.python() ? at.truncatedTo(ChronoUnit.MICROS) : at);
    }

    @Property(tries = 1000)
    void valuesAndHashSeparatedKeys_sortInTimeOrder(@ForAll("pairs") Instant[] pair, @ForAll ItemFormat format) {
        Instant a = pair[0];
        Instant b = pair[1];
        EntityModel<Stamp> model = model(format);
        Map<String, ItemValue> first = model.toItem(new Stamp("s", a));
        Map<String, ItemValue> second = model.toItem(new Stamp("s", b));
        int byTime = format.python()
                ? a.truncatedTo(ChronoUnit.MICROS).compareTo(b.truncatedTo(ChronoUnit.MICROS))
                : a.compareTo(b);

        int byValue = text(first.get("at")).compareTo(text(second.get("at")));
        int byKey = text(first.get("sk")).compareTo(text(second.get("sk")));

        assertThat(Integer.signum(byValue)).isEqualTo(Integer.signum(byTime));
        assertThat(Integer.signum(byKey)).isEqualTo(Integer.signum(byTime));
    }

    /** Days where a calendar computation goes wrong first: year 0, leap days, century years, the epoch. */
    @Provide
    Arbitrary<Instant> calendarEdges() {
        Arbitrary<Long> edgeDays = Arbitraries.of(
                        LocalDate.of(0, 1, 1),
                        LocalDate.of(0, 2, 29),
                        LocalDate.of(0, 3, 1),
                        LocalDate.of(1, 1, 1),
                        LocalDate.of(1600, 2, 29),
                        LocalDate.of(1900, 2, 28),
                        LocalDate.of(1900, 3, 1),
                        LocalDate.of(1969, 12, 31),
                        LocalDate.of(1970, 1, 1),
                        LocalDate.of(2000, 2, 29),
                        LocalDate.of(2100, 3, 1),
                        LocalDate.of(9999, 12, 31))
                .map(LocalDate::toEpochDay);
        Arbitrary<Long> anyDay = Arbitraries.longs()
                .between(
                        LocalDate.of(0, 1, 1).toEpochDay(),
                        LocalDate.of(9999, 12, 31).toEpochDay());
        return Arbitraries.oneOf(edgeDays, anyDay)
                .flatMap(day -> Arbitraries.integers().between(0, 86_399).flatMap(second -> nanos().map(
                                n -> Instant.ofEpochSecond(day * 86_400 + second, n))));
    }

    @Property(tries = 1000)
    void everyFormat_writesTheTextOfTheJdkFormatter(@ForAll("calendarEdges") Instant at, @ForAll ItemFormat format) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
        if (format.python() && utc.getYear() < 1) {
            return; // outside Python's datetime range: rejected, see ItemFormatTest
        }
        int micros = at.getNano() / 1000;
        String expected =
                switch (format) {
                    case DEFAULT -> NANOS.format(utc);
                    case PYTHON -> SECONDS.format(utc) + (micros == 0 ? "" : String.format(".%06d", micros));
                    case PYTHON_AWARE -> SECONDS.format(utc) + (micros == 0 ? "" : String.format(".%06d", micros))
                            + "+00:00";
                };

        Map<String, ItemValue> item = model(format).toItem(new Stamp("s", at));

        assertThat(text(item.get("at"))).isEqualTo(expected);
        assertThat(text(item.get("sk"))).isEqualTo("AT#" + expected + "#s");
    }

    private static String text(ItemValue value) {
        return ((ItemValue.S) value).value();
    }
}
