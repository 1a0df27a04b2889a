package io.restmachine.orm.query.internal;

import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.IndexDef;
import io.restmachine.orm.model.internal.KeyDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which key a query reads by: the index named with {@code index(...)}; else the table when its
 * partition key can be computed from the query's {@code eq} values; else a global secondary index
 * whose partition key can. An index is never chosen by itself for a strongly consistent read (a
 * GSI can't give one). Among several indexes, the one whose partition key reads the most of the
 * {@code eq} fields wins (it selects the fewest items), ties going to the first name in
 * alphabetical order; {@link #reason()} says which and why, for {@code explain()}.
 *
 * @param index the index to read, or null for the table
 * @param reason why, or null when nothing needs saying (a listing without conditions)
 * @param passedOver indexes that could have served but were not chosen automatically, and why
 */
record IndexChoice(@Nullable String index, @Nullable String reason, List<String> passedOver) {
    IndexChoice {
        passedOver = List.copyOf(passedOver);
    }

    /**
     * @param returned the stored attributes the query returns or filters on, which an index must
     *     hold to be chosen by itself
     */
    static IndexChoice choose(EntityModel<?> model, QuerySpec spec, Map<String, Object> eq, Set<String> returned) {
        if (spec.index() != null) {
            return new IndexChoice(spec.index(), "index " + spec.index() + " chosen with index(...)", List.of());
        }
        if (computes(model.partitionKey(), eq)) {
            return new IndexChoice(
                    null,
                    "the table: eq on " + model.partitionKey().fields() + " computes its partition key",
                    List.of());
        }
        List<IndexDef> candidates = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (IndexDef index : model.indexes().values()) {
            if (!computes(index.partitionKey(), eq)) {
                continue;
            }
            if (index.holds(returned, model.layout().entityType())) {
                candidates.add(index);
            } else {
                passed.add("index " + index.name() + " could serve it, but its projection (" + index.projection()
                        + (index.included().isEmpty() ? "" : " " + index.included())
                        + ") lacks attributes the query returns or filters on; select(...) only what it holds,"
                        + " or name it with index(...)");
            }
        }
        if (candidates.isEmpty()) {
            return new IndexChoice(null, null, passed);
        }
        candidates.sort(Comparator.comparingInt((IndexDef i) -> -readCount(i.partitionKey()))
                .thenComparing(IndexDef::name));
        if (spec.consistentRead()) {
            for (IndexDef c : candidates) {
                passed.add("index " + c.name() + " could serve it, but not with consistentRead() (a global"
                        + " secondary index can't give strongly consistent reads)");
            }
            return new IndexChoice(null, null, passed);
        }
        IndexDef chosen = candidates.get(0);
        StringBuilder why = new StringBuilder("index ")
                .append(chosen.name())
                .append(" chosen automatically: eq on ")
                .append(chosen.partitionKey().fields())
                .append(" computes its partition key, the table's needs ")
                .append(model.partitionKey().missing(eq.keySet()));
        if (candidates.size() > 1) {
            List<String> others = new ArrayList<>();
            for (IndexDef c : candidates.subList(1, candidates.size())) {
                others.add(c.name());
            }
            why.append("; ")
                    .append(String.join(", ", others))
                    .append(" could serve too (the index whose partition key reads the most eq fields wins,"
                            + " then the first by name): name another with index(...)");
        }
        return new IndexChoice(chosen.name(), why.toString(), List.of());
    }

    /**
     * Why a query with these eq values runs as a Scan, naming the key fields it lacks; null for a
     * listing without eq conditions.
     */
    @Nullable
    String scanReason(EntityModel<?> model, Map<String, Object> eq) {
        if (index != null) {
            IndexDef def = model.indexes().get(index);
            return "Scan of index " + index + ": its partition key needs "
                    + def.partitionKey().missing(eq.keySet()) + " (eq on " + eq.keySet() + ")";
        }
        if (eq.isEmpty() && passedOver.isEmpty()) {
            return null;
        }
        StringBuilder why = new StringBuilder("Scan: no partition key can be computed from eq on ")
                .append(eq.keySet())
                .append(": the table's needs ")
                .append(model.partitionKey().missing(eq.keySet()));
        for (IndexDef def : model.indexes().values()) {
            List<String> missing = def.partitionKey().missing(eq.keySet());
            if (!missing.isEmpty()) {
                why.append(", index ").append(def.name()).append("'s needs ").append(missing);
            }
        }
        for (String p : passedOver) {
            why.append("; ").append(p);
        }
        return why.toString();
    }

    private static boolean computes(KeyDef def, Map<String, Object> eq) {
        try {
            String key = def.computeFrom(eq);
            return key != null && !key.isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int readCount(KeyDef def) {
        return def.fields() == null ? 0 : def.fields().size();
    }
}
