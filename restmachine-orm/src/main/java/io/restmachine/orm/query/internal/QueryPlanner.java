package io.restmachine.orm.query.internal;

import io.restmachine.orm.Condition;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Plan;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.convert.internal.CodecRegistry;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.IndexDef;
import io.restmachine.orm.model.internal.KeyDef;
import io.restmachine.orm.model.internal.Property;
import io.restmachine.orm.model.internal.TemplateKey;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.ItemLayout;
import io.restmachine.orm.spi.ReadRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Decides how a query runs. A DynamoDB Query when the partition key (of the table, or of the index
 * chosen with {@code index(...)}) can be computed from the query's top-level {@code eq}
 * conditions; a Scan otherwise. On a Query, sort-key conditions become key conditions where the
 * sort key allows: equality when every field it reads is fixed by {@code eq}; else {@code
 * begins_with} on the literal prefix of the template followed by the fields fixed by {@code eq}
 * (in template order); and a range when the next field of the template has a range condition and
 * its values sort as their key strings (strings, dates, times). Every condition that a key
 * condition does not enforce exactly stays in the filter, which also always restricts the read to
 * the repository's entity type.
 */
public final class QueryPlanner {
    private QueryPlanner() {}

    /** Plans a query; {@link ValidationException} lists every problem found. */
    public static ReadPlan plan(EntityModel<?> model, CodecRegistry codecs, QuerySpec spec) {
        ItemLayout layout = model.layout();
        List<String> violations = new ArrayList<>();
        List<Condition> conjuncts = new ArrayList<>();
        for (Condition c : spec.conditions()) {
            flatten(c, conjuncts);
        }

        Map<String, Object> eq = new LinkedHashMap<>();
        Map<String, Condition> eqCondition = new HashMap<>();
        eqValues(model, conjuncts, eq, eqCondition);

        IndexChoice choice = IndexChoice.choose(model, spec, eq, returnedAttributes(model, spec, conjuncts));
        String pkAttr;
        String skAttr;
        KeyDef pkDef;
        @Nullable KeyDef skDef;
        List<String> cursorAttributes = new ArrayList<>(List.of(layout.partitionKey(), layout.sortKey()));
        IndexDef index = null;
        if (choice.index() != null) {
            index = model.indexes().get(choice.index());
            if (index == null) {
                throw new ValidationException("index '" + spec.index() + "' is not declared by "
                        + model.type().getSimpleName() + "; declared indexes: "
                        + model.indexes().keySet()
                        + " (declare it with @IndexPartitionKey(index = \"" + spec.index() + "\", ...))");
            }
            pkAttr = layout.indexPartitionKey(index.name());
            skAttr = layout.indexSortKey(index.name());
            pkDef = index.partitionKey();
            skDef = index.sortKey();
            cursorAttributes.add(pkAttr);
            if (skDef != null) {
                cursorAttributes.add(skAttr);
            }
            if (spec.consistentRead()) {
                violations.add("consistentRead() is not supported on a global secondary index (" + index.name()
                        + "): read from the table instead, or drop consistentRead()");
            }
        } else {
            pkAttr = layout.partitionKey();
            skAttr = layout.sortKey();
            pkDef = model.partitionKey();
            skDef = model.sortKey();
        }

        Placeholders placeholders = new Placeholders();
        Set<Condition> consumed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        String pkValue = compute(pkDef, eq);
        Expr keyCondition = null;
        if (pkValue != null) {
            Placeholders.Scope scope = placeholders.scope();
            StringBuilder text =
                    new StringBuilder(scope.name(pkAttr)).append(" = ").append(scope.value(new ItemValue.S(pkValue)));
            consume(pkDef, eqCondition, consumed);
            if (skDef != null) {
                String sk = sortKeyCondition(skDef, skAttr, eq, eqCondition, conjuncts, consumed, scope);
                if (sk != null) {
                    text.append(" AND ").append(sk);
                }
            }
            keyCondition = scope.expr(text.toString());
        }
        if (keyCondition == null && spec.descending()) {
            violations.add("descending() needs a Query, but this query runs as a Scan (no partition key from eq "
                    + "conditions on " + describeFields(pkDef) + "); add those eq conditions or drop descending()");
        }

        Placeholders.Scope filterScope = placeholders.scope();
        StringBuilder filter = new StringBuilder(filterScope.name(layout.entityType(), "#et"))
                .append(" = ")
                .append(filterScope.value(":et", model.entityTypeValue()));
        ConditionRenderer renderer = new ConditionRenderer(model, codecs, filterScope, violations);
        for (Condition c : conjuncts) {
            if (consumed.contains(c)) {
                continue;
            }
            String text = renderer.render(c);
            boolean compound = c instanceof Condition.Or;
            filter.append(" AND ").append(compound ? "(" : "").append(text).append(compound ? ")" : "");
        }
        Expr filterExpr = filterScope.expr(filter.toString());

        Expr projection = null;
        Set<String> selected = new LinkedHashSet<>();
        if (!spec.select().isEmpty()) {
            Placeholders.Scope scope = placeholders.scope();
            for (String field : spec.select()) {
                Property p = model.property(field);
                if (p == null) {
                    violations.add(model.unknownField(field, "select(...)"));
                } else {
                    selected.add(p.attribute());
                }
            }
            // The reader also needs the entity type (to keep only this type's items) and the keys
            // (for cursors); it hands back only the selected fields.
            Set<String> attributes = new LinkedHashSet<>(selected);
            attributes.add(layout.entityType());
            attributes.addAll(cursorAttributes);
            StringBuilder text = new StringBuilder();
            for (String a : attributes) {
                text.append(text.length() == 0 ? "" : ", ").append(scope.name(a));
            }
            projection = scope.expr(text.toString());
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }

        String indexName = index == null ? null : index.name();
        boolean forward = !spec.descending();
        ReadRequest request = new ReadRequest(
                indexName, keyCondition, filterExpr, projection, forward, spec.consistentRead(), null, null, false);
        String reason = keyCondition == null ? choice.scanReason(model, eq) : choice.reason();
        Plan plan = describe(
                keyCondition == null ? Plan.Operation.SCAN : Plan.Operation.QUERY,
                indexName,
                keyCondition,
                filterExpr,
                projection,
                forward,
                reason);
        return new ReadPlan(plan, request, cursorAttributes, fingerprint(model.entityType(), plan), selected);
    }

    /** The stored attributes a query returns (its select, or every field) and those its conditions read. */
    private static Set<String> returnedAttributes(EntityModel<?> model, QuerySpec spec, List<Condition> conjuncts) {
        Set<String> attributes = new LinkedHashSet<>();
        attributes.add(model.layout().entityType());
        if (spec.select().isEmpty()) {
            for (Property p : model.shape().properties()) {
                attributes.add(p.attribute());
            }
        } else {
            addAttributes(model, spec.select(), attributes);
        }
        List<String> fields = new ArrayList<>();
        for (Condition c : conjuncts) {
            conditionFields(c, fields);
        }
        addAttributes(model, fields, attributes);
        return attributes;
    }

    private static void addAttributes(EntityModel<?> model, List<String> fields, Set<String> out) {
        for (String field : fields) {
            int dot = field.indexOf('.');
            Property p = model.property(dot < 0 ? field : field.substring(0, dot));
            if (p != null) {
                out.add(p.attribute());
            }
        }
    }

    private static void conditionFields(Condition c, List<String> out) {
        if (c instanceof Condition.And and) {
            and.conditions().forEach(part -> conditionFields(part, out));
        } else if (c instanceof Condition.Or or) {
            or.conditions().forEach(part -> conditionFields(part, out));
        } else if (c instanceof Condition.Not not) {
            conditionFields(not.condition(), out);
        } else if (c instanceof Condition.Compare cmp) {
            out.add(cmp.field());
        } else if (c instanceof Condition.Between b) {
            out.add(b.field());
        } else if (c instanceof Condition.In in) {
            out.add(in.field());
        } else if (c instanceof Condition.BeginsWith bw) {
            out.add(bw.field());
        } else if (c instanceof Condition.Contains ct) {
            out.add(ct.field());
        } else if (c instanceof Condition.Exists ex) {
            out.add(ex.field());
        } else if (c instanceof Condition.NotExists nx) {
            out.add(nx.field());
        }
    }

    /** The values of top-level eq conditions, converted to the fields' types, and the conditions that gave them. */
    private static void eqValues(
            EntityModel<?> model,
            List<Condition> conjuncts,
            Map<String, Object> eq,
            Map<String, Condition> eqCondition) {
        for (Condition c : conjuncts) {
            if (c instanceof Condition.Compare cmp
                    && cmp.op() == Condition.Op.EQ
                    && cmp.field().indexOf('.') < 0) {
                Property p = model.property(cmp.field());
                if (p == null || eq.containsKey(p.name())) {
                    continue;
                }
                try {
                    eq.put(p.name(), p.codec().coerce(cmp.value()));
                    eqCondition.put(p.name(), c);
                } catch (RuntimeException badValue) {
                    // The filter rendering reports it.
                }
            }
        }
    }

    private static void flatten(Condition c, List<Condition> out) {
        if (c instanceof Condition.And and) {
            for (Condition part : and.conditions()) {
                flatten(part, out);
            }
        } else {
            out.add(c);
        }
    }

    private static @Nullable String compute(KeyDef def, Map<String, Object> eq) {
        try {
            return def.computeFrom(eq);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A key reading exactly one field fixes that field: its eq condition need not be filtered again. */
    private static void consume(KeyDef def, Map<String, Condition> eqCondition, Set<Condition> consumed) {
        Set<String> fields = def.fields();
        if (fields != null && fields.size() == 1) {
            Condition c = eqCondition.get(fields.iterator().next());
            if (c != null) {
                consumed.add(c);
            }
        }
    }

    private static String describeFields(KeyDef def) {
        return def.fields() == null ? "the fields read by the " + def.describe() : String.valueOf(def.fields());
    }

    private static @Nullable String sortKeyCondition(
            KeyDef def,
            String attr,
            Map<String, Object> eq,
            Map<String, Condition> eqCondition,
            List<Condition> conjuncts,
            Set<Condition> consumed,
            Placeholders.Scope scope) {
        String exact = compute(def, eq);
        if (exact != null) {
            consume(def, eqCondition, consumed);
            return scope.name(attr) + " = " + scope.value(new ItemValue.S(exact));
        }
        if (!(def instanceof TemplateKey template)) {
            String prefix = def.literalPrefix();
            return prefix.isEmpty() ? null : beginsWith(scope, attr, prefix);
        }
        StringBuilder prefix = new StringBuilder();
        Property next = null;
        boolean last = false;
        List<Object> segments = template.segments();
        for (int i = 0; i < segments.size(); i++) {
            Object s = segments.get(i);
            if (s instanceof Property p) {
                Object v = eq.get(p.name());
                if (v == null) {
                    next = p;
                    last = i == segments.size() - 1;
                    break;
                }
                try {
                    prefix.append(p.codec().keyString(v));
                } catch (RuntimeException notAKeyValue) {
                    // Left to the filter, which reports a value that doesn't fit.
                    next = null;
                    break;
                }
            } else {
                prefix.append((String) s);
            }
        }
        String p = prefix.toString();
        if (next != null && next.codec().ordered()) {
            String range = range(next, last, p, attr, conjuncts, scope);
            if (range != null) {
                return range;
            }
        }
        return p.isEmpty() ? null : beginsWith(scope, attr, p);
    }

    /** A range key condition from the first range condition on {@code field}, or null if there is none. */
    private static @Nullable String range(
            Property field,
            boolean last,
            String prefix,
            String attr,
            List<Condition> conjuncts,
            Placeholders.Scope scope) {
        for (Condition c : conjuncts) {
            try {
                if (c instanceof Condition.Compare cmp && cmp.field().equals(field.name())) {
                    String x = prefix + field.codec().keyString(field.codec().coerce(cmp.value()));
                    switch (cmp.op()) {
                        case GT, GTE:
                            return lowerBound(scope, attr, prefix, x, cmp.op() == Condition.Op.GT && last);
                        case LT, LTE:
                            if (last) {
                                return prefix.isEmpty()
                                        ? scope.name(attr)
                                                + (cmp.op() == Condition.Op.LT ? " < " : " <= ")
                                                + s(scope, x)
                                        : scope.name(attr) + " BETWEEN " + s(scope, prefix) + " AND " + s(scope, x);
                            }
                            return prefix.isEmpty() ? null : beginsWith(scope, attr, prefix);
                        default:
                            continue;
                    }
                }
                if (c instanceof Condition.Between b && b.field().equals(field.name())) {
                    String lo = prefix + field.codec().keyString(field.codec().coerce(b.low()));
                    if (last) {
                        String hi =
                                prefix + field.codec().keyString(field.codec().coerce(b.high()));
                        return scope.name(attr) + " BETWEEN " + s(scope, lo) + " AND " + s(scope, hi);
                    }
                    return lowerBound(scope, attr, prefix, lo, false);
                }
                if (c instanceof Condition.BeginsWith bw
                        && bw.field().equals(field.name())
                        && field.codec().scalarKind() == 'S') {
                    return beginsWith(scope, attr, prefix + bw.prefix());
                }
            } catch (RuntimeException badValue) {
                // Left to the filter, which reports it.
                return null;
            }
        }
        return null;
    }

    private static String lowerBound(
            Placeholders.Scope scope, String attr, String prefix, String low, boolean exclusive) {
        String upper = successor(prefix);
        if (upper == null) {
            return scope.name(attr) + (exclusive ? " > " : " >= ") + s(scope, low);
        }
        // Inclusive bounds; an exclusive gt is completed by the filter, which keeps the condition.
        return scope.name(attr) + " BETWEEN " + s(scope, low) + " AND " + s(scope, upper);
    }

    /** The least string greater than every string starting with {@code prefix}, or null if none is simple. */
    static @Nullable String successor(String prefix) {
        if (prefix.isEmpty()) {
            return null;
        }
        char lastChar = prefix.charAt(prefix.length() - 1);
        if (lastChar >= Character.MIN_SURROGATE - 1) {
            return null;
        }
        return prefix.substring(0, prefix.length() - 1) + (char) (lastChar + 1);
    }

    private static String beginsWith(Placeholders.Scope scope, String attr, String prefix) {
        return "begins_with(" + scope.name(attr) + ", " + s(scope, prefix) + ")";
    }

    private static String s(Placeholders.Scope scope, String value) {
        return scope.value(new ItemValue.S(value));
    }

    /** The plan {@code explain()} shows for these expressions, with every placeholder they use. */
    static Plan describe(
            Plan.Operation operation,
            @Nullable String index,
            @Nullable Expr keyCondition,
            @Nullable Expr filter,
            @Nullable Expr projection,
            boolean forward,
            @Nullable String reason) {
        Map<String, String> names = new TreeMap<>();
        Map<String, String> values = new TreeMap<>();
        for (Expr e : Arrays.asList(keyCondition, filter, projection)) {
            if (e != null) {
                names.putAll(e.names());
                for (Map.Entry<String, ItemValue> v : e.values().entrySet()) {
                    values.put(v.getKey(), ItemValues.display(v.getValue()));
                }
            }
        }
        return new Plan(
                operation,
                index,
                keyCondition == null ? null : keyCondition.text(),
                filter == null ? null : filter.text(),
                projection == null ? null : projection.text(),
                names,
                values,
                forward,
                reason);
    }

    /**
     * A digest of everything that selects and orders a read's items: what is read ({@code identity},
     * e.g. the entity type), operation, index, expressions, placeholders and order.
     */
    static byte[] fingerprint(String identity, Plan plan) {
        StringBuilder s = new StringBuilder();
        s.append(identity)
                .append('\n')
                .append(plan.operation())
                .append('\n')
                .append(plan.index())
                .append('\n')
                .append(plan.keyCondition())
                .append('\n')
                .append(plan.filter())
                .append('\n')
                .append(plan.scanForward())
                .append('\n')
                .append(new TreeMap<>(plan.names()))
                .append('\n')
                .append(new TreeMap<>(plan.values()));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
