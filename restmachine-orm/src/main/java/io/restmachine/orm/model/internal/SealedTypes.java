package io.restmachine.orm.model.internal;

import io.restmachine.orm.SchemaException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The concrete types of a sealed hierarchy: every permitted record or class, depth first in {@code
 * permits} order, through nested sealed interfaces and classes. A concrete sealed class is a model
 * too (its own instances are stored). Anything that leaves the hierarchy open fails with {@link
 * SchemaException} naming the type.
 */
final class SealedTypes {
    private SealedTypes() {}

    /** Whether a type is the root of a hierarchy a polymorphic repository maps. */
    static boolean isSealedRoot(Class<?> type) {
        return type.isSealed() && (type.isInterface() || Modifier.isAbstract(type.getModifiers()));
    }

    static List<Class<?>> concreteTypes(Class<?> root) {
        List<Class<?>> out = new ArrayList<>();
        collect(root, root, out);
        return out;
    }

    private static void collect(Class<?> root, Class<?> type, List<Class<?>> out) {
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && !out.contains(type)) {
            out.add(type);
        }
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted == null) {
            return;
        }
        for (Class<?> sub : permitted) {
            if (!sub.isSealed() && !Modifier.isFinal(sub.getModifiers()) && !sub.isRecord() && !sub.isEnum()) {
                throw new SchemaException(root.getName() + ": the permitted type " + sub.getName()
                        + " is non-sealed, so its subtypes can't be known and their items could not be read back."
                        + " Fix: make " + sub.getSimpleName() + " sealed (listing its subtypes) or final.");
            }
            if (sub.isEnum()) {
                throw new SchemaException(root.getName() + ": the permitted type " + sub.getName()
                        + " is an enum, which is not a model. Fix: permit records or classes only.");
            }
            collect(root, sub, out);
        }
    }
}
