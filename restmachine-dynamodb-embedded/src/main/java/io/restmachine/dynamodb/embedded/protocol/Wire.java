package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.CharBuffer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How decoded request values read as text: {@link #text} as a scalar's text, {@link #shown} as
 * DynamoDB shows a value in a validation message ({@link ModelText}), {@link #json} as compact
 * JSON; and
 * {@link #capped}, the bound on what any error message echoes.
 */
final class Wire {
    private static final JsonFactory JSON = new JsonFactory();

    /** The most characters of a request value a message shows; longer ones end in {@link #CUT}. */
    static final int MAX_SHOWN = 4 * 1024;

    /** The most characters of any error message (a message echoing more is cut to this). */
    static final int MAX_MESSAGE = 8 * 1024;

    static final String CUT = "...";

    private Wire() {}

    /** The text of a scalar ({@code "null"} for null, JSON for containers). */
    static String text(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        return "";
    }

    /** {@link #shown(Object, Shape)} of a value read without a shape (a plain list, map or scalar). */
    static String shown(@Nullable Object value) {
        return shown(value, null);
    }

    /**
     * How DynamoDB shows a value of {@code shape} in a validation message ({@link ModelText}: its
     * Java model's text), cut after {@link #MAX_SHOWN} characters (the whole value is never
     * rendered: a 16 MB request costs no more to refuse than a small one).
     */
    static String shown(@Nullable Object value, @Nullable Shape shape) {
        StringBuilder text = new StringBuilder();
        try {
            ModelText.write(value, shape, new Capped(text, MAX_SHOWN));
        } catch (Capped.Full full) {
            return text + CUT;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** {@code message}, cut after {@link #MAX_MESSAGE} characters. */
    static String capped(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + CUT;
    }

    /** Appends to a StringBuilder up to a limit, then refuses (ending the rendering early). */
    private static final class Capped extends Writer {
        private final StringBuilder text;
        private final int limit;

        Capped(StringBuilder text, int limit) {
            this.text = text;
            this.limit = limit;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws Full {
            keep(CharBuffer.wrap(chars), offset, length);
        }

        @Override
        public void write(String chars, int offset, int length) throws Full {
            keep(chars, offset, length);
        }

        private void keep(CharSequence chars, int offset, int length) throws Full {
            int room = limit - text.length();
            text.append(chars, offset, offset + Math.min(room, length));
            if (length > room) {
                throw new Full();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        /** The limit was reached. */
        static final class Full extends IOException {
            Full() {
                super("the shown value reached its limit");
            }

            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        }
    }

    /** Compact JSON of a decoded value. */
    static String json(@Nullable Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, @Nullable Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Long l) {
            out.writeNumber(l);
        } else if (value instanceof BigInteger b) {
            out.writeNumber(b);
        } else if (value instanceof Double d) {
            out.writeNumber(d);
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object child : list) {
                write(out, child);
            }
            out.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName((String) entry.getKey());
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Fields fields) {
            write(out, fields.values());
        } else if (value instanceof RawAttribute attribute) {
            out.writeStartObject();
            for (int slot = 0; slot < RawAttribute.TYPES.size(); slot++) {
                Object member = attribute.member(slot);
                if (member != null) {
                    out.writeFieldName(RawAttribute.TYPES.get(slot));
                    write(out, member);
                }
            }
            out.writeEndObject();
        }
    }
}
