package io.restmachine.orm.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.Entity;
import io.restmachine.orm.Id;
import io.restmachine.orm.Key;
import io.restmachine.orm.Orm;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Repository;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.Hierarchies.Asset;
import io.restmachine.orm.fixture.Hierarchies.Building;
import io.restmachine.orm.fixture.Hierarchies.Drill;
import io.restmachine.orm.fixture.Hierarchies.Mail;
import io.restmachine.orm.fixture.Hierarchies.Press;
import io.restmachine.orm.fixture.Hierarchies.Vehicle;
import io.restmachine.orm.fixture.RecordingStore;
import io.restmachine.orm.spi.EntitySchema;
import io.restmachine.orm.spi.ReadRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a sealed type's repository is built from and how it plans, without a server. */
class SealedRepositoryTest {
    private final RecordingStore store = new RecordingStore();
    private final Orm orm = Fixtures.orm(store);

    // --- what fails at build time --------------------------------------------------------------

    sealed interface Broken permits Fine, Unmappable {}

    record Fine(@Id String id) implements Broken {}

    @PartitionKey("X#{nope}")
    record Unmappable(@Id String id) implements Broken {}

    @Test
    void aPermittedTypeThatCantBeMapped_failsNamingTheSealedTypeAndIt() {
        assertThatThrownBy(() -> orm.repository(Broken.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining(Broken.class.getName())
                .hasMessageContaining(Unmappable.class.getName())
                .hasMessageContaining("nope")
                .hasCauseInstanceOf(SchemaException.class);
    }

    static final class Orders {
        record Created(@Id String id) implements Event {}
    }

    static final class Users {
        record Created(@Id String id) implements Event {}
    }

    sealed interface Event permits Orders.Created, Users.Created {}

    @Test
    void twoSubtypesWithTheSameEntityName_failNamingBoth() {
        assertThatThrownBy(() -> orm.repository(Event.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining(Orders.Created.class.getName())
                .hasMessageContaining(Users.Created.class.getName())
                .hasMessageContaining("'Created'")
                .hasMessageContaining("@Entity");
    }

    sealed interface Renamed permits Named.Created, Users2.Created {}

    static final class Named {
        @Entity("OrderCreated")
        record Created(@Id String id) implements Renamed {}
    }

    static final class Users2 {
        record Created(@Id String id) implements Renamed {}
    }

    @Test
    void anEntityNameGivenWithEntity_tellsTheSubtypesApart() {
        assertThat(orm.schemas(Renamed.class))
                .extracting(EntitySchema::entityType)
                .containsExactly("OrderCreated", "Created");
    }

    sealed interface Open permits Closed, Ajar {}

    record Closed(@Id String id) implements Open {}

    non-sealed interface Ajar extends Open {}

    @Test
    void aNonSealedPermittedType_failsNamingIt() {
        assertThatThrownBy(() -> orm.repository(Open.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining(Open.class.getName())
                .hasMessageContaining(Ajar.class.getName())
                .hasMessageContaining("non-sealed")
                .hasMessageContaining("Fix: ");
    }

    @Test
    void aSealedTypeNamedWhereAModelIsNeeded_saysToUseItsRepositoryOrASubtype() {
        assertThatThrownBy(() -> orm.schema(Vehicle.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("repository(Vehicle.class)")
                .hasMessageContaining("[Car, Truck]");
        // A transaction takes the sealed type by key, and says what each subtype misses when none can compute it.
        assertThatThrownBy(() -> orm.transaction(tx -> tx.delete(Vehicle.class, Key.of("fleetId", "f1"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Car: ")
                .hasMessageContaining("Truck: ");
        assertThat(store.calls).isEmpty();
    }

    // --- the models and their plans ------------------------------------------------------------

    @Test
    void nestedSealedTypes_contributeTheirConcreteTypes_inDeclarationOrder() {
        assertThat(orm.schemas(Asset.class))
                .extracting(EntitySchema::modelClass)
                .containsExactly(Building.class, Drill.class, Press.class);
        assertThat(orm.repository(Asset.class).type()).isEqualTo(Asset.class);
    }

    @Test
    void aQueryWhoseSubtypesShareThePartitionKey_isOneQuery_filteredOnTheirEntityTypes() {
        Plan plan = orm.repository(Vehicle.class).where().eq("fleetId", "f1").explain();

        assertThat(plan.requests()).containsExactly(plan);
        assertThat(plan.operation()).isEqualTo(Plan.Operation.QUERY);
        assertThat(plan.keyCondition()).isEqualTo("#pk = :v0");
        assertThat(plan.filter()).isEqualTo("#et IN (:et0, :et1)");
        assertThat(plan.values())
                .containsEntry(":v0", "\"FLEET#f1\"")
                .containsEntry(":et0", "\"Car\"")
                .containsEntry(":et1", "\"Truck\"");
    }

    @Test
    void aConditionEachSubtypeEnforcesInItsOwnSortKey_isFilteredPerType() {
        Plan plan = orm.repository(Vehicle.class)
                .where()
                .eq("fleetId", "f1")
                .eq("id", "v1")
                .explain();

        // Each sort key reads only id, so the condition must stay in the filter of every type.
        assertThat(plan.keyCondition()).isEqualTo("#pk = :v0");
        assertThat(plan.filter()).isEqualTo("#et IN (:et0, :et1) AND #id = :v1");
    }

    @Test
    void subtypesWithDifferentPartitionKeys_getOneQueryEach_andExplainShowsAll() {
        Plan plan = orm.repository(Asset.class).where().eq("siteId", "s1").explain();

        assertThat(plan.requests()).hasSize(2);
        assertThat(plan.requests()).extracting(Plan::operation).containsOnly(Plan.Operation.QUERY);
        assertThat(plan.requests().get(0).values()).containsValue("\"SITE#s1\"").containsValue("\"Building\"");
        assertThat(plan.requests().get(0).filter()).isEqualTo("#et = :et");
        assertThat(plan.requests().get(1).values())
                .containsValue("\"MACHINE#s1\"")
                .containsValue("\"Drill\"")
                .containsValue("\"Press\"");
        assertThat(plan.requests().get(1).filter()).isEqualTo("#et IN (:et0, :et1)");
        assertThat(plan.keyCondition()).isEqualTo(plan.requests().get(0).keyCondition());
    }

    @Test
    void aQueryNoSubtypeCanComputeAPartitionKeyFor_isOneScanOverAllTypes() {
        Plan plan = orm.repository(Asset.class).where().eq("name", "Main").explain();

        assertThat(plan.requests()).containsExactly(plan);
        assertThat(plan.operation()).isEqualTo(Plan.Operation.SCAN);
        assertThat(plan.filter()).isEqualTo("#et IN (:et0, :et1, :et2) AND #name = :v0");
    }

    @Test
    void aQueryTheTableCantServe_readsEachSubtypeByTheIndexItWouldChooseOnItsOwn_oneQueryPerIndexAndKey() {
        Plan plan = orm.repository(Mail.class).where().eq("owner", "ann").explain();

        // Letter and Box share index ByOwner under OWNER#ann; Memo computes its table partition key.
        assertThat(plan.requests()).hasSize(2).extracting(Plan::operation).containsOnly(Plan.Operation.QUERY);
        Plan byIndex = plan.requests().get(0);
        assertThat(byIndex.index()).isEqualTo("ByOwner");
        assertThat(byIndex.values())
                .containsEntry(":v0", "\"OWNER#ann\"")
                .containsValue("\"Letter\"")
                .containsValue("\"Box\"")
                .doesNotContainValue("\"Memo\"");
        assertThat(byIndex.reason())
                .contains("index ByOwner chosen automatically")
                .contains("[owner]");
        Plan byTable = plan.requests().get(1);
        assertThat(byTable.index()).isNull();
        assertThat(byTable.values()).containsValue("\"OWNER#ann\"").containsValue("\"Memo\"");
    }

    @Test
    void anIndexIsNotChosenForASealedRepository_forAConsistentRead_orWhenASubtypeIsInNoIndex_andIndexStillOverrides() {
        Plan consistent = orm.repository(Mail.class)
                .where()
                .eq("owner", "ann")
                .consistentRead()
                .explain();
        Plan notAllTypes =
                orm.repository(Asset.class).where().eq("name", "Main").explain();

        // A GSI can't give consistent reads, so Letter and Box can't be read by key: one Scan reads every type.
        assertThat(consistent.requests()).containsExactly(consistent);
        assertThat(consistent.operation()).isEqualTo(Plan.Operation.SCAN);
        assertThat(consistent.index()).isNull();
        // Building and Drill could use ByName, Press can't: its items are in no index, so one Scan.
        assertThat(notAllTypes.operation()).isEqualTo(Plan.Operation.SCAN);
        assertThat(notAllTypes.index()).isNull();
        // index(...) still decides: only the types that declare it, read from it.
        assertThat(orm.repository(Mail.class)
                        .where()
                        .index("ByOwner")
                        .eq("owner", "ann")
                        .explain()
                        .requests())
                .singleElement()
                .satisfies(p -> assertThat(p.values()).doesNotContainValue("\"Memo\""));
    }

    @Test
    void aQueryOnAnIndex_readsOnlyTheSubtypesThatDeclareIt() {
        Plan plan = orm.repository(Asset.class)
                .where()
                .index("ByName")
                .eq("name", "Hall")
                .explain();

        assertThat(plan.requests()).containsExactly(plan);
        assertThat(plan.index()).isEqualTo("ByName");
        assertThat(plan.values())
                .containsValue("\"NAME#Hall\"")
                .containsValue("\"Building\"")
                .containsValue("\"Drill\"")
                .doesNotContainValue("\"Press\"");
        assertThatThrownBy(() ->
                        orm.repository(Vehicle.class).where().index("ByName").explain())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("none of the types of Vehicle [Car, Truck]");
    }

    @Test
    void aSelectOnASealedRepository_readsTheEntityTypeToo_soEachItemIsDecodedAsItsType() {
        Plan plan = orm.repository(Asset.class)
                .where()
                .eq("siteId", "s1")
                .select("name")
                .explain();

        assertThat(plan.requests()).allSatisfy(r -> assertThat(r.projection()).contains("#et"));
        assertThatThrownBy(() ->
                        orm.repository(Vehicle.class).where().select("seats").explain())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Truck");
    }

    @Test
    void aConditionOnAFieldSomeSubtypeLacks_namesThatSubtype_andSendsNothing() {
        assertThatThrownBy(() -> orm.repository(Vehicle.class)
                        .where()
                        .eq("fleetId", "f1")
                        .gt("seats", 2)
                        .list())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("seats")
                .hasMessageContaining("Truck");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void readingAQueryOfSeveralRequests_sendsThemInOrder() {
        orm.repository(Asset.class).where().eq("siteId", "s1").list();

        assertThat(store.calls).extracting(c -> c.operation()).containsExactly("read", "read");
        ReadRequest first = (ReadRequest) store.calls.get(0).arg(0);
        ReadRequest second = (ReadRequest) store.calls.get(1).arg(0);
        assertThat(first.keyCondition().values()).containsValue(io.restmachine.orm.ItemValue.s("SITE#s1"));
        assertThat(second.keyCondition().values()).containsValue(io.restmachine.orm.ItemValue.s("MACHINE#s1"));
    }

    @Test
    void theCursorOfAReadOfSeveralRequests_isRejectedByAnotherQuery() {
        Repository<Asset> assets = orm.repository(Asset.class);
        // A full first page of the first request: the cursor resumes in it.
        store.answer(new io.restmachine.orm.spi.ReadPage(
                List.of(Fixtures.orm(store).toItem(new Building("s1", "b1", "Main"))), java.util.Map.of(), 1, 1));
        String cursor = assets.where().eq("siteId", "s1").limit(1).paginate().cursor();

        assertThat(cursor).isNotNull();
        assertThatThrownBy(
                        () -> assets.where().eq("siteId", "s2").cursor(cursor).paginate())
                .isInstanceOf(io.restmachine.orm.InvalidCursorException.class);
        assertThatThrownBy(() -> orm.repository(Vehicle.class)
                        .where()
                        .eq("fleetId", "s1")
                        .cursor(cursor)
                        .paginate())
                .isInstanceOf(io.restmachine.orm.InvalidCursorException.class);
    }

    /** A sealed abstract class: mutable subclasses, one of them a concrete sealed class with a subclass. */
    abstract static sealed class Shape permits Circle, Polygon {
        @Id
        String id = "";
    }

    static final class Circle extends Shape {
        double radius;
    }

    static sealed class Polygon extends Shape permits Square {
        int corners;
    }

    static final class Square extends Polygon {
        double side;
    }

    @Test
    void aSealedAbstractClass_mapsEveryConcreteClass_includingAConcreteSealedOne() {
        Repository<Shape> shapes = orm.repository(Shape.class);
        Square square = new Square();
        square.id = "s1";
        square.corners = 4;
        square.side = 2.5;

        shapes.create(square);

        assertThat(orm.schemas(Shape.class))
                .extracting(EntitySchema::modelClass)
                .containsExactly(Circle.class, Polygon.class, Square.class);
        @SuppressWarnings("unchecked")
        java.util.Map<String, io.restmachine.orm.ItemValue> item = (java.util.Map<String, io.restmachine.orm.ItemValue>)
                store.last().arg(0);
        assertThat(item)
                .containsEntry("entity_type", io.restmachine.orm.ItemValue.s("Square"))
                .containsEntry("id", io.restmachine.orm.ItemValue.s("s1"))
                .containsEntry("corners", io.restmachine.orm.ItemValue.n(4));
    }

    /** Only Daily computes its partition key from {@code day} alone. */
    sealed interface Report permits Daily, Regional {}

    @PartitionKey("DAY#{day}")
    @SortKey("DAILY")
    record Daily(String day, String region) implements Report {}

    @PartitionKey("REGION#{region}#{day}")
    @SortKey("REGIONAL")
    record Regional(String day, String region) implements Report {}

    @Test
    void aQuerySomeSubtypeCantComputeAPartitionKeyFor_isOneScanOfAll_notAScanPlusQueries() {
        Plan partly = orm.repository(Report.class).where().eq("day", "d1").explain();
        Plan fully = orm.repository(Report.class)
                .where()
                .eq("day", "d1")
                .eq("region", "eu")
                .explain();

        assertThat(partly.requests()).containsExactly(partly);
        assertThat(partly.operation()).isEqualTo(Plan.Operation.SCAN);
        assertThat(fully.requests())
                .extracting(Plan::operation)
                .containsExactly(Plan.Operation.QUERY, Plan.Operation.QUERY);
    }
}
