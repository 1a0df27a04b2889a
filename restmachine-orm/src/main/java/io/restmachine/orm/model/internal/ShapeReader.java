package io.restmachine.orm.model.internal;

import static io.restmachine.orm.model.internal.SchemaErrors.schema;

import io.restmachine.orm.Ignore;
import io.restmachine.orm.spi.ItemLayout;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Discovers the mapped members of a record (its components and canonical constructor) or of a
 * mutable class (its fields up the superclass chain, their getters and setters, and a no-argument
 * constructor), and checks that their stored attribute names are distinct and, for models, not
 * reserved by the item layout.
 */
final class ShapeReader {
    private final ItemLayout layout;
    private final PropertyReader reader;

    ShapeReader(ItemLayout layout, PropertyReader reader) {
        this.layout = layout;
        this.reader = reader;
    }

    /** The shape of a model ({@code entity}) or of a nested document type. */
    <T> ObjectShape<T> shape(Class<T> type, boolean entity) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isEnum() || type.isArray()) {
            throw schema(type, null, "is not a concrete class", "map a record or a concrete class");
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            throw schema(type, null, "is an inner (non-static) class", "declare it static or at top level");
        }
        MethodHandles.Lookup lookup = Accessors.lookupIn(type);
        List<Property> properties = new ArrayList<>();
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] paramTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent rc = components[i];
                paramTypes[i] = rc.getType();
                Function<Object, Object> getter = Accessors.getter(lookup, rc.getAccessor());
                properties.add(reader.read(
                        type, rc.getName(), rc.getGenericType(), rc.getType(), rc, getter, null, i, entity));
            }
            Constructor<T> ctor;
            try {
                ctor = type.getDeclaredConstructor(paramTypes);
            } catch (NoSuchMethodException e) {
                throw schema(type, null, "has no canonical constructor", "keep the record's canonical constructor");
            }
            checkNames(type, properties, entity);
            return new ObjectShape<>(type, properties, Accessors.spreadConstructor(lookup, ctor), null);
        }
        Constructor<?> ctor = noArgConstructor(type);
        if (ctor == null) {
            throw schema(
                    type,
                    null,
                    "has no no-argument constructor",
                    "add one (it may be private), or make the model a record");
        }
        int index = 0;
        for (Field f : fieldsOf(type)) {
            if (f.isAnnotationPresent(Ignore.class)) {
                continue;
            }
            Method getter = accessor(type, f, true);
            Method setter = accessor(type, f, false);
            if (getter != null && getter.isAnnotationPresent(Ignore.class)) {
                continue;
            }
            if (setter == null && Modifier.isFinal(f.getModifiers())) {
                throw schema(
                        type,
                        "field '" + f.getName() + "'",
                        "is final, so it can't be set when an item is read",
                        "make it non-final, add a setter, mark it @Ignore, or make the model a record");
            }
            Function<Object, Object> get =
                    getter != null ? Accessors.getter(lookup, getter) : Accessors.getter(lookup, f);
            BiConsumer<Object, Object> set =
                    setter != null ? Accessors.setter(lookup, setter) : Accessors.setter(lookup, f);
            AnnotatedElement annotations = new Merged(f, getter);
            properties.add(reader.read(
                    type, f.getName(), f.getGenericType(), f.getType(), annotations, get, set, index++, entity));
        }
        checkNames(type, properties, entity);
        return new ObjectShape<>(type, properties, null, Accessors.constructor(lookup, ctor));
    }

    private void checkNames(Class<?> owner, List<Property> properties, boolean entity) {
        Map<String, String> seen = new HashMap<>();
        for (Property p : properties) {
            if (!p.stored) {
                continue;
            }
            String other = seen.put(p.attribute, p.name);
            if (other != null) {
                throw schema(
                        owner,
                        "field '" + p.name + "'",
                        "is stored under attribute '" + p.attribute + "', like field '" + other + "'",
                        "give one of them another name with @Attribute(\"...\")");
            }
            if (entity && isReserved(p.attribute)) {
                throw schema(
                        owner,
                        "field '" + p.name + "'",
                        "is stored under attribute '" + p.attribute
                                + "', which the item layout reserves for keys and the entity type",
                        "rename the field or store it under another name with @Attribute(\"...\")");
            }
        }
    }

    private boolean isReserved(String attribute) {
        return attribute.equals(layout.partitionKey())
                || attribute.equals(layout.sortKey())
                || attribute.equals(layout.entityType())
                || attribute.startsWith(layout.indexPartitionKeyPrefix())
                || attribute.startsWith(layout.indexSortKeyPrefix());
    }

    private static List<Field> fieldsOf(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<Field> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
                    continue;
                }
                if (!names.add(f.getName())) {
                    throw schema(
                            type,
                            "field '" + f.getName() + "'",
                            "is declared in " + c.getSimpleName() + " and in a superclass",
                            "rename one of them or mark one @Ignore");
                }
                out.add(f);
            }
        }
        return out;
    }

    private static @Nullable Method accessor(Class<?> type, Field f, boolean getter) {
        String cap = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
                    continue;
                }
                if (getter) {
                    boolean named = m.getName().equals("get" + cap)
                            || (m.getName().equals("is" + cap)
                                    && (f.getType() == boolean.class || f.getType() == Boolean.class));
                    if (named && m.getParameterCount() == 0 && m.getReturnType() == f.getType()) {
                        return m;
                    }
                } else if (m.getName().equals("set" + cap)
                        && m.getParameterCount() == 1
                        && m.getParameterTypes()[0] == f.getType()) {
                    return m;
                }
            }
        }
        return null;
    }

    static @Nullable Constructor<?> noArgConstructor(Class<?> type) {
        try {
            return type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Annotations of a field and its getter, seen as one element. */
    private static final class Merged implements AnnotatedElement {
        private final Field field;
        private final @Nullable Method getter;

        Merged(Field field, @Nullable Method getter) {
            this.field = field;
            this.getter = getter;
        }

        @Override
        public <A extends Annotation> @Nullable A getAnnotation(Class<A> annotationClass) {
            A a = field.getAnnotation(annotationClass);
            return a != null || getter == null ? a : getter.getAnnotation(annotationClass);
        }

        @Override
        public Annotation[] getAnnotations() {
            return field.getAnnotations();
        }

        @Override
        public Annotation[] getDeclaredAnnotations() {
            return field.getDeclaredAnnotations();
        }
    }
}
