package io.restmachine.orm.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.BatchResult;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.Orm;
import io.restmachine.orm.Repository;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.Member;
import io.restmachine.orm.fixture.RecordingStore;
import io.restmachine.orm.fixture.User;
import io.restmachine.orm.spi.BatchWrite;
import io.restmachine.orm.spi.BatchWriteOutcome;
import io.restmachine.orm.spi.StoreItem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchAndHookTest {
    private final RecordingStore store = new RecordingStore();
    private final Orm orm = Fixtures.orm(store);
    private final Repository<User> users = orm.repository(User.class);

    @Test
    @SuppressWarnings("unchecked")
    void batchCreate_sendsTheFirstOfAKeyOnly_withACondition_andReportsEveryInputOnce() {
        store.onBatchWrite = writes -> new BatchWriteOutcome(
                List.of(0),
                List.of(new BatchWriteOutcome.Failure(1, "still unprocessed after 8 attempts")),
                List.of(new BatchWriteOutcome.Refused(2, StoreItem.neutral(item("c")))),
                Map.of());
        User a = new User("a", "a@x", "A");
        User b = new User("b", "b@x", "B");
        User c = new User("c", "c@x", "C");
        User a2 = new User("a", "a2@x", "A2");

        BatchResult<User> result = users.batchCreate(List.of(a, b, c, a2));

        List<BatchWrite> sent = (List<BatchWrite>) store.last().arg(0);
        assertThat(sent).hasSize(3);
        assertThat(((BatchWrite.Put) sent.get(0)).item().toMap()).containsEntry("email", ItemValue.s("a@x"));
        assertThat(((BatchWrite.Put) sent.get(0)).condition().text()).isEqualTo("attribute_not_exists(#pk)");
        assertThat(result.written()).containsExactly(a);
        assertThat(result.duplicates()).containsExactly(c, a2);
        assertThat(result.failed()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo(b);
            assertThat(f.reason()).contains("unprocessed");
        });
        assertThat(result.allWritten()).isFalse();
    }

    @Test
    void batchResult_allWritten_isFalseWithADuplicate_andToStringStaysShort() {
        String huge = "x".repeat(500_000);
        BatchResult<String> r = new BatchResult<>(
                List.of("a"),
                List.of(new BatchResult.Failure<>(huge, "why"), new BatchResult.Failure<>("b", "why")),
                List.of("d"));

        assertThat(new BatchResult<>(List.of("a"), List.of(), List.of("d")).allWritten())
                .isFalse();
        assertThat(new BatchResult<>(List.of("a"), List.of()).allWritten()).isTrue();
        assertThat(r.toString())
                .startsWith("BatchResult[written=1, duplicates=1, failed=2 (")
                .contains("(500000 characters)")
                .hasSizeLessThan(400);
    }

    @Test
    void batchCreate_validatesEveryItemFirst_andSendsNothingIfOneIsInvalid() {
        assertThatThrownBy(() -> users.batchCreate(List.of(new User("ok", "e", "n"), new User(null, "e", "n"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("item 1:");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void batchGet_returnsItemsInTheOrderAsked_leavingOutMissingOnes() {
        store.answer(List.of(item("c"), item("a")));

        List<User> got =
                users.batchGet(List.of(Key.of("id", "a"), Key.of("id", "b"), Key.of("id", "c"), Key.of("id", "a")));

        assertThat(got).extracting(User::id).containsExactly("a", "c");
        @SuppressWarnings("unchecked")
        List<Map<String, ItemValue>> keys =
                (List<Map<String, ItemValue>>) store.last().arg(0);
        assertThat(keys).hasSize(3);
    }

    @Test
    void batchDelete_mapsOutcomesToKeys() {
        BatchResult<Key> result = users.batchDelete(List.of(Key.of("id", "a"), Key.of("id", "b")));

        assertThat(result.written()).containsExactly(Key.of("id", "a"), Key.of("id", "b"));
        assertThat(store.last().operation()).isEqualTo("batchWrite");
    }

    static Map<String, ItemValue> item(String id) {
        return Map.of(
                "pk",
                ItemValue.s("USER#" + id),
                "sk",
                ItemValue.s("PROFILE"),
                "entity_type",
                ItemValue.s("User"),
                "id",
                ItemValue.s(id));
    }

    @Test
    void beforeSave_replacesTheRecordWritten_andAfterLoadRunsOnReads() {
        Repository<Member> members = orm.repository(Member.class);

        Member created = members.create(new Member("m1", "Ann", "ANN@EXAMPLE.COM", 30, "ignored"));

        assertThat(created.email()).isEqualTo("ann@example.com");
        Map<String, ItemValue> written = ((StoreItem) store.last().arg(0)).toMap();
        assertThat(written)
                .containsEntry("email", ItemValue.s("ann@example.com"))
                .doesNotContainKey("display");

        store.answer(Optional.of(written));
        assertThat(members.get("m1")).map(Member::display).contains("Ann <ann@example.com>");
    }

    @Test
    void beanValidation_listsEveryViolation_andNothingIsWritten() {
        Repository<Member> members = orm.repository(Member.class);

        assertThatThrownBy(() -> members.create(new Member("m1", " ", "not-an-email", -1, null)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations())
                        .hasSize(3)
                        .anySatisfy(v -> assertThat(v).contains("'name'"))
                        .anySatisfy(v -> assertThat(v).contains("'email'"))
                        .anySatisfy(v -> assertThat(v).contains("'age'")));
        assertThat(store.calls).isEmpty();
    }
}
