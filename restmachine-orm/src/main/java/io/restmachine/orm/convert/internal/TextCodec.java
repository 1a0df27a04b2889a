package io.restmachine.orm.convert.internal;

import io.restmachine.orm.spi.ValueFormat;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A type stored as a string ({@code S}): strings, UUIDs, enums, dates, times and durations, each
 * with a format and a parser.
 */
final class TextCodec<T> implements Codec {
    private final Class<?> type;
    private final Function<Object, String> format;
    private final Function<String, Object> parse;
    private final boolean ordered;
    /**
     * Whether the text can hold arbitrary characters (strings, chars, URIs) and must be checked for
     * unpaired surrogates; the other formats (dates, UUIDs, enum names...) write well-formed text.
     */
    private final boolean freeText;
    /** The value as it reads back (times cut to the precision the format keeps). */
    private final UnaryOperator<Object> stored;

    TextCodec(Class<T> type, Function<? super T, String> format, Function<String, ? extends T> parse, boolean ordered) {
        this(type, format, parse, ordered, UnaryOperator.identity());
    }

    @SuppressWarnings("unchecked")
    TextCodec(
            Class<T> type,
            Function<? super T, String> format,
            Function<String, ? extends T> parse,
            boolean ordered,
            UnaryOperator<T> stored) {
        this.type = type;
        this.format = (Function<Object, String>) format;
        this.parse = (Function<String, Object>) parse;
        this.ordered = ordered;
        this.freeText = type == String.class || type == Character.class || type == java.net.URI.class;
        this.stored = (UnaryOperator<Object>) (UnaryOperator<?>) stored;
    }

    @Override
    public Object stored(Object value) {
        return stored.apply(value);
    }

    @Override
    public <V> V write(Object value, ValueFormat<V> to) {
        String text = text(value);
        return to.string(freeText ? wellFormed(text) : text);
    }

    /**
     * The text itself, if it is valid Unicode; DynamoDB strings are UTF-8, and an unpaired
     * surrogate has no UTF-8 form: the SDK would silently store '?' in its place.
     */
    static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return withPairedSurrogates(text, i);
            }
        }
        return text;
    }

    private static String withPairedSurrogates(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format(
                        "the text has an unpaired surrogate \\u%04X at index %d, which is not valid Unicode and has no"
                                + " UTF-8 form; DynamoDB would store it changed. Fix: pass well-formed text",
                        (int) c, i));
            }
        }
        return text;
    }

    @Override
    public <V> Object read(V value, ValueFormat<V> from) {
        String s = from.asString(value);
        if (s == null) {
            throw new IllegalArgumentException(
                    "expected a string (S) for " + describe() + ", found " + from.toItemValue(value));
        }
        return parse(s);
    }

    /** The string form of a value; strings themselves skip the format function. */
    private String text(Object value) {
        return type == String.class ? (String) value : format.apply(value);
    }

    private Object parse(String text) {
        if (type == String.class) {
            return text;
        }
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a valid " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Object coerce(Object value) {
        if (type.isInstance(value)) {
            return value;
        }
        if (value instanceof String s) {
            return parse(s);
        }
        throw new IllegalArgumentException("expected a " + describe() + " (or its string form), got "
                + value.getClass().getName());
    }

    @Override
    public String keyString(Object value) {
        String text = text(value);
        return freeText ? wellFormed(text) : text;
    }

    @Override
    public boolean ordered() {
        return ordered;
    }

    @Override
    public char scalarKind() {
        return 'S';
    }

    @Override
    public boolean keyable() {
        return true;
    }

    @Override
    public String describe() {
        return type.getSimpleName();
    }
}
