package io.restmachine.orm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.Key;
import io.restmachine.orm.Orm;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.Repository;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.RecordingStore;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Key separators: two different items never compute the same key. */
class KeySeparatorTest {
    private final RecordingStore store = new RecordingStore();
    private final Orm orm = Fixtures.orm(store);

    @PartitionKey("P#{a}#{b}")
    @SortKey("S")
    record Hash(String a, String b) {}

    @PartitionKey("P#{a}#x#{b}")
    @SortKey("{c}-END")
    record Multi(String a, String b, String c) {}

    @Test
    void aValueContainingTheSeparatorThatFollowsItsField_isRejectedNamingTheField_beforeAnythingIsSent() {
        Repository<Hash> repo = orm.repository(Hash.class);

        assertThatThrownBy(() -> repo.create(new Hash("a#b", "c")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("key field 'a'")
                .hasMessageContaining("\"#\"");
        assertThatThrownBy(() -> repo.get(Key.of("a", "a#b").and("b", "c")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("key field 'a'");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void theLastFieldMayContainTheSeparator_soEveryKeyStillSplitsOneWay() {
        Repository<Hash> repo = orm.repository(Hash.class);

        repo.create(new Hash("a", "b#c"));

        assertThat(store.calls).hasSize(1);
    }

    @Test
    void theSeparatorIsTheLiteralTextUpToTheNextField() {
        Repository<Multi> repo = orm.repository(Multi.class);

        // "#" alone is not the separator of {a} in "P#{a}#x#{b}": "#x#" is.
        repo.create(new Multi("a#b", "c", "d-e"));
        assertThatThrownBy(() -> repo.create(new Multi("a#x#b", "c", "d")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("key field 'a'")
                .hasMessageContaining("\"#x#\"");
    }

    @PartitionKey("P#{a}{b}")
    @SortKey("S")
    record Adjacent(String a, String b) {}

    @Test
    void twoAdjacentFields_failAtBuildTime() {
        assertThatThrownBy(() -> orm.repository(Adjacent.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("'a' and 'b' with nothing between them")
                .hasMessageContaining("{a}#{b}");
    }

    @PartitionKey("P")
    @SortKey("T#{at}:{id}")
    record ColonAfterInstant(Instant at, String id) {}

    @PartitionKey("P")
    @SortKey("T#{day}-{id}")
    record DashAfterDate(LocalDate day, String id) {}

    @PartitionKey("P")
    @SortKey("T#{at}#{id}")
    record HashAfterInstant(Instant at, String id) {}

    @Test
    void aSeparatorTheFieldsTypeAlwaysRenders_failsAtBuildTime() {
        assertThatThrownBy(() -> orm.repository(ColonAfterInstant.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("field 'at'")
                .hasMessageContaining("\":\"");
        assertThatThrownBy(() -> orm.repository(DashAfterDate.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("field 'day'");
        assertThat(orm.repository(HashAfterInstant.class)).isNotNull();
    }
}
