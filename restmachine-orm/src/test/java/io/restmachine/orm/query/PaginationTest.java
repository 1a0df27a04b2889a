package io.restmachine.orm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.InvalidCursorException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Orm;
import io.restmachine.orm.OrmSettings;
import io.restmachine.orm.Page;
import io.restmachine.orm.Repository;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.RecordingStore;
import io.restmachine.orm.fixture.User;
import io.restmachine.orm.spi.ItemLayout;
import io.restmachine.orm.spi.ReadPage;
import io.restmachine.orm.spi.ReadRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PaginationTest {
    private final RecordingStore store = new RecordingStore();
    private final Orm orm = Fixtures.orm(store);
    private final Repository<User> users = orm.repository(User.class);

    static Map<String, ItemValue> user(int i) {
        return Map.of(
                "pk", ItemValue.s("USER#u" + i),
                "sk", ItemValue.s("PROFILE"),
                "entity_type", ItemValue.s("User"),
                "id", ItemValue.s("u" + i),
                "name", ItemValue.s("N" + i));
    }

    static Map<String, ItemValue> keyOf(int i) {
        return Map.of("pk", ItemValue.s("USER#u" + i), "sk", ItemValue.s("PROFILE"));
    }

    private List<ReadRequest> reads() {
        List<ReadRequest> out = new ArrayList<>();
        for (RecordingStore.Call c : store.calls) {
            if (c.operation().equals("read")) {
                out.add((ReadRequest) c.arg(0));
            }
        }
        return out;
    }

    @Test
    void paginate_fillsThePageAcrossStorePages_whenFiltersDropItems() {
        store.answer(new ReadPage(RecordingStore.items(user(1)), keyOf(3), 1, 3))
                .answer(new ReadPage(RecordingStore.items(), keyOf(6), 0, 3))
                .answer(new ReadPage(RecordingStore.items(user(7), user(8), user(9)), keyOf(12), 3, 6));

        Page<User> page = users.where().eq("name", "x").limit(3).paginate();

        assertThat(page.items()).extracting(User::id).containsExactly("u1", "u7", "u8");
        assertThat(page.cursor()).isNotNull();
        List<ReadRequest> reads = reads();
        assertThat(reads).hasSize(3);
        assertThat(reads.get(0).exclusiveStartKey()).isNull();
        assertThat(reads.get(0).limit()).isEqualTo(3);
        assertThat(reads.get(1).exclusiveStartKey()).isEqualTo(keyOf(3));
        assertThat(reads.get(1).limit()).isGreaterThan(2);
        assertThat(reads.get(2).exclusiveStartKey()).isEqualTo(keyOf(6));
        assertThat(reads.get(0).filter().text()).startsWith("#et = :et");
    }

    @Test
    void theNextPage_sizesItsFirstRequestByTheShareTheFilterKeptOnThePreviousPage() {
        // 2 of 10 evaluated items passed the filter: the next page of 2 asks for 10 items and an eighth.
        store.answer(new ReadPage(RecordingStore.items(user(1), user(2)), keyOf(10), 2, 10));
        Page<User> first = users.where().eq("name", "x").limit(2).paginate();
        store.calls.clear();
        store.answer(new ReadPage(RecordingStore.items(user(11), user(12)), keyOf(22), 2, 12));

        users.where().eq("name", "x").limit(2).cursor(first.cursor()).paginate();

        assertThat(reads()).hasSize(1);
        assertThat(reads().get(0).limit()).isEqualTo(12);
        assertThat(reads().get(0).exclusiveStartKey()).isEqualTo(keyOf(2));
    }

    @Test
    void anUnfilteredRead_asksForExactlyThePage_onEveryPage() {
        store.answer(new ReadPage(RecordingStore.items(user(1), user(2)), keyOf(2), 2, 2));
        Page<User> first = users.where().limit(2).paginate();
        store.calls.clear();

        users.where().limit(2).cursor(first.cursor()).paginate();

        assertThat(reads().get(0).limit()).isEqualTo(2);
    }

    @Test
    void theCursor_resumesRightAfterTheLastItemReturned() {
        store.answer(new ReadPage(RecordingStore.items(user(1), user(2), user(3)), keyOf(3), 3, 3));
        Page<User> first = users.where().limit(2).paginate();
        store.calls.clear();

        store.answer(new ReadPage(RecordingStore.items(user(3)), null, 1, 1));
        Page<User> second = users.where().limit(2).cursor(first.cursor()).paginate();

        assertThat(reads().get(0).exclusiveStartKey()).isEqualTo(keyOf(2));
        assertThat(second.items()).extracting(User::id).containsExactly("u3");
        assertThat(second.cursor()).isNull();
        assertThat(first.cursor()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void theLastPage_hasNoCursor() {
        store.answer(new ReadPage(RecordingStore.items(user(1)), null, 1, 1));

        Page<User> page = users.where().limit(5).paginate();

        assertThat(page.items()).hasSize(1);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void itemsOfAnotherEntityType_areNeverReturned() {
        Map<String, ItemValue> order =
                Map.of("pk", ItemValue.s("USER#u1"), "sk", ItemValue.s("ORDER#1"), "entity_type", ItemValue.s("Order"));
        store.answer(new ReadPage(RecordingStore.items(order, user(1)), null, 2, 2));

        assertThat(users.where().list()).extracting(User::id).containsExactly("u1");
    }

    @Test
    void stream_readsLazily_pageByPage() {
        store.answer(new ReadPage(RecordingStore.items(user(1), user(2)), keyOf(2), 2, 2))
                .answer(new ReadPage(RecordingStore.items(user(3)), null, 1, 1));

        Stream<User> stream = users.where().stream();
        assertThat(store.calls).isEmpty();

        assertThat(stream.limit(1).toList()).extracting(User::id).containsExactly("u1");
        assertThat(reads()).hasSize(1);
    }

    @Test
    void count_sumsSelectCountOverPages() {
        store.answer(new ReadPage(RecordingStore.items(), keyOf(5), 4, 10))
                .answer(new ReadPage(RecordingStore.items(), null, 3, 10));

        assertThat(users.where().count()).isEqualTo(7);
        assertThat(reads()).allSatisfy(r -> {
            assertThat(r.countOnly()).isTrue();
            assertThat(r.limit()).isNull();
        });
    }

    @Test
    void count_withALimit_countsAtMostTheLimit_andStopsReadingOnceItIsReached() {
        // 4 of 10 evaluated items match, then 3 of the next 10: the limit of 5 is reached in the
        // second page, though the store says there is more.
        store.answer(new ReadPage(RecordingStore.items(), keyOf(10), 4, 10))
                .answer(new ReadPage(RecordingStore.items(), keyOf(20), 3, 10))
                .answer(new ReadPage(RecordingStore.items(), null, 9, 10));

        assertThat(users.where().eq("name", "x").limit(5).count()).isEqualTo(5);

        List<ReadRequest> reads = reads();
        assertThat(reads).hasSize(2);
        assertThat(reads).allSatisfy(r -> assertThat(r.countOnly()).isTrue());
        assertThat(reads.get(0).limit()).isEqualTo(5);
        // One match missing at a 40% match rate: ask for enough items to likely find it.
        assertThat(reads.get(1).limit()).isEqualTo(3);
        assertThat(reads.get(1).exclusiveStartKey()).isEqualTo(keyOf(10));
    }

    @Test
    void count_withALimitAboveTheMatches_countsEveryMatch() {
        store.answer(new ReadPage(RecordingStore.items(), keyOf(4), 2, 4))
                .answer(new ReadPage(RecordingStore.items(), null, 1, 4));

        assertThat(users.where().limit(50).count()).isEqualTo(3);
        assertThat(reads()).hasSize(2);
    }

    @Test
    void count_withALimit_startsAtTheCursor() {
        store.answer(new ReadPage(RecordingStore.items(user(1), user(2)), keyOf(2), 2, 2));
        String cursor = users.where().limit(1).paginate().cursor();
        store.calls.clear();
        store.answer(new ReadPage(RecordingStore.items(), null, 2, 2));

        assertThat(users.where().limit(1).cursor(cursor).count()).isEqualTo(1);
        assertThat(reads().get(0).exclusiveStartKey()).isEqualTo(keyOf(1));
        assertThat(reads().get(0).limit()).isEqualTo(1);
    }

    @Test
    void tamperedTruncatedReencodedAndForeignCursors_areRejected() {
        store.answer(new ReadPage(RecordingStore.items(user(1), user(2)), keyOf(2), 2, 2));
        String cursor = users.where().limit(1).paginate().cursor();
        assertThat(cursor).isNotNull();

        char flipped = cursor.charAt(10) == 'A' ? 'B' : 'A';
        String tampered = cursor.substring(0, 10) + flipped + cursor.substring(11);
        String truncated = cursor.substring(0, cursor.length() - 3);
        String reencoded =
                Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(cursor));

        for (String bad : List.of(tampered, truncated, reencoded + "=", "", "not a cursor")) {
            assertThatThrownBy(() -> users.where().limit(1).cursor(bad).paginate())
                    .isInstanceOf(InvalidCursorException.class);
        }
        assertThatThrownBy(() -> users.where()
                        .eq("name", "other")
                        .limit(1)
                        .cursor(cursor)
                        .paginate())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("another query");
        assertThatThrownBy(() -> orm.repository(io.restmachine.orm.fixture.Customer.class)
                        .where()
                        .limit(1)
                        .cursor(cursor)
                        .paginate())
                .isInstanceOf(InvalidCursorException.class);
        Orm otherKey = Orm.create(
                store,
                new OrmSettings(
                        ItemLayout.defaults(),
                        "another-secret-key-0123456789".getBytes(StandardCharsets.UTF_8),
                        Clock.systemUTC()));
        assertThatThrownBy(() -> otherKey.repository(User.class)
                        .where()
                        .limit(1)
                        .cursor(cursor)
                        .paginate())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void first_last_andExists_useTheQueryOrder() {
        store.answer(new ReadPage(RecordingStore.items(user(1)), keyOf(1), 1, 1));
        assertThat(users.where().first()).map(User::id).contains("u1");

        store.calls.clear();
        store.answer(new ReadPage(RecordingStore.items(user(9)), keyOf(9), 1, 1));
        assertThat(users.where().eq("id", "u9").last()).map(User::id).contains("u9");
        assertThat(reads().get(0).scanForward()).isFalse();

        store.answer(new ReadPage(RecordingStore.items(), null, 0, 5));
        assertThat(users.where().eq("name", "nobody").exists()).isFalse();
    }
}
