package io.restmachine.orm.query.internal;

import io.restmachine.orm.Condition;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.convert.internal.Codec;
import io.restmachine.orm.convert.internal.CodecRegistry;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.Property;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link Condition} as DynamoDB condition text over placeholders. Field names are model
 * field names (dotted for nested documents); values are converted as the field's type is.
 * Problems (unknown fields, values of the wrong type) are collected, not thrown, so one {@code
 * ValidationException} can list them all.
 */
public final class ConditionRenderer {
    private final EntityModel<?> model;
    private final CodecRegistry codecs;
    private final Placeholders.Scope scope;
    private final List<String> violations;

    /** A renderer adding placeholders to {@code scope} and problems to {@code violations}. */
    public ConditionRenderer(
            EntityModel<?> model, CodecRegistry codecs, Placeholders.Scope scope, List<String> violations) {
        this.model = model;
        this.codecs = codecs;
        this.scope = scope;
        this.violations = violations;
    }

    /** The condition's text. */
    public String render(Condition c) {
        if (c instanceof Condition.And and) {
            return join(and.conditions(), " AND ");
        }
        if (c instanceof Condition.Or or) {
            return join(or.conditions(), " OR ");
        }
        if (c instanceof Condition.Not not) {
            return "NOT (" + render(not.condition()) + ")";
        }
        if (c instanceof Condition.Compare cmp) {
            Target t = target(cmp.field());
            return t.path + " " + operator(cmp.op()) + " " + value(t, cmp.value(), false);
        }
        if (c instanceof Condition.Between b) {
            Target t = target(b.field());
            return t.path + " BETWEEN " + value(t, b.low(), false) + " AND " + value(t, b.high(), false);
        }
        if (c instanceof Condition.In in) {
            Target t = target(in.field());
            if (in.values().isEmpty()) {
                violations.add("in(\"" + in.field() + "\") needs at least one value");
                return t.path + " IN ()";
            }
            if (in.values().size() > 100) {
                violations.add("in(\"" + in.field() + "\") has " + in.values().size()
                        + " values; DynamoDB allows at most 100");
            }
            StringBuilder s = new StringBuilder(t.path).append(" IN (");
            for (int i = 0; i < in.values().size(); i++) {
                if (i > 0) {
                    s.append(", ");
                }
                s.append(value(t, in.values().get(i), false));
            }
            return s.append(')').toString();
        }
        if (c instanceof Condition.BeginsWith bw) {
            Target t = target(bw.field());
            return "begins_with(" + t.path + ", " + scope.value(new ItemValue.S(bw.prefix())) + ")";
        }
        if (c instanceof Condition.Contains ct) {
            Target t = target(ct.field());
            return "contains(" + t.path + ", " + value(t, ct.value(), true) + ")";
        }
        if (c instanceof Condition.Exists e) {
            return "attribute_exists(" + target(e.field()).path + ")";
        }
        Condition.NotExists ne = (Condition.NotExists) c;
        return "attribute_not_exists(" + target(ne.field()).path + ")";
    }

    private String join(List<Condition> parts, String op) {
        if (parts.isEmpty()) {
            violations.add("an empty and()/or() condition has nothing to test");
            return "";
        }
        if (parts.size() == 1) {
            return render(parts.get(0));
        }
        StringBuilder s = new StringBuilder();
        for (Condition part : parts) {
            if (s.length() > 0) {
                s.append(op);
            }
            boolean compound = part instanceof Condition.And || part instanceof Condition.Or;
            s.append(compound ? "(" : "").append(render(part)).append(compound ? ")" : "");
        }
        return s.toString();
    }

    static String operator(Condition.Op op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
        };
    }

    private record Target(String field, String path, @Nullable Codec codec) {}

    private Target target(String field) {
        int dot = field.indexOf('.');
        String top = dot < 0 ? field : field.substring(0, dot);
        Property p = model.property(top);
        if (p == null) {
            violations.add(model.unknownField(top, "the condition on '" + field + "'"));
            return new Target(field, scope.name(top), null);
        }
        String path = scope.path(p.attribute(), dot < 0 ? "" : field.substring(dot + 1));
        return new Target(field, path, dot < 0 ? p.codec() : codecs.dynamic());
    }

    private String value(Target t, Object value, boolean element) {
        ItemValue written = convert(t.field, t.codec, value, element, codecs, violations);
        return scope.value(written == null ? new ItemValue.Null() : written);
    }

    /** Converts a value given for a field; adds a violation and returns null if it doesn't fit. */
    static @Nullable ItemValue convert(
            String field,
            @Nullable Codec codec,
            Object value,
            boolean element,
            CodecRegistry codecs,
            List<String> violations) {
        if (codec == null) {
            return null;
        }
        Codec c = codec;
        if (element && codec.element() != null) {
            c = codec.element();
        } else if (element && codec.scalarKind() != 'S' && codec.element() == null) {
            c = codecs.codecForValue(value);
        }
        try {
            ItemValue written = c.write(c.coerce(value));
            if (written == null) {
                violations.add("the value given for '" + field + "' is empty and cannot be stored or compared");
            }
            return written;
        } catch (RuntimeException e) {
            violations.add("the value given for '" + field + "' does not fit its type " + c.describe() + ": "
                    + e.getMessage());
            return null;
        }
    }
}
