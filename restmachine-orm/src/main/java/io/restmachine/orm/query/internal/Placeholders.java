package io.restmachine.orm.query.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.Expr;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hands out {@code #name} and {@code :value} placeholders for the expressions of one request, so
 * that no attribute name or value ever appears in expression text. An attribute gets the same
 * placeholder in every expression of the request ({@code #pk}, {@code #email}, or {@code #n1}
 * for names that are not plain identifiers); values get {@code :v0}, {@code :v1}, ... Each {@link
 * Scope} collects what one expression uses.
 */
public final class Placeholders {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,40}");

    private final Map<String, String> byAttribute = new HashMap<>();
    private final Map<String, String> byPlaceholder = new HashMap<>();
    private int values;
    private int names;

    /** Starts collecting the placeholders of one expression. */
    public Scope scope() {
        return new Scope();
    }

    private String nameFor(String attribute, String preferred) {
        String known = byAttribute.get(attribute);
        if (known != null) {
            return known;
        }
        String ph = preferred;
        if (ph == null || byPlaceholder.containsKey(ph)) {
            ph = IDENTIFIER.matcher(attribute).matches() ? "#" + attribute : null;
        }
        while (ph == null || byPlaceholder.containsKey(ph)) {
            ph = "#n" + names++;
        }
        byAttribute.put(attribute, ph);
        byPlaceholder.put(ph, attribute);
        return ph;
    }

    /** The placeholders of one expression. */
    public final class Scope {
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, ItemValue> values = new LinkedHashMap<>();

        private Scope() {}

        /** The placeholder of an attribute name. */
        public String name(String attribute) {
            String ph = nameFor(attribute, null);
            names.put(ph, attribute);
            return ph;
        }

        /** The placeholder of an attribute name, preferring {@code preferred} (e.g. {@code #et}). */
        public String name(String attribute, String preferred) {
            String ph = nameFor(attribute, preferred);
            names.put(ph, attribute);
            return ph;
        }

        /** A dotted document path ({@code address.city}) as placeholders ({@code #address.#city}). */
        public String path(String topAttribute, String rest) {
            StringBuilder out = new StringBuilder(name(topAttribute));
            if (!rest.isEmpty()) {
                for (String part : rest.split("\\.", -1)) {
                    out.append('.').append(name(part));
                }
            }
            return out.toString();
        }

        /** A new value placeholder. */
        public String value(ItemValue value) {
            String ph = ":v" + Placeholders.this.values++;
            values.put(ph, value);
            return ph;
        }

        /** A value placeholder with a chosen name (e.g. {@code :et}); the caller keeps names unique. */
        public String value(String placeholder, ItemValue value) {
            values.put(placeholder, value);
            return placeholder;
        }

        /** The expression with the placeholders this scope used. */
        public Expr expr(String text) {
            return new Expr(text, names, values);
        }
    }
}
