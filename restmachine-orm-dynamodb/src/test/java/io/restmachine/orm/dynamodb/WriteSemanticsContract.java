package io.restmachine.orm.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.BatchResult;
import io.restmachine.orm.ConditionFailedException;
import io.restmachine.orm.ConflictException;
import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.Key;
import io.restmachine.orm.NotFoundException;
import io.restmachine.orm.Repository;
import io.restmachine.orm.TransactionCanceledException;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.Card;
import io.restmachine.orm.fixture.Invoice;
import io.restmachine.orm.fixture.Profile;
import io.restmachine.orm.fixture.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Writes never lose an update (issue 11): {@code @Version}, {@code @CreatedAt}/{@code @UpdatedAt}
 * and duplicate keys through every write path (create, save, upsert, batchCreate, batchUpsert,
 * transactions), and the same outcome for the same failed condition on every path. The clock
 * moves one second at every read, so a write that read it twice, or a kept {@code @CreatedAt} that
 * was overwritten, shows.
 */
abstract class WriteSemanticsContract {
    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    final RequestRecorder recorder = new RequestRecorder();
    DynamoDbClient client;
    DynamoDBBackend backend;
    Repository<Card> cards;
    Repository<Invoice> invoices;
    Repository<User> users;
    Repository<Profile> profiles;

    abstract DynamoDbClient newClient(RequestRecorder recorder);

    abstract String serverName();

    /** Whether the server implements TransactWriteItems: as DynamoDB does, unless a subclass says otherwise. */
    boolean supportsTransactions() {
        return true;
    }

    /** A clock that is one second later at every read. */
    static final class SteppingClock extends Clock {
        private final AtomicLong reads = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return START.plusSeconds(reads.getAndIncrement());
        }
    }

    @BeforeEach
    void createTable() {
        client = newClient(recorder);
        backend = DynamoDBBackend.builder()
                .tableName(Peers.uniqueTableName("writes"))
                .client(client)
                .clock(new SteppingClock())
                .build();
        cards = backend.repository(Card.class);
        invoices = backend.repository(Invoice.class);
        users = backend.repository(User.class);
        profiles = backend.repository(Profile.class);
        backend.register(Account.class).createTable();
    }

    @AfterEach
    void dropTable() {
        backend.deleteTable();
        backend.close();
        client.close();
    }

    Map<String, AttributeValue> raw(String pk, String sk) {
        return client.getItem(b -> b.tableName(backend.tableName())
                        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))
                        .consistentRead(true))
                .item();
    }

    void skipUnlessTransactions() {
        Peers.skipUnless(supportsTransactions(), serverName(), "TransactWriteItems");
    }

    // --- the first write --------------------------------------------------------------------------

    @Test
    void everyFirstWrite_storesVersion1_andEqualCreatedAndUpdatedTimes() {
        Card created = cards.create(new Card("c", "t", null));
        Card upserted = cards.upsert(new Card("u", "t", null));
        Card batched =
                cards.batchCreate(List.of(new Card("b", "t", null))).written().get(0);
        Card batchUpserted =
                cards.batchUpsert(List.of(new Card("bu", "t", null))).written().get(0);

        for (Card card : List.of(created, upserted, batched, batchUpserted)) {
            assertThat(card.version()).as(card.id()).isEqualTo(1);
            assertThat(card.createdAt()).as(card.id()).isNotNull().isEqualTo(card.updatedAt());
            assertThat(cards.get(card.id())).as(card.id()).contains(card);
        }
        if (supportsTransactions()) {
            backend.transaction(tx -> tx.create(new Card("tc", "t", null)).upsert(new Card("tu", "t", null)));
            for (String id : List.of("tc", "tu")) {
                Card stored = cards.get(id).orElseThrow();
                assertThat(stored.version()).as(id).isEqualTo(1);
                assertThat(stored.createdAt()).as(id).isEqualTo(stored.updatedAt());
            }
        }
    }

    // --- upsert -----------------------------------------------------------------------------------

    @Test
    void upsert_ofAnExistingItem_countsTheVersionOn_keepsCreatedAt_andAStaleSaveThenFails() {
        Card first = cards.create(new Card("c1", "first", "n"));

        // Another holder upserts without knowing version or creation time.
        Card upserted = cards.upsert(new Card("c1", "second", null));

        assertThat(upserted.version()).isEqualTo(2);
        assertThat(upserted.createdAt()).isEqualTo(first.createdAt());
        assertThat(upserted.updatedAt()).isAfter(first.updatedAt());
        assertThat(upserted.note()).isNull();
        assertThat(cards.get("c1")).contains(upserted);
        assertThatThrownBy(() -> cards.save(first.retitled("stale")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("expected version 1 but the stored item has version 2");
        assertThat(cards.get("c1")).contains(upserted);
        assertThat(cards.save(upserted.retitled("third")).version()).isEqualTo(3);
    }

    @Test
    void upsert_isOneUpdateItem_thatLeavesAttributesTheModelDoesNotKnowAlone() {
        cards.create(new Card("c1", "first", "n"));
        client.updateItem(b -> b.tableName(backend.tableName())
                .key(Map.of("pk", AttributeValue.fromS("CARD#c1"), "sk", AttributeValue.fromS("CARD")))
                .updateExpression("SET legacy = :l")
                .expressionAttributeValues(Map.of(":l", AttributeValue.fromS("kept"))));
        recorder.clear();

        cards.upsert(new Card("c1", "second", null));

        assertThat(recorder.sent(software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest.class))
                .extracting(r -> r.getClass().getSimpleName())
                .containsExactly("UpdateItemRequest");
        assertThat(raw("CARD#c1", "CARD"))
                .containsEntry("legacy", AttributeValue.fromS("kept"))
                .containsEntry("title", AttributeValue.fromS("second"))
                .doesNotContainKey("note");
    }

    @Test
    void upsert_ofAMutableObject_updatesItToWhatIsStored() {
        Invoice first = invoices.create(new Invoice("cu", "i1", "open"));
        Invoice other = new Invoice("cu", "i1", "paid");

        Invoice returned = invoices.upsert(other);

        assertThat(returned).isSameAs(other);
        assertThat(other.getVersion()).isEqualTo(2);
        assertThat(other.getCreatedAt()).isEqualTo(first.getCreatedAt());
        assertThat(other.getStatus()).isEqualTo("PAID");
        first.setStatus("late");
        assertThatThrownBy(() -> invoices.save(first)).isInstanceOf(ConflictException.class);
        other.setStatus("closed");
        assertThat(invoices.save(other).getVersion()).isEqualTo(3);
    }

    @Test
    void upsert_ontoAnotherEntityTypesItem_throwsNamingBothTypes_andWritesNothing() {
        users.create(new User("u1", null, "Alice"));

        assertThatThrownBy(() -> profiles.upsert(new Profile("u1", "bio")))
                .isInstanceOf(ConditionFailedException.class)
                .hasMessageContaining("is a User, not a Profile");
        assertThat(users.get("u1")).contains(new User("u1", null, "Alice"));
        assertThat(raw("USER#u1", "PROFILE")).doesNotContainKey("bio");
    }

    @Test
    void transactionUpsert_countsTheVersionOn_keepsCreatedAt_andAStaleSaveThenFails() {
        skipUnlessTransactions();
        Card first = cards.create(new Card("c1", "first", "n"));

        backend.transaction(tx -> tx.upsert(new Card("c1", "second", null)));

        Card stored = cards.get("c1").orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.createdAt()).isEqualTo(first.createdAt());
        assertThat(stored.note()).isNull();
        assertThatThrownBy(() -> cards.save(first.retitled("stale"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> backend.transaction(tx -> tx.save(first.retitled("stale"))))
                .isInstanceOfSatisfying(
                        TransactionCanceledException.class,
                        e -> assertThat(e.reasons().get(0).exception()).isInstanceOf(ConflictException.class));
    }

    // --- batchCreate ------------------------------------------------------------------------------

    @Test
    void batchCreate_neverOverwrites_andReportsEveryInputExactlyOnce() {
        Card existing = cards.create(new Card("old", "stored", "n"));
        Card a = new Card("a", "first a", null);
        Card again = new Card("a", "second a", null);
        Card overExisting = new Card("old", "overwrite?", null);
        Card b = new Card("b", "b", null);

        BatchResult<Card> result = cards.batchCreate(List.of(a, overExisting, again, b));

        assertThat(result.written()).extracting(Card::id).containsExactly("a", "b");
        assertThat(result.duplicates()).containsExactly(overExisting, again);
        assertThat(result.failed()).isEmpty();
        assertThat(result.allWritten()).isFalse();
        assertThat(cards.get("old")).contains(existing);
        assertThat(cards.get("a").orElseThrow().title()).isEqualTo("first a");
        Card written = result.written().get(0);
        assertThat(written.version()).isEqualTo(1);
        assertThat(written.createdAt()).isEqualTo(written.updatedAt());
        assertThat(cards.get("a")).contains(written);
        assertThatThrownBy(() -> cards.save(new Card("a", "stale", null))).isInstanceOf(ConflictException.class);
    }

    @Test
    void batchCreate_acrossChunkBoundaries_reportsExactlyTheDuplicates_andWritesEveryOtherItem() {
        for (int i : List.of(0, 99, 100, 249)) {
            cards.create(new Card("k" + i, "stored", null));
        }
        List<Card> input = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            // Position 20 repeats the key of position 10, inside the first chunk of 100.
            input.add(i == 20 ? new Card("k10", "again", null) : new Card("k" + i, "new", null));
        }
        recorder.clear();

        BatchResult<Card> result = cards.batchCreate(input);

        List<Card> expectedDuplicates =
                List.of(input.get(0), input.get(20), input.get(99), input.get(100), input.get(249));
        assertThat(result.duplicates()).containsExactlyElementsOf(expectedDuplicates);
        assertThat(result.failed()).isEmpty();
        List<Card> others = new ArrayList<>(input);
        others.removeAll(expectedDuplicates);
        assertThat(result.written())
                .extracting(Card::id)
                .containsExactlyElementsOf(others.stream().map(Card::id).toList());
        assertThat(cards.get("k0").orElseThrow().title()).isEqualTo("stored");
        assertThat(cards.get("k249").orElseThrow().version()).isEqualTo(1);
        assertThat(cards.get("k10").orElseThrow().title()).isEqualTo("new");
        assertThat(cards.where().count()).isEqualTo(249);
        if (supportsTransactions()) {
            // Chunks of at most 100 puts, each a transaction; no put on its own.
            assertThat(recorder.sent(TransactWriteItemsRequest.class))
                    .allSatisfy(r -> assertThat(r.transactItems()).hasSizeLessThanOrEqualTo(100));
            assertThat(recorder.sent(PutItemRequest.class)).isEmpty();
        } else {
            assertThat(recorder.sent(PutItemRequest.class)).hasSize(249);
        }
    }

    @Test
    void batchCreate_withAnItemTheServerRefuses_failsOnlyThatOne_nextToDuplicatesAndWrittenOnes() {
        cards.create(new Card("k3", "stored", null));
        List<Card> input = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // An item over DynamoDB's 400 KB limit: the server refuses it, and only it.
            input.add(new Card("k" + i, "new", i == 60 ? "x".repeat(420_000) : null));
        }

        BatchResult<Card> result = cards.batchCreate(input);

        assertThat(result.duplicates()).containsExactly(input.get(3));
        assertThat(result.failed()).singleElement().satisfies(f -> {
            assertThat(f.input()).isSameAs(input.get(60));
            assertThat(f.reason()).isNotBlank();
        });
        assertThat(result.written()).hasSize(118);
        assertThat(cards.get("k60")).isEmpty();
        assertThat(cards.where().count()).isEqualTo(119);
    }

    @Test
    void batchCreate_ontoAnotherEntityTypesKey_isADuplicate_andTheItemIsUntouched() {
        users.create(new User("u1", null, "Alice"));

        BatchResult<Profile> result = profiles.batchCreate(List.of(new Profile("u1", "bio"), new Profile("u2", "b")));

        assertThat(result.duplicates()).containsExactly(new Profile("u1", "bio"));
        assertThat(result.written()).containsExactly(new Profile("u2", "b"));
        assertThat(users.get("u1")).contains(new User("u1", null, "Alice"));
    }

    @Test
    void batchCreate_ofMutableObjects_changesOnlyTheWrittenOnes() {
        invoices.create(new Invoice("cu", "i1", "open"));
        Invoice duplicate = new Invoice("cu", "i1", "dup");
        Invoice fresh = new Invoice("cu", "i2", "new");

        BatchResult<Invoice> result = invoices.batchCreate(List.of(duplicate, fresh));

        assertThat(result.duplicates()).containsExactly(duplicate);
        assertThat(duplicate.getVersion()).isZero();
        assertThat(duplicate.getStatus()).isEqualTo("dup");
        assertThat(duplicate.getCreatedAt()).isNull();
        assertThat(fresh.getVersion()).isEqualTo(1);
        assertThat(fresh.getCreatedAt()).isEqualTo(fresh.getUpdatedAt());
    }

    // --- batchUpsert ------------------------------------------------------------------------------

    @Test
    void batchUpsert_countsVersionsOn_keepsCreatedAt_returnsWhatIsStored_andAStaleSaveThenFails() {
        Card first = cards.create(new Card("c1", "first", "n"));

        BatchResult<Card> result =
                cards.batchUpsert(List.of(new Card("c1", "second", null), new Card("c2", "new", null)));

        assertThat(result.allWritten()).isTrue();
        assertThat(result.duplicates()).isEmpty();
        Card c1 = result.written().get(0);
        assertThat(c1.version()).isEqualTo(2);
        assertThat(c1.createdAt()).isEqualTo(first.createdAt());
        assertThat(cards.get("c1")).contains(c1);
        assertThat(result.written().get(1).version()).isEqualTo(1);
        assertThatThrownBy(() -> cards.save(first.retitled("stale"))).isInstanceOf(ConflictException.class);
        assertThat(backend.batchUpsert(Card.class, List.of(c1.retitled("third")))
                        .written()
                        .get(0)
                        .version())
                .isEqualTo(3);
    }

    @Test
    void batchUpsert_ontoAnotherEntityTypesItem_failsThatInputNamingBothTypes() {
        users.create(new User("u1", null, "Alice"));

        BatchResult<Profile> result = profiles.batchUpsert(List.of(new Profile("u1", "bio"), new Profile("u2", "b")));

        assertThat(result.written()).containsExactly(new Profile("u2", "b"));
        assertThat(result.failed()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo(new Profile("u1", "bio"));
            assertThat(f.reason()).contains("is a User, not a Profile");
        });
        assertThat(users.get("u1")).contains(new User("u1", null, "Alice"));
    }

    // --- one meaning per failed condition, on every path -------------------------------------------

    @Test
    void aWriteOntoAnotherEntityTypesItem_failsTheSameWay_inARepositoryAndInATransaction() {
        users.create(new User("u1", null, "Alice"));
        Map<String, Consumer<Void>> repositoryWrites = Map.of(
                "save", v -> profiles.save(new Profile("u1", "bio")),
                "upsert", v -> profiles.upsert(new Profile("u1", "bio")),
                "update", v -> profiles.update(Key.of("id", "u1"), u -> u.set("bio", "x")),
                "delete", v -> profiles.delete(Key.of("id", "u1")));

        repositoryWrites.forEach((verb, write) -> assertThatThrownBy(() -> write.accept(null))
                .as(verb)
                .isInstanceOf(ConditionFailedException.class)
                .hasMessageContaining(verb + " of Profile")
                .hasMessageContaining("is a User, not a Profile"));
        assertThat(users.get("u1")).contains(new User("u1", null, "Alice"));

        if (supportsTransactions()) {
            List<Consumer<io.restmachine.orm.Transaction>> txWrites = List.of(
                    tx -> tx.save(new Profile("u1", "bio")),
                    tx -> tx.upsert(new Profile("u1", "bio")),
                    tx -> tx.update(Profile.class, Key.of("id", "u1"), u -> u.set("bio", "x")),
                    tx -> tx.delete(Profile.class, Key.of("id", "u1")));
            for (Consumer<io.restmachine.orm.Transaction> write : txWrites) {
                assertThatThrownBy(() -> backend.transaction(write::accept))
                        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(
                                        e.reasons().get(0).exception())
                                .isInstanceOf(ConditionFailedException.class)
                                .hasMessageContaining("is a User, not a Profile"));
            }
            assertThat(users.get("u1")).contains(new User("u1", null, "Alice"));
        } else {
            System.out.println("SKIPPED (part): " + serverName()
                    + " does not implement TransactWriteItems: the transaction half of this test did not run");
        }
    }

    @Test
    void aDeleteWithAStaleVersionConflicts_andOfAMissingItemIsFine_inARepositoryAndInATransaction() {
        Card card = cards.create(new Card("c1", "t", null));
        cards.save(card.retitled("newer"));

        assertThatThrownBy(() -> cards.delete(card)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cards.delete(Key.of("id", "c1").and("version", 1)))
                .isInstanceOf(ConflictException.class);
        assertThat(cards.delete(Key.of("id", "nobody").and("version", 1))).isFalse();
        if (supportsTransactions()) {
            assertThatThrownBy(() -> backend.transaction(
                            tx -> tx.delete(Card.class, Key.of("id", "c1").and("version", 1))))
                    .isInstanceOfSatisfying(
                            TransactionCanceledException.class,
                            e -> assertThat(e.reasons().get(0).exception()).isInstanceOf(ConflictException.class));
            backend.transaction(
                    tx -> tx.delete(Card.class, Key.of("id", "nobody").and("version", 1)));
        }
        assertThat(cards.get("c1")).isPresent();
        assertThat(cards.delete(Key.of("id", "c1").and("version", 2))).isTrue();
    }

    @Test
    void aCreateOfAnExistingKey_isADuplicate_onEveryPath() {
        cards.create(new Card("c1", "t", null));

        assertThatThrownBy(() -> cards.create(new Card("c1", "again", null))).isInstanceOf(DuplicateKeyException.class);
        assertThat(cards.batchCreate(List.of(new Card("c1", "again", null))).duplicates())
                .hasSize(1);
        if (supportsTransactions()) {
            assertThatThrownBy(() -> backend.transaction(tx -> tx.create(new Card("c1", "again", null))))
                    .isInstanceOfSatisfying(
                            TransactionCanceledException.class,
                            e -> assertThat(e.reasons().get(0).exception()).isInstanceOf(DuplicateKeyException.class));
        }
        assertThat(cards.get("c1").orElseThrow().title()).isEqualTo("t");
    }

    @Test
    void aSaveOfAMissingItem_isNotFound_onEveryPath() {
        assertThatThrownBy(() -> cards.save(new Card("c9", "t", null))).isInstanceOf(NotFoundException.class);
        if (supportsTransactions()) {
            assertThatThrownBy(() -> backend.transaction(tx -> tx.save(new Card("c9", "t", null))))
                    .isInstanceOfSatisfying(
                            TransactionCanceledException.class,
                            e -> assertThat(e.reasons().get(0).exception()).isInstanceOf(NotFoundException.class));
        }
    }

    // --- projected reads --------------------------------------------------------------------------

    /** A view of {@link Card}: a record whose components name the fields to read. */
    record CardTitle(String id, String title, long version) {}

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void selectIntoAView_readsOnlyItsFields_andTheViewCannotBeSavedOverTheItem() {
        cards.create(new Card("c1", "title", "a note that a partial save would lose"));
        recorder.clear();

        List<CardTitle> titles = cards.where().select(CardTitle.class).list();

        assertThat(titles).containsExactly(new CardTitle("c1", "title", 1));
        assertThat(recorder.sent(software.amazon.awssdk.services.dynamodb.model.ScanRequest.class))
                .singleElement()
                .satisfies(r ->
                        assertThat(r.projectionExpression()).contains("#title").doesNotContain("#note"));
        assertThat(cards.where().eq("id", "c1").select(CardTitle.class).first())
                .contains(new CardTitle("c1", "title", 1));
        assertThatThrownBy(() -> ((Repository) cards).save(titles.get(0)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("CardTitle");
        assertThat(cards.get("c1").orElseThrow().note()).isEqualTo("a note that a partial save would lose");
    }

    // --- values read back as written --------------------------------------------------------------

    @Test
    void ttl_whatCreateAndSaveReturn_equalsWhatGetReturns() {
        Instant expiry = Instant.parse("2027-01-01T00:00:00.987654321Z");

        Account created = backend.repository(Account.class).create(new Account("a1", null, null, null, null, expiry));
        Account saved = backend.repository(Account.class)
                .save(new Account("a1", "e@x", null, null, null, expiry.plusMillis(1500)));

        assertThat(created.expiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(saved.expiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:02Z"));
        assertThat(backend.repository(Account.class).get("a1")).contains(saved);
    }

    @io.restmachine.orm.PartitionKey("PAIR#{a}#{b}")
    @io.restmachine.orm.SortKey("PAIR")
    record Pair(String a, String b) {}

    @Test
    void aKeyValueContainingItsSeparator_isRejectedBeforeAnythingIsSent_soTwoItemsNeverShareAKey() {
        Repository<Pair> pairs = backend.repository(Pair.class);
        pairs.create(new Pair("a", "b#c"));
        recorder.clear();

        assertThatThrownBy(() -> pairs.create(new Pair("a#b", "c")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("key field 'a'");
        assertThatThrownBy(() -> pairs.upsert(new Pair("a#b", "c"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> pairs.batchCreate(List.of(new Pair("a#b", "c"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> pairs.get(Key.of("a", "a#b").and("b", "c"))).isInstanceOf(ValidationException.class);
        assertThat(recorder.sent(software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest.class))
                .isEmpty();
        assertThat(pairs.get(Key.of("a", "a").and("b", "b#c"))).contains(new Pair("a", "b#c"));
    }

    @Test
    void nullIdsAndKeyFields_throwValidationException_neverABareNullPointer() {
        assertThatThrownBy(() -> cards.get((Object) null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> cards.get((Key) null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Key.of(null, "x")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Key.of("id", null)).isInstanceOf(ValidationException.class);
    }
}
