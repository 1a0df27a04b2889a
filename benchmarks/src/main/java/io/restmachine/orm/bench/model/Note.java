package io.restmachine.orm.bench.model;

import io.restmachine.orm.Id;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;

/**
 * The small record of measurement 8: five short attributes (what many test fixtures and lookup
 * tables hold), so that the ORM's fixed per-call costs weigh more than on {@link Order}.
 */
@PartitionKey("NOTE#{id}")
@SortKey("NOTE")
public record Note(@Id String id, String title, String owner, int rank, boolean done) {
    /** The n-th sample note. */
    public static Note sample(int n) {
        return new Note("note-" + n, "title " + (n % 50), "owner-" + (n % 7), n % 100, n % 2 == 0);
    }
}
