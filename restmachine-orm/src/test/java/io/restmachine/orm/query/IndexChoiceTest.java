package io.restmachine.orm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.Id;
import io.restmachine.orm.IndexPartitionKey;
import io.restmachine.orm.IndexProjection;
import io.restmachine.orm.Orm;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Repository;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.Listing;
import io.restmachine.orm.fixture.LogCapture;
import io.restmachine.orm.fixture.RecordingStore;
import io.restmachine.orm.fixture.Ticket;
import io.restmachine.orm.fixture.User;
import io.restmachine.orm.spi.ReadRequest;
import org.junit.jupiter.api.Test;

/** Issue 11, "Index choice": a query picks the GSI its eq conditions address, and says why. */
class IndexChoiceTest {
    private final RecordingStore store = new RecordingStore();
    private final Orm orm = Fixtures.orm(store);
    private final Repository<Account> accounts = orm.repository(Account.class);
    private final Repository<Listing> listings = orm.repository(Listing.class);
    private final Repository<User> users = orm.repository(User.class);
    private final Repository<Ticket> tickets = orm.repository(Ticket.class);

    @Test
    void eqThatComputesOnlyAnIndexPartitionKey_queriesThatIndex_andExplainsWhy() {
        Plan plan = accounts.where().eq("email", "a@example.com").explain();

        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.index()).isEqualTo("ByEmail");
        assertThat(plan.keyCondition()).isEqualTo("#gsi_pk_ByEmail = :v0");
        assertThat(plan.values()).containsEntry(":v0", "\"EMAIL#a@example.com\"");
        assertThat(plan.reason())
                .contains("index ByEmail chosen automatically")
                .contains("[email]")
                .contains("table's needs [id]");
    }

    @Test
    void theChosenIndexIsWhatRuns() {
        accounts.where().eq("email", "a@example.com").list();

        ReadRequest sent = (ReadRequest) store.last().arg(0);
        assertThat(sent.indexName()).isEqualTo("ByEmail");
        assertThat(sent.isQuery()).isTrue();
    }

    @Test
    void theTable_winsOverAnIndex_whenBothCanBeComputed() {
        Plan plan = accounts.where().eq("id", "u1").eq("email", "a@example.com").explain();

        assertThat(plan.index()).isNull();
        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.reason()).startsWith("the table");
    }

    @Test
    void consistentRead_neverPicksAnIndex_andTheScanSaysWhy() {
        Plan plan =
                accounts.where().eq("email", "a@example.com").consistentRead().explain();

        assertThat(plan.operation()).isEqualTo(Plan.Operation.SCAN);
        assertThat(plan.index()).isNull();
        assertThat(plan.reason()).contains("ByEmail could serve it, but not with consistentRead()");
    }

    @Test
    void twoCandidates_theIndexReadingMoreEqFieldsWins_andTheOtherIsNamed() {
        Plan plan = listings.where().eq("city", "Paris").eq("kind", "flat").explain();

        assertThat(plan.index()).isEqualTo("ByCityAndKind");
        assertThat(plan.reason()).contains("ByCity could serve too");
    }

    @Test
    void twoCandidatesReadingAsManyFields_theFirstByNameWins_everyTime() {
        for (int i = 0; i < 3; i++) {
            Plan plan = listings.where().eq("agent", "bob").explain();
            assertThat(plan.index()).isEqualTo("AgentDesk");
            assertThat(plan.reason()).contains("ByAgent could serve too");
        }
    }

    @Test
    void anExplicitIndex_overridesTheChoice() {
        Plan plan = listings.where().index("ByAgent").eq("agent", "bob").explain();

        assertThat(plan.index()).isEqualTo("ByAgent");
        assertThat(plan.reason()).contains("chosen with index(...)");
    }

    @Test
    void anIndexSortKeyCondition_becomesAKeyCondition_onTheChosenIndex() {
        Plan plan =
                listings.where().eq("city", "Paris").between("price", 100, 200).explain();

        assertThat(plan.index()).isEqualTo("ByCity");
        assertThat(plan.keyCondition()).startsWith("#gsi_pk_ByCity = :v0");
    }

    @Test
    void cursorsOfAnAutomaticallyChosenIndex_carryTheIndexKey_andResume() {
        var item = orm.toItem(new Listing("l1", "Paris", "flat", "bob", 150));
        store.answer(new io.restmachine.orm.spi.ReadPage(RecordingStore.items(item), item, 1, 1));
        var page = listings.where().eq("agent", "bob").limit(1).paginate();
        assertThat(page.cursor()).isNotNull();

        listings.where().eq("agent", "bob").limit(1).cursor(page.cursor()).paginate();

        ReadRequest resumed = (ReadRequest) store.last().arg(0);
        assertThat(resumed.exclusiveStartKey()).containsKeys("pk", "sk", "gsi_pk_AgentDesk");
    }

    @Test
    void aQueryWithConditionsThatScans_warnsOncePerShape_namingTheMissingKeyFields() {
        try (LogCapture log = LogCapture.start()) {
            users.where().eq("name", "Alice").list();
            users.where().eq("name", "Bob").list();
            users.where().eq("name", "Carol").limit(5).paginate();

            assertThat(log.warnings()).hasSize(1);
            assertThat(log.warnings().get(0))
                    .contains("io.restmachine.orm.Query")
                    .contains("User")
                    .contains("Scan")
                    .contains("[id]")
                    .doesNotContain("Alice");

            users.where().eq("email", "x@example.com").list();
            assertThat(log.warnings()).hasSize(2);
        }
    }

    @Test
    void aListingWithoutConditions_andExplain_doNotWarn() {
        try (LogCapture log = LogCapture.start()) {
            users.where().list();
            users.where().limit(3).paginate();
            accounts.where().eq("country", "NZ").consistentRead().explain();

            assertThat(log.warnings()).isEmpty();
        }
    }

    @Test
    void aQueryThatUsesAnIndex_doesNotWarn() {
        try (LogCapture log = LogCapture.start()) {
            accounts.where().eq("email", "a@example.com").list();

            assertThat(log.warnings()).isEmpty();
        }
    }

    @Test
    void anIndexWhoseProjectionLacksWhatTheQueryReturns_isNotChosen_andTheScanSaysWhy() {
        Plan full = tickets.where().eq("queue", "support").explain();
        assertThat(full.operation()).isEqualTo(Plan.Operation.SCAN);
        assertThat(full.reason()).contains("ByQueue could serve it, but its projection (INCLUDE [queue, title])");

        Plan keysOnly = tickets.where().eq("owner", "ann").select("id").explain();
        assertThat(keysOnly.operation()).isEqualTo(Plan.Operation.SCAN);
        assertThat(keysOnly.reason()).contains("ByOwner could serve it, but its projection (KEYS_ONLY)");
    }

    @Test
    void anIncludeIndex_isChosen_whenTheQuerySelectsOnlyWhatItHolds() {
        Plan plan = tickets.where().eq("queue", "support").select("title").explain();

        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.index()).isEqualTo("ByQueue");
        assertThat(tickets.where()
                        .eq("queue", "support")
                        .select("title")
                        .beginsWith("body", "x")
                        .explain()
                        .index())
                .as("a filter on a field the index lacks")
                .isNull();
    }

    @Test
    void anExplicitIndex_isUsedWhateverItsProjection() {
        assertThat(tickets.where().index("ByOwner").eq("owner", "ann").explain().index())
                .isEqualTo("ByOwner");
    }

    @Test
    void projectionMistakes_failWhenTheModelIsBuilt() {
        assertThatThrownBy(() -> orm.repository(BadInclude.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("includes field 'nope'");
        assertThatThrownBy(() -> orm.repository(IncludeWithoutInclude.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("projection is ALL");
    }

    @IndexPartitionKey(index = "ByA", template = "A#{a}", projection = IndexProjection.INCLUDE, include = "nope")
    record BadInclude(@Id String id, String a) {}

    @IndexPartitionKey(index = "ByA", template = "A#{a}", include = "a")
    record IncludeWithoutInclude(@Id String id, String a) {}

    @Test
    void consistentReadOnAnExplicitIndex_isStillRejected() {
        assertThatThrownBy(() -> accounts.where()
                        .index("ByEmail")
                        .eq("email", "a@example.com")
                        .consistentRead()
                        .explain())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("consistentRead()");
    }
}
