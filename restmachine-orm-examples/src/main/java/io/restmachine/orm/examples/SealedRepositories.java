package io.restmachine.orm.examples;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.Condition;
import io.restmachine.orm.Key;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Repository;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.util.List;
import java.util.Optional;

/**
 * Polymorphic repositories: a repository of a sealed interface reads and writes every record it
 * permits, each stored with its own entity type, and returns each item as its own type.
 */
public final class SealedRepositories {
    private SealedRepositories() {}

    /** A fleet's vehicles: every permitted record is a model; cars and trucks share the fleet's partition. */
    public sealed interface Vehicle permits Car, Truck {}

    @PartitionKey("FLEET#{fleetId}")
    @SortKey("CAR#{id}")
    public record Car(String fleetId, String id, int seats) implements Vehicle {}

    @PartitionKey("FLEET#{fleetId}")
    @SortKey("TRUCK#{id}")
    public record Truck(String fleetId, String id, int axles) implements Vehicle {}

    /** Runs the example on an in-memory engine and prints the fleet. */
    public static void main(String[] args) {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
                DynamoDBBackend backend = DynamoDBBackend.builder()
                        .tableName("my-app-table")
                        .client(db.client())
                        .build()) {
            backend.repository(Vehicle.class);
            backend.createTable();
            System.out.println(run(backend));
            System.out.println(plan(backend));
        }
    }

    /** Stores a car and a truck of fleet f1 and reads the fleet back with one Query. */
    public static List<Vehicle> run(DynamoDBBackend backend) {
        Repository<Vehicle> fleet = backend.repository(Vehicle.class);
        fleet.create(new Car("f1", "c1", 5));
        fleet.create(new Truck("f1", "t1", 3));

        List<Vehicle> all = fleet.where().eq("fleetId", "f1").list(); // one Query; Car and Truck instances
        for (Vehicle v : all) {
            if (v instanceof Car car) {
                System.out.println(car.id() + ": car with " + car.seats() + " seats");
            } else if (v instanceof Truck truck) {
                System.out.println(truck.id() + ": truck with " + truck.axles() + " axles");
            }
        }
        return all;
    }

    /** Reads one vehicle by key without knowing its type: both candidate keys in one BatchGetItem. */
    public static Optional<Vehicle> find(DynamoDBBackend backend, String fleetId, String id) {
        Repository<Vehicle> fleet = backend.repository(Vehicle.class);
        Optional<Vehicle> found = fleet.get(Key.of("fleetId", fleetId).and("id", id));
        return found;
    }

    /**
     * Changes a truck's axles in a transaction that also checks car c1, naming only the sealed type:
     * each key resolves to the subtype stored there (one BatchGetItem of both candidates), as the
     * repository's update does.
     */
    public static void setAxles(DynamoDBBackend backend, String fleetId, String id, int axles) {
        backend.transaction(
                tx -> tx.update(Vehicle.class, Key.of("fleetId", fleetId).and("id", id), u -> u.set("axles", axles))
                        .check(
                                Vehicle.class,
                                Key.of("fleetId", fleetId).and("id", "c1"),
                                Condition.field("seats").gt(0)));
    }

    /** How the fleet query runs: one Query on FLEET#f1, filtered on the entity types Car and Truck. */
    public static Plan plan(DynamoDBBackend backend) {
        Repository<Vehicle> fleet = backend.repository(Vehicle.class);
        Plan plan = fleet.where().eq("fleetId", "f1").explain();
        // plan.requests() lists every request; here just this one Query
        return plan;
    }
}
