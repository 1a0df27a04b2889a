package io.restmachine.orm.model.internal;

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
 */
public final class TemplateKey implements KeyDef {
    private final String source;
    private final String role;
    private final List<Object> segments;
    private final Set<String> fields;
    private final String literalPrefix;

    TemplateKey(String source, String role, List<Object> segments) {
        this.source = source;
        this.role = role;
        this.segments = List.copyOf(segments);
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
    public @Nullable String compute(Object instance, List<String> violations) {
        StringBuilder out = new StringBuilder(32);
        boolean ok = true;
        for (Object s : segments) {
            if (s instanceof Property p) {
                Object v = p.getter.apply(instance);
                String text = v == null ? null : render(p, v, violations);
                if (text == null) {
                    if (v == null) {
                        violations.add("key field '" + p.name + "' is null: the " + describe() + " needs it");
                    }
                    ok = false;
                } else if (text.isEmpty()) {
                    violations.add("key field '" + p.name + "' is empty: the " + describe() + " needs a value");
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

    private @Nullable String render(Property p, Object v, List<String> violations) {
        try {
            return p.codec.keyString(v);
        } catch (RuntimeException e) {
            violations.add("key field '" + p.name + "': " + e.getMessage());
            return null;
        }
    }

    @Override
    public @Nullable String computeFrom(Map<String, Object> values) {
        StringBuilder out = new StringBuilder(32);
        for (Object s : segments) {
            if (s instanceof Property p) {
                Object v = values.get(p.name);
                if (v == null) {
                    return null;
                }
                out.append(p.codec.keyString(v));
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
