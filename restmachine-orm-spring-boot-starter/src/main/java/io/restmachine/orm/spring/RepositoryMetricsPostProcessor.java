package io.restmachine.orm.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.restmachine.orm.ConditionFailedException;
import io.restmachine.orm.ConflictException;
import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.InvalidCursorException;
import io.restmachine.orm.NotFoundException;
import io.restmachine.orm.Query;
import io.restmachine.orm.Repository;
import io.restmachine.orm.TransactionCanceledException;
import io.restmachine.orm.ValidationException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Times every call of every {@link Repository} bean, and of the queries it starts, as the
 * Micrometer timer {@code restmachine.orm.requests} tagged by {@code operation} ({@code create},
 * {@code get}, {@code query.list}, ...), {@code entity} (the model's simple name), {@code outcome}
 * ({@code success}, {@code not_found}, {@code duplicate}, {@code conflict}, {@code condition_failed},
 * {@code invalid}, {@code canceled}, {@code error}) and {@code exception} (the exception's simple
 * class name, or {@code none}).
 *
 * <p>The bean is replaced by a proxy implementing the same interfaces; it is a plain delegation, no
 * second code path. Not timed: methods that send nothing ({@code type}, {@code explain}, the query
 * builder methods) and {@code Query.stream()}, which is lazy (its pages are read while the caller
 * consumes it).
 */
final class RepositoryMetricsPostProcessor implements BeanPostProcessor {
    private static final String TIMER = "restmachine.orm.requests";
    private static final Set<String> UNTIMED = Set.of("type", "explain", "stream", "toString", "hashCode", "equals");

    private final Supplier<@Nullable MeterRegistry> registry;

    RepositoryMetricsPostProcessor(Supplier<@Nullable MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Repository<?> repository && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(bean, Repository.class, "", repository.type().getSimpleName());
        }
        return bean;
    }

    private Object proxy(Object target, Class<?> face, String prefix, String entity) {
        Class<?>[] interfaces = interfacesOf(target.getClass(), face);
        return Proxy.newProxyInstance(face.getClassLoader(), interfaces, new Timed(target, prefix, entity));
    }

    private static Class<?>[] interfacesOf(Class<?> type, Class<?> face) {
        java.util.LinkedHashSet<Class<?>> all = new java.util.LinkedHashSet<>();
        all.add(face);
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (java.lang.reflect.Modifier.isPublic(i.getModifiers())) {
                    all.add(i);
                }
            }
        }
        return all.toArray(Class<?>[]::new);
    }

    /** The outcome tag of a failed call. */
    static String outcome(Throwable failure) {
        if (failure instanceof NotFoundException) return "not_found";
        if (failure instanceof DuplicateKeyException) return "duplicate";
        if (failure instanceof ConflictException) return "conflict";
        if (failure instanceof ConditionFailedException) return "condition_failed";
        if (failure instanceof ValidationException || failure instanceof InvalidCursorException) return "invalid";
        if (failure instanceof TransactionCanceledException) return "canceled";
        return "error";
    }

    private final class Timed implements InvocationHandler {
        private final Object target;
        private final String prefix;
        private final String entity;

        Timed(Object target, String prefix, String entity) {
            this.target = target;
            this.prefix = prefix;
            this.entity = entity;
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args);
            }
            boolean buildsQuery = Query.class.isAssignableFrom(method.getReturnType());
            MeterRegistry meters = registry.get();
            if (meters == null || buildsQuery || UNTIMED.contains(method.getName())) {
                Object result = call(method, args);
                return buildsQuery && result != null ? proxy(result, Query.class, "query.", entity) : result;
            }
            long start = System.nanoTime();
            String outcome = "success";
            String exception = "none";
            try {
                return call(method, args);
            } catch (RuntimeException | Error e) {
                outcome = outcome(e);
                exception = e.getClass().getSimpleName();
                throw e;
            } finally {
                Timer.builder(TIMER)
                        .description("Calls of restmachine-orm repositories and their queries")
                        .tag("operation", prefix + method.getName())
                        .tag("entity", entity)
                        .tag("outcome", outcome)
                        .tag("exception", exception)
                        .register(meters)
                        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }

        private @Nullable Object call(Method method, Object @Nullable [] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private Object objectMethod(Object proxy, Method method, Object @Nullable [] args) {
            return switch (method.getName()) {
                case "equals" -> args != null && proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> target.toString();
            };
        }
    }
}
