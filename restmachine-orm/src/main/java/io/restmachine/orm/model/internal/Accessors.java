package io.restmachine.orm.model.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the accessors used on the hot path once per model: getters, setters and constructors as
 * generated lambdas ({@link LambdaMetafactory}) where the JVM allows it, else as method handles.
 * No reflective lookup happens per call.
 */
final class Accessors {
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

    @SuppressWarnings("unchecked")
    static Function<Object, Object> getter(MethodHandles.Lookup lookup, Method method) {
        MethodHandle mh = unreflect(lookup, method);
        try {
            CallSite site = LambdaMetafactory.metafactory(
                    lookup,
                    "apply",
                    MethodType.methodType(Function.class),
                    MethodType.methodType(Object.class, Object.class),
                    mh,
                    MethodType.methodType(wrap(method.getReturnType()), method.getDeclaringClass()));
            return (Function<Object, Object>) site.getTarget().invoke();
        } catch (Throwable notGenerated) {
            return handleGetter(mh);
        }
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

    @SuppressWarnings("unchecked")
    static BiConsumer<Object, Object> setter(MethodHandles.Lookup lookup, Method method) {
        MethodHandle mh = unreflect(lookup, method);
        try {
            CallSite site = LambdaMetafactory.metafactory(
                    lookup,
                    "accept",
                    MethodType.methodType(BiConsumer.class),
                    MethodType.methodType(void.class, Object.class, Object.class),
                    mh,
                    MethodType.methodType(void.class, method.getDeclaringClass(), wrap(method.getParameterTypes()[0])));
            return (BiConsumer<Object, Object>) site.getTarget().invoke();
        } catch (Throwable notGenerated) {
            return handleSetter(mh.asType(MethodType.methodType(void.class, Object.class, Object.class)));
        }
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

    @SuppressWarnings("unchecked")
    static Supplier<Object> constructor(MethodHandles.Lookup lookup, Constructor<?> ctor) {
        MethodHandle mh;
        try {
            mh = lookup.unreflectConstructor(ctor);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + ctor, e);
        }
        try {
            CallSite site = LambdaMetafactory.metafactory(
                    lookup,
                    "get",
                    MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class),
                    mh,
                    MethodType.methodType(ctor.getDeclaringClass()));
            return (Supplier<Object>) site.getTarget().invoke();
        } catch (Throwable notGenerated) {
            MethodHandle generic = mh.asType(MethodType.methodType(Object.class));
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
    }

    /** A constructor taking all components as one {@code Object[]}. */
    static MethodHandle spreadConstructor(MethodHandles.Lookup lookup, Constructor<?> ctor) {
        try {
            MethodHandle mh = lookup.unreflectConstructor(ctor);
            return mh.asSpreader(Object[].class, ctor.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + ctor, e);
        }
    }

    /** A no-argument instance method returning anything, as {@code (Object)Object}. */
    static MethodHandle instanceMethod(MethodHandles.Lookup lookup, Method method) {
        return unreflect(lookup, method).asType(MethodType.methodType(Object.class, Object.class));
    }

    private static MethodHandle unreflect(MethodHandles.Lookup lookup, Method method) {
        try {
            return lookup.unreflect(method);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    static Class<?> wrap(Class<?> c) {
        return MethodType.methodType(c).wrap().returnType();
    }
}
