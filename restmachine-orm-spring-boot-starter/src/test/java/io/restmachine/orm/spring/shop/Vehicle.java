package io.restmachine.orm.spring.shop;

import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;

/** A sealed interface over models: a polymorphic repository reads and writes both records. */
public sealed interface Vehicle permits Vehicle.Car, Vehicle.Truck {
    @PartitionKey("FLEET#{fleetId}")
    @SortKey("CAR#{id}")
    record Car(String fleetId, String id, int seats) implements Vehicle {}

    @PartitionKey("FLEET#{fleetId}")
    @SortKey("TRUCK#{id}")
    record Truck(String fleetId, String id, int axles) implements Vehicle {}
}
