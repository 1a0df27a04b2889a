package io.restmachine.orm.query.internal;

import io.restmachine.orm.Plan;
import io.restmachine.orm.spi.ReadRequest;
import java.util.List;

/**
 * A planned read: what {@code explain()} shows, the request to send (without limit and start key),
 * the attributes a cursor must carry to resume, and the fingerprint that binds cursors to this
 * query.
 *
 * @param plan the user-facing description
 * @param request the request template
 * @param cursorAttributes the key attributes of the table (and index) that make up a start key
 * @param fingerprint a digest of everything that selects and orders the items
 */
public record ReadPlan(Plan plan, ReadRequest request, List<String> cursorAttributes, byte[] fingerprint) {
    public ReadPlan {
        cursorAttributes = List.copyOf(cursorAttributes);
        fingerprint = fingerprint.clone();
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint.clone();
    }
}
