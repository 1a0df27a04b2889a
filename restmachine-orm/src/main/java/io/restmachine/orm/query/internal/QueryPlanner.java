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
        return plan(List.of(model), codecs, spec, true);
    }

    /**
     * What one model's keys give a query: the key definitions of the table or of the chosen index,
     * and the values of the query's top-level {@code eq} conditions, converted to the fields' types.
     */
    private record Target(
            EntityModel<?> model,
            KeyDef pkDef,
            @Nullable KeyDef skDef,
            Map<String, Object> eq,
            Map<String, Condition> eqCondition) {}

    private static Target target(
            EntityModel<?> model,
            @Nullable String indexName,
            QuerySpec spec,
            List<Condition> conjuncts,
            List<String> violations) {
        KeyDef pkDef = model.partitionKey();
        KeyDef skDef = model.sortKey();
        if (indexName != null) {
            IndexDef index = model.indexes().get(indexName);
            if (index == null) {
                throw new ValidationException("index '" + indexName + "' is not declared by "
                        + model.type().getSimpleName() + "; declared indexes: "
                        + model.indexes().keySet()
                        + " (declare it with @IndexPartitionKey(index = \"" + indexName + "\", ...))");
            }
            pkDef = index.partitionKey();
            skDef = index.sortKey();
            if (spec.consistentRead()) {
                violations.add("consistentRead() is not supported on a global secondary index (" + index.name()
                        + "): read from the table instead, or drop consistentRead()");
            }
        }
        Map<String, Object> eq = new LinkedHashMap<>();
        Map<String, Condition> eqCondition = new HashMap<>();
        eqValues(model, conjuncts, eq, eqCondition);
        return new Target(model, pkDef, skDef, eq, eqCondition);
    }

    /**
     * The partition key (of the table, or of the index the spec names: no index is chosen
     * automatically for several models) that a model computes from
     * the spec's {@code eq} conditions, or null if it can't; {@link ValidationException} if the
     * model does not declare the index.
     */
    static @Nullable String partitionKey(EntityModel<?> model, QuerySpec spec) {
        return partitionKey(model, spec, spec.index());
    }

    /** The partition key of the table (null {@code indexName}) or of an index that a model computes; null if it can't. */
    static @Nullable String partitionKey(EntityModel<?> model, QuerySpec spec, @Nullable String indexName) {
        Target t = target(model, indexName, spec, conjuncts(spec), new ArrayList<>());
        return compute(t.pkDef(), t.eq());
    }

    /**
     * Where one model's items for the query are read: the table or an index, chosen as for a query
     * on the model's own repository ({@link IndexChoice}).
     */
    static IndexChoice indexChoice(EntityModel<?> model, QuerySpec spec) {
        List<Condition> conjuncts = conjuncts(spec);
        Map<String, Object> eq = new LinkedHashMap<>();
        eqValues(model, conjuncts, eq, new HashMap<>());
        return IndexChoice.choose(model, spec, eq, returnedAttributes(model, spec, conjuncts));
    }

    private static List<Condition> conjuncts(QuerySpec spec) {
        List<Condition> conjuncts = new ArrayList<>();
        for (Condition c : spec.conditions()) {
            flatten(c, conjuncts);
        }
        return conjuncts;
    }

    /**
     * Plans one request reading the items of several models (the subtypes of a sealed type): a
     * Query when {@code useKey} and every model computes the same partition key from the {@code
     * eq} conditions (the caller groups them so), else a Scan. The sort key condition is kept only
     * when every model computes the same one; the filter restricts the read to the models' entity
     * types, with each model's conditions where they render differently.
     */
    static ReadPlan plan(List<? extends EntityModel<?>> models, CodecRegistry codecs, QuerySpec spec, boolean useKey) {
        return plan(models, codecs, spec, useKey, null);
    }

    /**
     * As {@link #plan(List, CodecRegistry, QuerySpec, boolean)}, reading by {@code chosen} (the
     * table or index every model chose for itself, see {@link PolymorphicPlanner}) when not null.
     */
    static ReadPlan plan(
            List<? extends EntityModel<?>> models,
            CodecRegistry codecs,
            QuerySpec spec,
            boolean useKey,
            @Nullable IndexChoice chosen) {
        EntityModel<?> first = models.get(0);
        ItemLayout layout = first.layout();
        List<String> violations = new ArrayList<>();
        List<Condition> conjuncts = conjuncts(spec);
        // One model may run on an index chosen for it (IndexChoice); several on the one they all chose, or named.
        IndexChoice choice = chosen;
        String indexName = chosen == null ? spec.index() : chosen.index();
        if (chosen == null && models.size() == 1) {
            choice = indexChoice(first, spec);
            indexName = choice.index();
        }
        List<Target> targets = new ArrayList<>(models.size());
        for (EntityModel<?> model : models) {
            targets.add(target(model, indexName, spec, conjuncts, violations));
        }
        Target lead = targets.get(0);

        String pkAttr = layout.partitionKey();
        String skAttr = layout.sortKey();
        List<String> cursorAttributes = new ArrayList<>(List.of(pkAttr, skAttr));
        if (indexName != null) {
            pkAttr = layout.indexPartitionKey(indexName);
            skAttr = layout.indexSortKey(indexName);
            cursorAttributes.add(pkAttr);
            for (Target t : targets) {
                if (t.skDef() != null) {
                    cursorAttributes.add(skAttr);
                    break;
                }
            }
        }

        Placeholders placeholders = new Placeholders();
        List<Set<Condition>> consumed = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            consumed.add(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        }
        String pkValue = useKey ? compute(lead.pkDef(), lead.eq()) : null;
        Expr keyCondition = null;
        if (pkValue != null) {
            Placeholders.Scope scope = placeholders.scope();
            StringBuilder text =
                    new StringBuilder(scope.name(pkAttr)).append(" = ").append(scope.value(new ItemValue.S(pkValue)));
            for (int i = 0; i < targets.size(); i++) {
                consume(targets.get(i).pkDef(), targets.get(i).eqCondition(), consumed.get(i));
            }
            String sk = sharedSortKeyCondition(targets, skAttr, conjuncts, consumed, scope);
            if (sk != null) {
                text.append(" AND ").append(sk);
            }
            keyCondition = scope.expr(text.toString());
        }
        if (keyCondition == null && spec.descending()) {
            violations.add("descending() needs a Query, but this query runs as a Scan (no partition key from eq "
                    + "conditions on " + describeFields(lead.pkDef())
                    + "); add those eq conditions or drop descending()");
        }

        Expr filterExpr = filter(targets, consumed, conjuncts, codecs, placeholders, violations);

        Set<String> selected = new LinkedHashSet<>();
        Expr projection = projection(targets, spec, layout, cursorAttributes, placeholders, selected, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(new ArrayList<>(new LinkedHashSet<>(violations)));
        }

        boolean forward = !spec.descending();
        ReadRequest request = new ReadRequest(
                indexName, keyCondition, filterExpr, projection, forward, spec.consistentRead(), null, null, false);
        String reason =
                choice == null ? null : keyCondition == null ? choice.scanReason(first, lead.eq()) : choice.reason();
        Plan plan = describe(
                keyCondition == null ? Plan.Operation.SCAN : Plan.Operation.QUERY,
                indexName,
                keyCondition,
                filterExpr,
                projection,
                forward,
                reason);
        List<String> entityTypes = new ArrayList<>();
        for (EntityModel<?> m : models) {
            entityTypes.add(m.entityType());
        }
        return new ReadPlan(
                plan, request, cursorAttributes, fingerprint(String.join(",", entityTypes), plan), selected);
    }

    /**
     * The projection of a {@code select(...)}, or null for none; adds the selected fields' attributes
     * to {@code selected}. The reader also needs the entity type (to decode each item as its model)
     * and the keys (for cursors); it hands back only the selected fields.
     */
    private static @Nullable Expr projection(
            List<Target> targets,
            QuerySpec spec,
            ItemLayout layout,
            List<String> cursorAttributes,
            Placeholders placeholders,
            Set<String> selected,
            List<String> violations) {
        if (spec.select().isEmpty()) {
            return null;
        }
        Placeholders.Scope scope = placeholders.scope();
        for (String field : spec.select()) {
            for (Target t : targets) {
                Property p = t.model().property(field);
                if (p == null) {
                    violations.add(t.model().unknownField(field, "select(...)"));
                } else {
                    selected.add(p.attribute());
                }
            }
        }
        Set<String> attributes = new LinkedHashSet<>(selected);
        attributes.add(layout.entityType());
        attributes.addAll(cursorAttributes);
        StringBuilder text = new StringBuilder();
        for (String a : attributes) {
            text.append(text.length() == 0 ? "" : ", ").append(scope.name(a));
        }
        return scope.expr(text.toString());
    }

    /**
     * The sort key condition every target computes alike, rendered in {@code scope}, with the eq
     * conditions it enforces added to each target's consumed set; null when there is none, or
     * when the targets' differ (the Query then reads the whole partition, the filter selects).
     */
    private static @Nullable String sharedSortKeyCondition(
            List<Target> targets,
            String skAttr,
            List<Condition> conjuncts,
            List<Set<Condition>> consumed,
            Placeholders.Scope scope) {
        if (targets.size() > 1) {
            Expr shared = null;
            List<Set<Condition>> probed = new ArrayList<>();
            for (Target t : targets) {
                Set<Condition> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                Placeholders.Scope probe = new Placeholders().scope();
                String text = t.skDef() == null
                        ? null
                        : sortKeyCondition(t.skDef(), skAttr, t.eq(), t.eqCondition(), conjuncts, used, probe);
                if (text == null) {
                    return null;
                }
                Expr e = probe.expr(text);
                if (shared != null && !shared.equals(e)) {
                    return null;
                }
                shared = e;
                probed.add(used);
            }
            for (int i = 1; i < targets.size(); i++) {
                consumed.get(i).addAll(probed.get(i));
            }
        }
        Target lead = targets.get(0);
        return lead.skDef() == null
                ? null
                : sortKeyCondition(
                        lead.skDef(), skAttr, lead.eq(), lead.eqCondition(), conjuncts, consumed.get(0), scope);
    }

    /**
     * The filter: the entity-type restriction and every condition no key condition enforces. One
     * model: {@code #et = :et AND ...}; several whose conditions render alike: {@code #et IN (:et0,
     * :et1) AND ...}; else {@code (#et = :et0 AND ...) OR (#et = :et1 AND ...)}.
     */
    private static Expr filter(
            List<Target> targets,
            List<Set<Condition>> consumed,
            List<Condition> conjuncts,
            CodecRegistry codecs,
            Placeholders placeholders,
            List<String> violations) {
        Placeholders.Scope scope = placeholders.scope();
        String et = scope.name(targets.get(0).model().layout().entityType(), "#et");
        if (targets.size() == 1) {
            EntityModel<?> model = targets.get(0).model();
            return scope.expr(et + " = " + scope.value(":et", model.entityTypeValue())
                    + conditions(model, conjuncts, consumed.get(0), codecs, scope, violations));
        }
        boolean alike = true;
        Expr shared = null;
        for (int i = 0; i < targets.size() && alike; i++) {
            Placeholders.Scope probe = new Placeholders().scope();
            Expr e = probe.expr(
                    conditions(targets.get(i).model(), conjuncts, consumed.get(i), codecs, probe, new ArrayList<>()));
            alike = shared == null || shared.equals(e);
            shared = e;
        }
        StringBuilder text = new StringBuilder();
        if (alike) {
            text.append(et).append(" IN (");
            for (int i = 0; i < targets.size(); i++) {
                text.append(i == 0 ? "" : ", ")
                        .append(scope.value(":et" + i, targets.get(i).model().entityTypeValue()));
            }
            text.append(')')
                    .append(conditions(targets.get(0).model(), conjuncts, consumed.get(0), codecs, scope, violations));
            for (int i = 1; i < targets.size(); i++) {
                // Only for the violations each model's fields give.
                conditions(
                        targets.get(i).model(),
                        conjuncts,
                        consumed.get(i),
                        codecs,
                        new Placeholders().scope(),
                        violations);
            }
        } else {
            for (int i = 0; i < targets.size(); i++) {
                EntityModel<?> model = targets.get(i).model();
                text.append(i == 0 ? "(" : " OR (")
                        .append(et)
                        .append(" = ")
                        .append(scope.value(":et" + i, model.entityTypeValue()))
                        .append(conditions(model, conjuncts, consumed.get(i), codecs, scope, violations))
                        .append(')');
            }
        }
        return scope.expr(text.toString());
    }

    /** {@code " AND a AND (b OR c)"}: the conditions not consumed by a key condition, as one model renders them. */
    private static String conditions(
            EntityModel<?> model,
            List<Condition> conjuncts,
            Set<Condition> consumed,
            CodecRegistry codecs,
            Placeholders.Scope scope,
            List<String> violations) {
        ConditionRenderer renderer = new ConditionRenderer(model, codecs, scope, violations);
        StringBuilder filter = new StringBuilder();
        for (Condition c : conjuncts) {
            if (consumed.contains(c)) {
                continue;
            }
            String text = renderer.render(c);
            boolean compound = c instanceof Condition.Or;
            filter.append(" AND ").append(compound ? "(" : "").append(text).append(compound ? ")" : "");
        }
        return filter.toString();
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
