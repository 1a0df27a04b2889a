package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.spi.BatchWrite;
import io.restmachine.orm.spi.BatchWriteOutcome;
import io.restmachine.orm.spi.StoreItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Splitting a batch between the writers and putting their outcomes back together. */
final class BatchOutcomes {
    private BatchOutcomes() {}

    /** The writes at these positions. */
    static List<BatchWrite> pick(List<BatchWrite> writes, List<Integer> positions) {
        List<BatchWrite> out = new ArrayList<>(positions.size());
        for (int i : positions) {
            out.add(writes.get(i));
        }
        return out;
    }

    /** One outcome of two, each of writes picked at the given positions of the whole batch. */
    static BatchWriteOutcome merge(
            BatchWriteOutcome a, List<Integer> positionsA, BatchWriteOutcome b, List<Integer> positionsB) {
        List<Integer> written = new ArrayList<>();
        List<BatchWriteOutcome.Failure> failed = new ArrayList<>();
        List<BatchWriteOutcome.Refused> refused = new ArrayList<>();
        Map<Integer, StoreItem> newItems = new HashMap<>();
        for (var part : List.of(Map.entry(a, positionsA), Map.entry(b, positionsB))) {
            BatchWriteOutcome o = part.getKey();
            List<Integer> at = part.getValue();
            o.written().forEach(i -> written.add(at.get(i)));
            o.failed().forEach(f -> failed.add(new BatchWriteOutcome.Failure(at.get(f.index()), f.reason())));
            o.refused().forEach(r -> refused.add(new BatchWriteOutcome.Refused(at.get(r.index()), r.existingItem())));
            o.newItems().forEach((i, item) -> newItems.put(at.get(i), item));
        }
        return new BatchWriteOutcome(written, failed, refused, newItems);
    }
}
