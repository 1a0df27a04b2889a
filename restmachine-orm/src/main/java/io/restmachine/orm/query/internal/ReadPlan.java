package io.restmachine.orm.query.internal;

import io.restmachine.orm.Plan;
import io.restmachine.orm.spi.ReadRequest;
import java.util.List;
import java.util.Set;

/**
 * A planned read: what {@code explain()} shows, the request to send (without limit and start key),
 * the attributes a cursor must carry to resume, and the fingerprint that binds cursors to this
 * query.
 *
 * @param plan the user-facing description
 * @param request the request template
 * @param cursorAttributes the key attributes of the table (and index) that make up a start key
 * @param fingerprint a digest of everything that selects and orders the items
 * @param selectedAttributes the attributes of the fields chosen by {@code select(...)}, the only
 *     ones handed back to the caller; empty when every field is read
 */
public record ReadPlan(
        Plan plan,
        ReadRequest request,
        List<String> cursorAttributes,
        byte[] fingerprint,
        Set<String> selectedAttributes) {
    public ReadPlan {
        cursorAttributes = List.copyOf(cursorAttributes);
        selectedAttributes = Set.copyOf(selectedAttributes);
        fingerprint = fingerprint.clone();
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint.clone();
    }
}
