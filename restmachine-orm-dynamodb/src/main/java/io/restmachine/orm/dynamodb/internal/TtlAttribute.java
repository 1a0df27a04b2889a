package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.Attribute;
import io.restmachine.orm.Ttl;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Finds the stored name of a model's {@code @Ttl} attribute, for enabling DynamoDB's time to live
 * when the table is created. Only table creation uses this; reading and writing items is done by
 * the core's model metadata.
 */
final class TtlAttribute {
    private TtlAttribute() {}

    /** The stored name of the {@code @Ttl} field, property or record component of {@code model}, if any. */
    static Optional<String> of(Class<?> model) {
        for (Class<?> type = model; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Ttl.class)) {
                    return Optional.of(stored(field.getAnnotation(Attribute.class), field.getName()));
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Ttl.class) && method.getParameterCount() == 0) {
                    return Optional.of(stored(method.getAnnotation(Attribute.class), property(method.getName())));
                }
            }
        }
        return Optional.empty();
    }

    private static String stored(Attribute attribute, String name) {
        return attribute == null ? name : attribute.value();
    }

    private static String property(String method) {
        for (String prefix : new String[] {"get", "is"}) {
            if (method.length() > prefix.length()
                    && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                return Character.toLowerCase(method.charAt(prefix.length())) + method.substring(prefix.length() + 1);
            }
        }
        return method;
    }
}
