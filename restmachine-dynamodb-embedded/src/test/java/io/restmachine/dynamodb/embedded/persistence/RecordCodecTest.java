package io.restmachine.dynamodb.embedded.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.table.TableState;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Records decode to exactly what was encoded, and frames detect any changed byte. */
class RecordCodecTest {

    @Provide
    Arbitrary<DynamoValue> values() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.strings().ofMaxLength(20).map(DynamoValue.S::new),
                () -> numbers().map(DynamoValue.class::cast),
                () -> Arbitraries.bytes().array(byte[].class).ofMaxSize(10).map(DynamoValue.B::new),
                () -> Arbitraries.of(true, false).map(DynamoValue.Bool::new),
                () -> Arbitraries.just(new DynamoValue.Null()),
                () -> Arbitraries.strings()
                        .ofMaxLength(5)
                        .set()
                        .ofMinSize(1)
                        .ofMaxSize(4)
                        .map(DynamoValue.SS::new),
                () -> numbers().set().ofMinSize(1).ofMaxSize(4).map(DynamoValue.NS::new),
                () -> Arbitraries.bytes()
                        .array(byte[].class)
                        .ofMaxSize(4)
                        .map(DynamoValue.B::new)
                        .set()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .map(DynamoValue.BS::new),
                () -> values().list().ofMaxSize(3).map(DynamoValue.L::new),
                () -> items().map(DynamoValue.M::new));
    }

    private Arbitrary<DynamoValue.N> numbers() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("-1e30"), new BigDecimal("1e30"))
                .ofScale(10)
                .map(n -> new DynamoValue.N(n.stripTrailingZeros()));
    }

    @Provide
    Arbitrary<Map<String, DynamoValue>> items() {
        return Arbitraries.maps(Arbitraries.strings().ofMinLength(1).ofMaxLength(8), values())
                .ofMaxSize(4)
                .map(LinkedHashMap::new);
    }

    @Property(tries = 500)
    void itemChanges_roundTrip(@ForAll("items") Map<String, DynamoValue> item, @ForAll("values") DynamoValue sort) {
        LogRecord.Items record = new LogRecord.Items(List.of(
                new LogRecord.Change("things", "id-1", new DynamoValue.S("pk"), sort, item),
                new LogRecord.Change("things", "id-1", new DynamoValue.N(BigDecimal.ONE), null, null)));

        LogRecord decoded = LogRecord.decode(record.encode());

        assertThat(decoded).isEqualTo(record);
        assertThat(((LogRecord.Items) decoded).changes().get(0).after()).containsExactlyEntriesOf(item);
    }

    @Test
    void numbers_keepTheirExactText() {
        DynamoValue.N precise = new DynamoValue.N(new BigDecimal("1.2300E-129"));

        LogRecord.Items decoded = (LogRecord.Items) LogRecord.decode(
                new LogRecord.Items(List.of(new LogRecord.Change("t", "i", precise, null, Map.of("n", precise))))
                        .encode());

        assertThat(((DynamoValue.N) decoded.changes().get(0).partition()).value())
                .isEqualTo(new BigDecimal("1.2300E-129"));
    }

    @Test
    void tableDefinitions_roundTrip_withEveryField() {
        TableDefinition definition = new TableDefinition(
                "orders",
                Map.of("pk", "S", "sk", "N", "status", "S"),
                new KeySchema("pk", "S", "sk", "N"),
                List.of(new IndexDefinition(
                        "local", false, new KeySchema("pk", "S", "status", "S"), "KEYS_ONLY", List.of(), 0, 0)),
                List.of(new IndexDefinition(
                        "global", true, new KeySchema("status", "S", null, null), "INCLUDE", List.of("a", "b"), 5, 6)),
                false,
                7,
                8,
                1.7e9 + 0.125,
                "0f0e-table-id",
                "expires");

        LogRecord decoded = LogRecord.decode(new LogRecord.Schema(definition).encode());

        assertThat(decoded).isEqualTo(new LogRecord.Schema(definition));
    }

    @Test
    void tableStates_roundTrip_withTheShownDefinitionAndIndexStatuses() {
        TableDefinition shown = new TableDefinition(
                "orders",
                Map.of("pk", "S", "g", "S"),
                new KeySchema("pk", "S", null, null),
                List.of(),
                List.of(new IndexDefinition("byG", true, new KeySchema("g", "S", null, null), "ALL", List.of(), 1, 1)),
                false,
                5,
                5,
                1.7e9,
                "0f0e-table-id",
                null);
        LogRecord.State state = new LogRecord.State(
                "orders",
                "0f0e-table-id",
                new TableState("UPDATING", 1_893_456_000_123L, shown, Map.of("byG", "CREATING", "old", "DELETING")));

        assertThat(LogRecord.decode(state.encode())).isEqualTo(state);
    }

    @Test
    void tags_roundTrip_emptyValuesAndNonAsciiIncluded() {
        LogRecord.Tags tags =
                new LogRecord.Tags("orders", "0f0e-table-id", Map.of("team", "", "coût", "€", "env", "dev"));

        assertThat(LogRecord.decode(tags.encode())).isEqualTo(tags);
        assertThat(LogRecord.decode(new LogRecord.Tags("orders", "id", Map.of()).encode()))
                .isEqualTo(new LogRecord.Tags("orders", "id", Map.of()));
    }

    @Property(tries = 300)
    void frames_detectEveryChangedByte(@ForAll("items") Map<String, DynamoValue> item, @ForAll int position) {
        byte[] framed = FileFormat.frame(
                new LogRecord.Items(List.of(new LogRecord.Change("t", "i", new DynamoValue.S("k"), null, item)))
                        .encode());
        assertThat(RecordScanner.problemAt(framed, 0)).isNull();

        framed[Math.floorMod(position, framed.length)] ^= (byte) (1 << Math.floorMod(position >> 8, 8));

        assertThat(RecordScanner.problemAt(framed, 0)).isNotNull();
    }

    @Test
    void aPayloadOfAnUnknownType_isRejectedNamingTheType() {
        assertThatThrownBy(() -> LogRecord.decode(new byte[] {42}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown record type 42");
    }

    @Test
    void setsAreRebuiltWithTheirMembers() {
        DynamoValue.SS set = new DynamoValue.SS(new HashSet<>(List.of("x", "y", "z")));
        LogRecord.Items decoded = (LogRecord.Items) LogRecord.decode(new LogRecord.Items(
                        List.of(new LogRecord.Change("t", "i", new DynamoValue.S("k"), null, Map.of("s", set))))
                .encode());

        assertThat(decoded.changes().get(0).after()).containsEntry("s", set);
    }
}
