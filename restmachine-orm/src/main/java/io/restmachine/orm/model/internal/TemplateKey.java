package io.restmachine.orm.model.internal;

import io.restmachine.orm.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A key template such as {@code "TODO#{createdAt}#{todoId}"}: literal text and fields, each
 * rendered in its key string form. Knows the fields it reads and its literal prefix.
 *
 * <p>The separator after a field is the literal text up to the next field ({@code #} in {@code
 * {a}#{b}}, {@code #x#} in {@code {a}#x#{b}}). A value containing the separator that follows its
 * field is rejected with a violation naming the field, so that two different items never compute
 * the same key ({@code ("a#b", "c")} and {@code ("a", "b#c")} would both give {@code a#b#c}).
 */
public final class TemplateKey implements KeyDef {
    private final String source;
    private final String role;
    private final List<Object> segments;
    /** The segments as an array, for the loop that runs on every write. */
    private final Object[] parts;
    /** The literal length, to size the key's builder once. */
    private final int literalLength;

    private final Set<String> fields;
    private final String literalPrefix;
    /** For each segment that is a field followed by more of the key, the separator after it; else null. */
    private final @Nullable String[] separators;

    TemplateKey(String source, String role, List<Object> segments) {
        this.source = source;
        this.role = role;
        this.segments = List.copyOf(segments);
        this.parts = segments.toArray();
        int literals = 0;
        for (Object s : segments) {
            literals += s instanceof String text ? text.length() : 0;
        }
        this.literalLength = literals;
        Set<String> names = new LinkedHashSet<>();
        StringBuilder prefix = new StringBuilder();
        boolean inPrefix = true;
        for (Object s : segments) {
            if (s instanceof Property p) {
                names.add(p.name);
                inPrefix = false;
            } else if (inPrefix) {
                prefix.append((String) s);
            }
        }
        this.fields = Collections.unmodifiableSet(names);
        this.literalPrefix = prefix.toString();
        this.separators = separators(this.segments);
    }

    /** The separator after each field that more fields follow (see the class comment). */
    private static @Nullable String[] separators(List<Object> segments) {
        String[] out = new String[segments.size()];
        for (int i = 0; i + 2 < segments.size(); i++) {
            if (segments.get(i) instanceof Property && segments.get(i + 1) instanceof String sep) {
                for (int j = i + 2; j < segments.size(); j++) {
                    if (segments.get(j) instanceof Property) {
                        out[i] = sep;
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** The separator after field segment {@code i}, or null if no field follows it. */
    @Nullable
    String separatorAfter(int i) {
        return separators[i];
    }

    /** The index of the first field directly followed by another field, or -1. */
    int adjacentFields() {
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i) instanceof Property && segments.get(i + 1) instanceof Property) {
                return i;
            }
        }
        return -1;
    }

    private @Nullable String separatorViolation(int i, Property p, String text) {
        String sep = separators[i];
        if (sep == null || !text.contains(sep)) {
            return null;
        }
        return "key field '" + p.name + "' is \"" + text + "\", which contains \"" + sep
                + "\", the separator that follows it in the " + describe()
                + ": two different items could get the same key; use a value without \"" + sep
                + "\" or change the template's separator";
    }

    /**
     * Parses a template; {@code resolve} turns a field name into its property or throws a schema
     * error.
     */
    static List<Object> parse(String template, java.util.function.Function<String, Property> resolve) {
        List<Object> segments = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = template.indexOf('}', i);
            if (close >= 0 && (open < 0 || close < open)) {
                throw new IllegalArgumentException("has a '}' without a matching '{' at position " + close);
            }
            if (open < 0) {
                segments.add(template.substring(i));
                break;
            }
            if (open > i) {
                segments.add(template.substring(i, open));
            }
            if (close < 0) {
                throw new IllegalArgumentException("has a '{' without a closing '}' at position " + open);
            }
            String name = template.substring(open + 1, close).trim();
            if (name.isEmpty() || name.indexOf('{') >= 0) {
                throw new IllegalArgumentException("has an empty or nested field reference at position " + open);
            }
            segments.add(resolve.apply(name));
            i = close + 1;
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        return segments;
    }

    /** The template text. */
    public String source() {
        return source;
    }

    /** Literal strings and {@link Property} references, in order. */
    public List<Object> segments() {
        return segments;
    }

    @Override
    public String describe() {
        return role + " template '" + source + "'";
    }

    @Override
    public Set<String> fields() {
        return fields;
    }

    @Override
    public String literalPrefix() {
        return literalPrefix;
    }

    @Override
    public @Nullable String compute(Object instance, @Nullable List<String> violations) {
        if (parts.length == 2 && parts[0] instanceof String prefix && parts[1] instanceof Property p) {
            // The usual form, "ORDER#{id}": one exactly sized string, no builder.
            String text = fieldText(1, p, instance, violations);
            return text == null ? null : prefix.concat(text);
        }
        StringBuilder out = new StringBuilder(literalLength + 16 * fields.size());
        boolean ok = true;
        for (int i = 0; i < parts.length; i++) {
            Object s = parts[i];
            if (s instanceof Property p) {
                String text = fieldText(i, p, instance, violations);
                if (text == null) {
                    if (violations == null) {
                        return null;
                    }
                    ok = false;
                } else {
                    out.append(text);
                }
            } else {
                out.append((String) s);
            }
        }
        return ok ? out.toString() : null;
    }

    /**
     * The key text of field segment {@code i} of an instance, or null when the field is null, empty
     * or can't be in this key; then a violation saying why is added, unless {@code violations} is
     * null (the caller only needs to know that the key can't be computed).
     */
    private @Nullable String fieldText(int i, Property p, Object instance, @Nullable List<String> violations) {
        Object v = p.getter.apply(instance);
        if (v == null) {
            if (violations != null) {
                violations.add("key field '" + p.name + "' is null: the " + describe() + " needs it");
            }
            return null;
        }
        String text = render(p, v, violations);
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            if (violations != null) {
                violations.add("key field '" + p.name + "' is empty: the " + describe() + " needs a value");
            }
            return null;
        }
        String violation = separatorViolation(i, p, text);
        if (violation != null) {
            if (violations != null) {
                violations.add(violation);
            }
            return null;
        }
        return text;
    }

    private @Nullable String render(Property p, Object v, @Nullable List<String> violations) {
        try {
            return p.codec.keyString(v);
        } catch (RuntimeException e) {
            if (violations != null) {
                violations.add("key field '" + p.name + "': " + e.getMessage());
            }
            return null;
        }
    }

    @Override
    public @Nullable String computeFrom(Map<String, Object> values) {
        StringBuilder out = new StringBuilder(32);
        for (int i = 0; i < segments.size(); i++) {
            Object s = segments.get(i);
            if (s instanceof Property p) {
                Object v = values.get(p.name);
                if (v == null) {
                    return null;
                }
                String text = p.codec.keyString(v);
                String violation = separatorViolation(i, p, text);
                if (violation != null) {
                    // A read by such a key would find another item: the one whose fields split differently.
                    throw new ValidationException(violation);
                }
                out.append(text);
            } else {
                out.append((String) s);
            }
        }
        return out.toString();
    }

    @Override
    public List<String> missing(Set<String> given) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            if (!given.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return describe();
    }
}
