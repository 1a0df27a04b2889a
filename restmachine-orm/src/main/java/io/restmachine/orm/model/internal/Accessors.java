package io.restmachine.orm.model.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the accessors used on the hot path once per model: getters, setters and constructors as
 * direct method handles, each wrapped in the same small lambda so that the call sites that use them
 * stay monomorphic. No reflective lookup happens per call.
 *
 * <p>Nothing is generated per accessor: a {@code LambdaMetafactory} lambda per getter spins one
 * hidden class each (about a millisecond apiece on a cold JVM), which made building a model cost
 * as much start-up as the Enhanced Client's bean introspection, while the JIT-compiled speed of a
 * handle called through a shared wrapper is the same (see {@code MappingBenchmark}). A record's
 * canonical constructor is called through {@link Constructor#newInstance}, which the JVM itself
 * compiles to a generated accessor once it is hot; spreading an array into a method handle instead
 * costs a few dozen lambda-form classes per model at start-up.
 */
final class Accessors {
    private static final MethodHandle NEW_INSTANCE;

    static {
        try {
            NEW_INSTANCE = MethodHandles.lookup()
                    .findStatic(
                            Accessors.class,
                            "newInstance",
                            MethodType.methodType(Object.class, Constructor.class, Object[].class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Accessors() {}

    static MethodHandles.Lookup lookupIn(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(
                    type.getName()
                            + " is not accessible to restmachine-orm: open its package to module io.restmachine.orm",
                    e);
        }
    }

    static Function<Object, Object> getter(MethodHandles.Lookup lookup, Method method) {
        return handleGetter(unreflect(lookup, method));
    }

    static Function<Object, Object> getter(MethodHandles.Lookup lookup, Field field) {
        try {
            return handleGetter(lookup.unreflectGetter(field));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static Function<Object, Object> handleGetter(MethodHandle mh) {
        MethodHandle generic = mh.asType(MethodType.methodType(Object.class, Object.class));
        return target -> {
            try {
                return generic.invokeExact(target);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }

    static BiConsumer<Object, Object> setter(MethodHandles.Lookup lookup, Method method) {
        return handleSetter(
                unreflect(lookup, method).asType(MethodType.methodType(void.class, Object.class, Object.class)));
    }

    static BiConsumer<Object, Object> setter(MethodHandles.Lookup lookup, Field field) {
        try {
            return handleSetter(lookup.unreflectSetter(field)
                    .asType(MethodType.methodType(void.class, Object.class, Object.class)));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot write " + field, e);
        }
    }

    private static BiConsumer<Object, Object> handleSetter(MethodHandle generic) {
        return (target, value) -> {
            try {
                generic.invokeExact(target, value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }

    static Supplier<Object> constructor(MethodHandles.Lookup lookup, Constructor<?> ctor) {
        MethodHandle generic;
        try {
            generic = lookup.unreflectConstructor(ctor).asType(MethodType.methodType(Object.class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + ctor, e);
        }
        return () -> {
            try {
                return generic.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }

    /** A constructor taking all components as one {@code Object[]}, as {@code (Object[])Object}. */
    static MethodHandle spreadConstructor(MethodHandles.Lookup lookup, Constructor<?> ctor) {
        try {
            ctor.setAccessible(true);
            return NEW_INSTANCE.bindTo(ctor);
        } catch (InaccessibleObjectException | SecurityException notOpen) {
            // Not open to reflection (but maybe to the lookup): spread the array into a handle.
            try {
                return lookup.unreflectConstructor(ctor)
                        .asSpreader(Object[].class, ctor.getParameterCount())
                        .asType(MethodType.methodType(Object.class, Object[].class));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot call " + ctor, e);
            }
        }
    }

    /**
     * A model's method as a handle; a {@link io.restmachine.orm.SchemaException} naming the member
     * when the model's package is not open to restmachine-orm.
     */
    static MethodHandle unreflect(Class<?> owner, MethodHandles.Lookup lookup, Method method, String member) {
        try {
            return lookup.unreflect(method);
        } catch (IllegalAccessException e) {
            throw SchemaErrors.schema(
                    owner,
                    member,
                    "is not accessible: " + e.getMessage(),
                    "open the model's package to restmachine-orm");
        }
    }

    /**
     * Calls a constructor with the exception it throws itself, not wrapped in {@link
     * InvocationTargetException}, so that callers see the same exception as from a direct call.
     */
    private static Object newInstance(Constructor<?> ctor, Object[] args) throws Throwable {
        try {
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static MethodHandle unreflect(MethodHandles.Lookup lookup, Method method) {
        try {
            return lookup.unreflect(method);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }
}
