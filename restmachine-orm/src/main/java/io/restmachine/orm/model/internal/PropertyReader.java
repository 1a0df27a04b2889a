package io.restmachine.orm.model.internal;

import static io.restmachine.orm.model.internal.SchemaErrors.schema;

import io.restmachine.orm.Attribute;
import io.restmachine.orm.CreatedAt;
import io.restmachine.orm.Id;
import io.restmachine.orm.Ignore;
import io.restmachine.orm.ItemFormat;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.Ttl;
import io.restmachine.orm.UpdatedAt;
import io.restmachine.orm.Version;
import io.restmachine.orm.convert.internal.Codec;
import io.restmachine.orm.convert.internal.CodecRegistry;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads one field or record component into a {@link Property}: its stored attribute name, its
 * role ({@code @Version}, {@code @CreatedAt}, {@code @UpdatedAt}, {@code @Ttl}) and its codec,
 * rejecting annotations and types that can't work.
 */
final class PropertyReader {
    private static final Set<Class<?>> TIMESTAMP_TYPES =
            Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class, LocalDateTime.class, LocalDate.class);
    private static final Set<Class<?>> VERSION_TYPES = Set.of(int.class, long.class, Integer.class, Long.class);

    private final CodecRegistry codecs;
    private final ItemFormat format;

    PropertyReader(CodecRegistry codecs, ItemFormat format) {
        this.codecs = codecs;
        this.format = format;
    }

    /**
     * The attribute a member is stored under without {@code @Attribute}: its name, or in the Python
     * formats its snake_case form ({@code createdAt} to {@code created_at}, {@code httpURL} to
     * {@code http_url}, {@code line2Text} to {@code line2_text}), as Python models name their fields.
     */
    String defaultAttribute(String name) {
        return format.python() ? snakeCase(name) : name;
    }

    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLowerOrDigit =
                        i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                // The last capital of an acronym starts the next word: "httpURLText" -> "http_url_text".
                boolean endsAcronym = i > 0
                        && Character.isUpperCase(name.charAt(i - 1))
                        && i + 1 < name.length()
                        && Character.isLowerCase(name.charAt(i + 1));
                if ((afterLowerOrDigit || endsAcronym) && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The property of one member of {@code owner}; {@code entity} is false in a nested document,
     * where the role annotations are not allowed.
     */
    Property read(
            Class<?> owner,
            String name,
            Type genericType,
            Class<?> rawType,
            AnnotatedElement annotations,
            Function<Object, Object> getter,
            @Nullable BiConsumer<Object, Object> setter,
            int index,
            boolean entity) {
        String member = "field '" + name + "'";
        boolean ignored = annotations.isAnnotationPresent(Ignore.class);
        Attribute attribute = annotations.getAnnotation(Attribute.class);
        String stored = attribute == null ? defaultAttribute(name) : attribute.value();
        if (stored.isBlank()) {
            throw schema(
                    owner,
                    member,
                    "has a blank @Attribute name",
                    "give the stored attribute name, e.g. @Attribute(\"email_address\")");
        }
        Property.Role role = Property.Role.DATA;
        int roles = 0;
        if (annotations.isAnnotationPresent(Version.class)) {
            role = Property.Role.VERSION;
            roles++;
            if (!VERSION_TYPES.contains(rawType)) {
                throw schema(
                        owner,
                        member,
                        "is @Version but of type " + rawType.getSimpleName(),
                        "declare it long, int, Long or Integer");
            }
        }
        if (annotations.isAnnotationPresent(CreatedAt.class)) {
            role = Property.Role.CREATED_AT;
            roles++;
        }
        if (annotations.isAnnotationPresent(UpdatedAt.class)) {
            role = Property.Role.UPDATED_AT;
            roles++;
        }
        if (annotations.isAnnotationPresent(Ttl.class)) {
            role = Property.Role.TTL;
            roles++;
        }
        if (roles > 1) {
            throw schema(owner, member, "has more than one of @Version, @CreatedAt, @UpdatedAt, @Ttl", "keep one");
        }
        if ((role == Property.Role.CREATED_AT || role == Property.Role.UPDATED_AT)
                && !TIMESTAMP_TYPES.contains(rawType)) {
            throw schema(
                    owner,
                    member,
                    "is a timestamp of type " + rawType.getSimpleName(),
                    "declare it Instant, OffsetDateTime, ZonedDateTime, LocalDateTime or LocalDate");
        }
        if (!entity && role != Property.Role.DATA) {
            throw schema(
                    owner,
                    member,
                    "is annotated @" + role + " in a nested type",
                    "move the annotation to the model's own field");
        }
        Codec codec;
        if (ignored) {
            codec = codecs.dynamic();
        } else if (role == Property.Role.TTL) {
            codec = CodecRegistry.ttl(rawType);
            if (codec == null) {
                throw schema(
                        owner,
                        member,
                        "is @Ttl but of type " + rawType.getSimpleName(),
                        "declare it Instant or long (epoch seconds)");
            }
        } else {
            try {
                codec = codecs.codecFor(genericType);
            } catch (CodecRegistry.UnsupportedType e) {
                throw schema(
                        owner,
                        member,
                        "has type " + genericType.getTypeName() + ", which can't be stored: " + e.getMessage(),
                        e.convertible() == null
                                ? "change its type or mark it @Ignore"
                                : "change its type, mark it @Ignore, or "
                                        + CodecRegistry.registration(e.convertible()));
            } catch (SchemaException e) {
                throw new SchemaException(
                        owner.getName() + ", " + member + ": its type can't be mapped: " + e.getMessage(), e);
            }
        }
        return new Property(
                name,
                stored,
                genericType,
                rawType,
                codec,
                getter,
                setter,
                index,
                annotations.isAnnotationPresent(Id.class),
                role,
                !ignored);
    }
}
