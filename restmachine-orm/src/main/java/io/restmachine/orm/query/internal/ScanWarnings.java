package io.restmachine.orm.query.internal;

import io.restmachine.orm.Plan;
import io.restmachine.orm.Query;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one WARN line (logger {@code io.restmachine.orm.Query}) the first time a query shape with
 * conditions runs as a Scan, naming the key fields it lacks. A shape is the entity type, the index
 * and the filter expression text, which holds placeholders but no values, so the same query with
 * other values warns once. Listings without conditions never warn. Remembers at most {@link
 * #MAX_SHAPES} shapes, then stops warning about new ones. Thread-safe.
 */
public final class ScanWarnings {
    static final int MAX_SHAPES = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(Query.class);

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** Warns if this plan of a query with conditions is a Scan whose shape has not been warned about. */
    void check(String entityType, boolean hasConditions, Plan plan) {
        if (!hasConditions || plan.operation() != Plan.Operation.SCAN || !LOG.isWarnEnabled()) {
            return;
        }
        String shape = entityType + '\n' + plan.index() + '\n' + plan.filter() + '\n' + plan.names();
        if (warned.size() >= MAX_SHAPES || !warned.add(shape)) {
            return;
        }
        LOG.warn(
                "Query on {} reads the whole {} (Scan): {}. Add eq conditions on those fields, or declare an index"
                        + " whose partition key they compute (logged once per query shape)",
                entityType,
                plan.index() == null ? "table" : "index " + plan.index(),
                plan.reason() == null ? "no partition key can be computed" : plan.reason());
    }
}
