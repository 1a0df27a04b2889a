package io.restmachine.orm.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.Attribute;
import io.restmachine.orm.CreatedAt;
import io.restmachine.orm.ItemFormat;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Orm;
import io.restmachine.orm.OrmSettings;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.Repository;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.Ttl;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.RecordingStore;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelFactory;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.ItemLayout;
import io.restmachine.orm.spi.ReadRequest;
import io.restmachine.orm.spi.StoreItem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What each {@link ItemFormat} writes, and that every format reads every time form Python writes. */
class ItemFormatTest {
    private static final Instant MICROS = Instant.parse("2025-06-01T12:30:45.123456789Z");

    @PartitionKey("USER#{userId}")
    @SortKey("TODO#{createdAt}#{todoId}")
    record Todo(
            String userId,
            String todoId,
            @Nullable Instant createdAt,
            @Nullable LocalDateTime localAt,
            @Nullable LocalTime timeOfDay,
            @Nullable OffsetDateTime offsetAt,
            @Nullable ZonedDateTime zonedAt,
            @Attribute("displayTitle") @Nullable String title,
            @Nullable Set<String> tags,
            @Nullable List<String> notes,
            @Nullable Address homeAddress,
            @Ttl @Nullable Instant expiresAt) {}

    record Address(String streetName, String postCode) {}

    @PartitionKey("USER#{userId}")
    @SortKey("TODO#{createdAt}#{todoId}")
    record Created(String userId, String todoId, @CreatedAt @Nullable Instant createdAt) {}

    @PartitionKey("LOG#{id}")
    @SortKey("ALL")
    record Log(String id, Optional<Instant> last, List<Instant> times, Set<LocalDateTime> days) {}

    @PartitionKey("SESSION#{id}")
    @SortKey("METADATA")
    record Expiring(String id, @Ttl Instant expiresAt) {}

    record Clash(String userId, String user_id) {}

    private static EntityModel<Todo> model(ItemFormat format) {
        return new ModelFactory(ItemLayout.defaults().withFormat(format), Map.of()).model(Todo.class);
    }

    private static Todo todo(Instant at) {
        return new Todo(
                "alice",
                "t1",
                at,
                LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                LocalTime.of(8, 15, 0, 500_000_001),
                OffsetDateTime.ofInstant(at, ZoneOffset.ofHoursMinutes(5, 30)),
                ZonedDateTime.ofInstant(at, ZoneId.of("Europe/Paris")),
                "Write docs",
                new TreeSet<>(Set.of("b", "a")),
                List.of(),
                new Address("Main St", "75001"),
                Instant.ofEpochSecond(1_798_761_600L));
    }

    @Test
    void python_writesNaiveUtcMicroseconds_snakeCaseNames_andAttributeWins() {
        Map<String, ItemValue> item = model(ItemFormat.PYTHON).toItem(todo(MICROS));

        assertThat(item)
                .containsEntry("sk", ItemValue.s("TODO#2025-06-01T12:30:45.123456#t1"))
                .containsEntry("user_id", ItemValue.s("alice"))
                .containsEntry("created_at", ItemValue.s("2025-06-01T12:30:45.123456"))
                .containsEntry("local_at", ItemValue.s("2025-06-01T12:30:45.123456"))
                .containsEntry("time_of_day", ItemValue.s("08:15:00.500000"))
                .containsEntry("offset_at", ItemValue.s("2025-06-01T18:00:45.123456+05:30"))
                .containsEntry("zoned_at", ItemValue.s("2025-06-01T14:30:45.123456+02:00"))
                .containsEntry("displayTitle", ItemValue.s("Write docs"))
                .containsEntry("expires_at", ItemValue.n(1_798_761_600L))
                .containsEntry(
                        "home_address",
                        new ItemValue.M(
                                Map.of("street_name", ItemValue.s("Main St"), "post_code", ItemValue.s("75001"))));
        assertThat(item).doesNotContainKeys("userId", "createdAt", "title");
    }

    @Test
    void pythonAware_writesUtcOffset_andKeepsLocalTimesNaive() {
        Map<String, ItemValue> item = model(ItemFormat.PYTHON_AWARE).toItem(todo(MICROS));

        assertThat(item)
                .containsEntry("created_at", ItemValue.s("2025-06-01T12:30:45.123456+00:00"))
                .containsEntry("sk", ItemValue.s("TODO#2025-06-01T12:30:45.123456+00:00#t1"))
                .containsEntry("local_at", ItemValue.s("2025-06-01T12:30:45.123456"));
    }

    @Test
    void python_writesNoFraction_whenMicrosecondsAreZero() {
        Instant whole = Instant.parse("2025-06-01T12:00:00.000000999Z");

        Map<String, ItemValue> naive = model(ItemFormat.PYTHON).toItem(todo(whole));
        Map<String, ItemValue> aware = model(ItemFormat.PYTHON_AWARE).toItem(todo(whole));

        assertThat(naive).containsEntry("created_at", ItemValue.s("2025-06-01T12:00:00"));
        assertThat(aware).containsEntry("created_at", ItemValue.s("2025-06-01T12:00:00+00:00"));
    }

    @Test
    void default_keepsNineDigitsAndJavaNames() {
        Map<String, ItemValue> item = model(ItemFormat.DEFAULT).toItem(todo(MICROS));

        assertThat(item)
                .containsEntry("createdAt", ItemValue.s("2025-06-01T12:30:45.123456789Z"))
                .containsEntry("userId", ItemValue.s("alice"))
                .doesNotContainKey("user_id");
    }

    @Test
    void python_writesEmptySetAsEmptyList_andReadsItBackEmpty() {
        Todo empty = new Todo("alice", "t1", MICROS, null, null, null, null, null, Set.of(), List.of(), null, null);

        Map<String, ItemValue> python = model(ItemFormat.PYTHON).toItem(empty);
        Map<String, ItemValue> def = model(ItemFormat.DEFAULT).toItem(empty);

        assertThat(python).containsEntry("tags", new ItemValue.L(List.of()));
        assertThat(python).containsEntry("notes", new ItemValue.L(List.of()));
        assertThat(def).doesNotContainKey("tags");
        assertThat(model(ItemFormat.PYTHON).fromItem(python).tags()).isEmpty();
        assertThat(model(ItemFormat.DEFAULT).fromItem(python).tags()).isEmpty();
    }

    @Test
    void python_stillWritesNonEmptySetsAsDynamoDbSets() {
        Map<String, ItemValue> item = model(ItemFormat.PYTHON).toItem(todo(MICROS));

        assertThat(item.get("tags")).isEqualTo(new ItemValue.SS(Set.of("a", "b")));
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({
        "DEFAULT, 2025-06-01T12:30:45, 2025-06-01T12:30:45Z",
        "DEFAULT, 2025-06-01T12:30:45.5, 2025-06-01T12:30:45.500Z",
        "DEFAULT, 2025-06-01T12:30:45.123456, 2025-06-01T12:30:45.123456Z",
        "DEFAULT, 2025-06-01T12:30:45.123456+00:00, 2025-06-01T12:30:45.123456Z",
        "DEFAULT, 2025-06-01T14:30:45.123456789+02:00, 2025-06-01T12:30:45.123456789Z",
        "DEFAULT, 2025-06-01T12:30:45.123456789Z, 2025-06-01T12:30:45.123456789Z",
        "DEFAULT, 2025-06-01 12:30:45.123456, 2025-06-01T12:30:45.123456Z",
        "DEFAULT, 2025-06-01T07:00:45-05:30, 2025-06-01T12:30:45Z",
        "PYTHON, 2025-06-01T12:30:45.123456789Z, 2025-06-01T12:30:45.123456789Z",
        "PYTHON, 2025-06-01T12:30:45.12, 2025-06-01T12:30:45.120Z",
        "PYTHON, 2025-06-01T13:30:45+01:00, 2025-06-01T12:30:45Z",
        "PYTHON_AWARE, 2025-06-01T12:30:45, 2025-06-01T12:30:45Z",
        "PYTHON_AWARE, 2025-06-01T12:30:45.000001+00:00, 2025-06-01T12:30:45.000001Z",
        "PYTHON_AWARE, 2025-06-01T12:30:45.123456789Z, 2025-06-01T12:30:45.123456789Z",
    })
    void everyFormat_readsEveryIsoForm_naiveAsUtc(ItemFormat format, String stored, String expected) {
        Map<String, ItemValue> item = new HashMap<>(model(format).toItem(todo(MICROS)));
        item.put(format.python() ? "created_at" : "createdAt", ItemValue.s(stored));
        item.put(format.python() ? "local_at" : "localAt", ItemValue.s(stored));
        item.put(format.python() ? "offset_at" : "offsetAt", ItemValue.s(stored));
        item.put(format.python() ? "zoned_at" : "zonedAt", ItemValue.s(stored));

        Todo read = model(format).fromItem(item);

        Instant at = Instant.parse(expected);
        assertThat(read.createdAt()).isEqualTo(at);
        assertThat(read.localAt()).isEqualTo(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        assertThat(read.offsetAt().toInstant()).isEqualTo(at);
        assertThat(read.zonedAt().toInstant()).isEqualTo(at);
    }

    @ParameterizedTest
    @EnumSource(ItemFormat.class)
    void ttl_writesEpochSeconds_andReadsThePythonMixinsIsoString(ItemFormat format) {
        Map<String, ItemValue> item = new HashMap<>(model(format).toItem(todo(MICROS)));
        String ttl = format.python() ? "expires_at" : "expiresAt";
        assertThat(item).containsEntry(ttl, ItemValue.n(1_798_761_600L));

        item.put(ttl, ItemValue.s("2027-01-01T00:00:00.250000"));

        assertThat(model(format).fromItem(item).expiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void python_rejectsYearsPythonCannotRead_namingTheField() {
        Instant tooLate = LocalDateTime.of(10_000, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        Todo todo = new Todo("a", "t", tooLate, null, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> model(ItemFormat.PYTHON).toItem(todo))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("createdAt")
                .hasMessageContaining("outside Python's datetime range");
    }

    @Test
    void python_rejectsFieldsThatSnakeCaseOntoTheSameAttribute() {
        ModelFactory python = new ModelFactory(ItemLayout.defaults().withFormat(ItemFormat.PYTHON), Map.of());

        assertThatThrownBy(() -> python.model(Clash.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("user_id")
                .hasMessageContaining("@Attribute");
    }

    @Test
    void python_createCutsNanosToMicros_soWhatCreateReturnsIsWhatIsStored() {
        RecordingStore store = new RecordingStore();
        Instant now = Instant.parse("2025-06-01T12:30:45.123456789Z");
        Repository<Created> todos = python(store, now).repository(Created.class);

        Created created = todos.create(new Created("alice", "t1", null));

        Map<String, ItemValue> stored = lastPut(store);
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2025-06-01T12:30:45.123456Z"));
        assertThat(stored)
                .containsEntry("created_at", ItemValue.s("2025-06-01T12:30:45.123456"))
                .containsEntry("sk", ItemValue.s("TODO#2025-06-01T12:30:45.123456#t1"));
        Created given = todos.create(new Created("alice", "t2", now.plusNanos(1)));
        assertThat(given.createdAt()).isEqualTo(Instant.parse("2025-06-01T12:30:45.123456Z"));
    }

    @Test
    void python_createCutsTimesInOptionalsListsAndSets_too() {
        RecordingStore store = new RecordingStore();
        Repository<Log> logs = python(store, Fixtures.NOW).repository(Log.class);
        Instant at = Instant.parse("2025-06-01T12:30:45.123456789Z");
        LocalDateTime day = LocalDateTime.of(2025, 6, 1, 0, 0, 0, 1);

        Log created = logs.create(new Log("l1", Optional.of(at), List.of(at, MICROS), Set.of(day, day.plusNanos(1))));

        Instant cut = at.truncatedTo(ChronoUnit.MICROS);
        assertThat(created.last()).contains(cut);
        assertThat(created.times()).containsExactly(cut, cut);
        assertThat(created.days()).containsExactly(day.truncatedTo(ChronoUnit.MICROS));
        assertThat(lastPut(store)).containsEntry("days", new ItemValue.SS(Set.of("2025-06-01T00:00:00")));
    }

    @Test
    void python_createReturnsTheTtlAsStored_inWholeSeconds() {
        RecordingStore store = new RecordingStore();
        Repository<Expiring> sessions = python(store, Fixtures.NOW).repository(Expiring.class);

        Expiring created = sessions.create(new Expiring("s1", Instant.parse("2030-01-01T00:00:00.999Z")));

        assertThat(lastPut(store)).containsEntry("expires_at", ItemValue.n(1_893_456_000L));
        assertThat(created.expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void python_rendersTimeConditionsInTheWrittenForm() {
        RecordingStore store = new RecordingStore();
        Repository<Created> todos = python(store, Fixtures.NOW).repository(Created.class);

        todos.where()
                .eq("userId", "alice")
                .gte("createdAt", Instant.parse("2025-06-01T12:00:00Z"))
                .lt("createdAt", "2025-06-02T00:00:00.000000001+00:00")
                .list();

        ReadRequest read = (ReadRequest) store.last().arg(0);
        Expr filter = read.filter();
        assertThat(filter).isNotNull();
        assertThat(filter.values().values())
                .contains(ItemValue.s("2025-06-01T12:00:00"), ItemValue.s("2025-06-02T00:00:00"));
    }

    /** An ORM writing the PYTHON format into a recording store, with a clock fixed at {@code now}. */
    private static Orm python(RecordingStore store, Instant now) {
        return Orm.create(
                store,
                new OrmSettings(
                        ItemLayout.defaults().withFormat(ItemFormat.PYTHON),
                        Fixtures.CURSOR_KEY,
                        Clock.fixed(now, ZoneOffset.UTC)));
    }

    private static Map<String, ItemValue> lastPut(RecordingStore store) {
        return ((StoreItem) store.last().arg(0)).toMap();
    }
}
