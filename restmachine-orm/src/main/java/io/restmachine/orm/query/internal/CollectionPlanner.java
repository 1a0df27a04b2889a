package io.restmachine.orm.query.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Plan;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.IndexDef;
import io.restmachine.orm.model.internal.KeyDef;
import io.restmachine.orm.model.internal.ModelsByEntityType;
import io.restmachine.orm.model.internal.Property;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.ItemLayout;
import io.restmachine.orm.spi.ReadRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Plans an item-collection read: always one DynamoDB Query per page, on the partition given (or
 * computed by every listed model from the same field values), with the sort-key condition as a key
 * condition and a filter that keeps only the listed entity types. Cursors carry the table key (and
 * the index key on an index), and are bound to the listed types, the index, the key condition and
 * the order like a repository query's.
 */
public final class CollectionPlanner {
    /** DynamoDB's limit on the operands of {@code IN}. */
    static final int MAX_TYPES = 100;

    private CollectionPlanner() {}

    /** Plans the read; a {@link ValidationException} lists every problem found. */
    public static ReadPlan plan(ModelsByEntityType models, CollectionSpec spec) {
        List<EntityModel<?>> listed = models.models();
        ItemLayout layout = listed.get(0).layout();
        List<String> violations = new ArrayList<>();
        if (listed.size() > MAX_TYPES) {
            violations.add("a collection reads at most " + MAX_TYPES + " entity types, got " + listed.size());
        }

        String pkAttr = layout.partitionKey();
        String skAttr = layout.sortKey();
        boolean hasSortKey = true;
        List<String> cursorAttributes = new ArrayList<>(List.of(layout.partitionKey(), layout.sortKey()));
        if (spec.index() != null) {
            String index = spec.index();
            List<String> lacking = new ArrayList<>();
            hasSortKey = false;
            for (EntityModel<?> model : listed) {
                IndexDef def = model.indexes().get(index);
                if (def == null) {
                    lacking.add(model.type().getSimpleName());
                } else if (def.sortKey() != null) {
                    hasSortKey = true;
                }
            }
            if (!lacking.isEmpty()) {
                violations.add("index '" + index + "' is not declared by " + String.join(", ", lacking)
                        + ", so none of their items can be in it: declare it with @IndexPartitionKey(index = \""
                        + index + "\", ...) or leave those models out of the collection");
            }
            pkAttr = layout.indexPartitionKey(index);
            skAttr = layout.indexSortKey(index);
            cursorAttributes.add(pkAttr);
            if (hasSortKey) {
                cursorAttributes.add(skAttr);
            }
            if (spec.consistentRead()) {
                violations.add("consistentRead() is not supported on a global secondary index (" + index
                        + "): read the table partition instead, or drop consistentRead()");
            }
        }

        String reason = null;
        String partition = spec.partition();
        if (partition != null && !spec.eq().isEmpty()) {
            violations.add("both partition(\"" + partition + "\") and eq"
                    + spec.eq().keySet() + " give the partition: use one of them");
        } else if (partition == null && spec.eq().isEmpty()) {
            violations.add("no partition given: call partition(\"USER#alice\") with the stored partition key value,"
                    + " or where().eq(field, value) with the fields the models compute it from");
        } else if (partition == null) {
            partition = computedPartition(listed, spec, violations);
            reason = partition == null
                    ? null
                    : "every listed model (" + String.join(", ", models.classNames())
                            + ") computes this partition key from eq on "
                            + spec.eq().keySet();
        } else if (partition.isEmpty()) {
            violations.add("partition(\"\") is empty: key values must not be empty");
        }
        if (spec.sortKey() != null && !hasSortKey) {
            violations.add(spec.sortKey().describe() + " needs a sort key, but index '" + spec.index()
                    + "' has none in " + String.join(", ", models.classNames()) + ": drop the sort-key condition");
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }

        Placeholders placeholders = new Placeholders();
        Placeholders.Scope keyScope = placeholders.scope();
        StringBuilder key = new StringBuilder(keyScope.name(pkAttr))
                .append(" = ")
                .append(keyScope.value(new ItemValue.S(partition)));
        if (spec.sortKey() != null) {
            key.append(" AND ").append(sortKeyCondition(keyScope, skAttr, spec.sortKey()));
        }
        Expr keyCondition = keyScope.expr(key.toString());
        Expr filter = entityTypeFilter(placeholders.scope(), layout, models.entityTypes());

        boolean forward = !spec.descending();
        ReadRequest request = new ReadRequest(
                spec.index(), keyCondition, filter, null, forward, spec.consistentRead(), null, null, false);
        Plan plan =
                QueryPlanner.describe(Plan.Operation.QUERY, spec.index(), keyCondition, filter, null, forward, reason);
        byte[] fingerprint = QueryPlanner.fingerprint("collection of " + models.entityTypes(), plan);
        return new ReadPlan(plan, request, cursorAttributes, fingerprint, Set.of());
    }

    /**
     * The partition key every listed model computes from the eq values, or null after adding a
     * violation for each model that can't (or computes another).
     */
    private static @Nullable String computedPartition(
            List<EntityModel<?>> listed, CollectionSpec spec, List<String> violations) {
        Map<String, String> computed = new LinkedHashMap<>();
        for (EntityModel<?> model : listed) {
            String name = model.type().getSimpleName();
            KeyDef def = spec.index() == null
                    ? model.partitionKey()
                    : model.indexes().get(spec.index()).partitionKey();
            Map<String, Object> values = new LinkedHashMap<>();
            boolean usable = true;
            for (Map.Entry<String, Object> e : spec.eq().entrySet()) {
                Property p = model.property(e.getKey());
                if (p == null) {
                    violations.add(name + " can't compute the partition key from eq"
                            + spec.eq().keySet()
                            + ": it has no field '" + e.getKey() + "' (its " + def.describe() + " reads "
                            + fields(def) + "); leave " + name + " out, or give the partition with partition(...)");
                    usable = false;
                    continue;
                }
                if (def.fields() != null && !def.fields().contains(p.name())) {
                    violations.add("eq(\"" + e.getKey() + "\", ...) is not read by the " + def.describe() + " of "
                            + name + ": a collection is selected by its partition key alone; drop that condition");
                    usable = false;
                    continue;
                }
                try {
                    values.put(p.name(), p.codec().coerce(e.getValue()));
                } catch (RuntimeException bad) {
                    violations.add("eq(\"" + e.getKey() + "\", ...) of " + name + ": " + bad.getMessage());
                    usable = false;
                }
            }
            if (!usable) {
                continue;
            }
            String pk = def.computeFrom(values);
            if (pk == null || pk.isEmpty()) {
                violations.add(name + " can't compute its partition key (" + def.describe() + ") from eq"
                        + spec.eq().keySet() + ": it reads " + fields(def) + "; add those eq conditions, leave "
                        + name + " out, or give the partition with partition(...)");
                continue;
            }
            computed.put(name, pk);
        }
        if (!violations.isEmpty()) {
            return null;
        }
        if (Set.copyOf(computed.values()).size() > 1) {
            violations.add("the listed models compute different partition keys from eq"
                    + spec.eq().keySet() + ": " + computed
                    + "; one Query reads one partition, so list only models that share it");
            return null;
        }
        return computed.values().iterator().next();
    }

    private static String fields(KeyDef def) {
        return def.fields() == null ? "fields that could not be determined" : String.valueOf(def.fields());
    }

    private static String sortKeyCondition(
            Placeholders.Scope scope, String attr, CollectionSpec.SortKeyCondition condition) {
        String name = scope.name(attr);
        List<String> v = condition.values();
        return switch (condition.op()) {
            case BETWEEN -> name + " BETWEEN " + s(scope, v.get(0)) + " AND " + s(scope, v.get(1));
            case BEGINS_WITH -> "begins_with(" + name + ", " + s(scope, v.get(0)) + ")";
            default -> name + condition.op().operator() + s(scope, v.get(0));
        };
    }

    /** {@code #et = :et0} for one type, {@code #et IN (:et0, :et1, ...)} for several. */
    private static Expr entityTypeFilter(Placeholders.Scope scope, ItemLayout layout, List<String> entityTypes) {
        StringBuilder text = new StringBuilder(scope.name(layout.entityType(), "#et"));
        if (entityTypes.size() == 1) {
            text.append(" = ").append(scope.value(":et0", new ItemValue.S(entityTypes.get(0))));
        } else {
            text.append(" IN (");
            for (int i = 0; i < entityTypes.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(scope.value(":et" + i, new ItemValue.S(entityTypes.get(i))));
            }
            text.append(')');
        }
        return scope.expr(text.toString());
    }

    private static String s(Placeholders.Scope scope, String value) {
        return scope.value(new ItemValue.S(value));
    }
}
