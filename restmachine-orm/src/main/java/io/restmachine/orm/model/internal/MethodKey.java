package io.restmachine.orm.model.internal;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A key computed by a no-argument {@code String} method of the model. The fields it reads and its
 * literal prefix are found once, when the model is built, by calling it on probe instances that
 * differ in one field at a time (see {@link KeyProbe}). To compute it from a partial set of fields,
 * the ORM builds an instance holding the given fields (and neutral values elsewhere) and calls the
 * method.
 */
public final class MethodKey implements KeyDef {
    private final Method method;
    private final String role;
    private final MethodHandle handle;
    private final @Nullable Set<String> fields;
    private final String literalPrefix;
    private final List<Property> properties;
    private final Function<Map<String, Object>, Object> partialInstance;
    private final Property[] reads;

    MethodKey(
            Method method,
            String role,
            MethodHandle handle,
            @Nullable Set<String> fields,
            String literalPrefix,
            List<Property> properties,
            Function<Map<String, Object>, Object> partialInstance) {
        this.method = method;
        this.role = role;
        this.handle = handle;
        this.fields = fields == null ? null : Set.copyOf(fields);
        this.literalPrefix = literalPrefix;
        this.properties = properties;
        this.partialInstance = partialInstance;
        List<Property> read = new ArrayList<>();
        for (Property p : properties) {
            if (fields != null && fields.contains(p.name)) {
                read.add(p);
            }
        }
        this.reads = read.toArray(new Property[0]);
    }

    @Override
    public String describe() {
        return role + " method " + method.getName() + "()";
    }

    @Override
    public @Nullable Set<String> fields() {
        return fields;
    }

    @Override
    public String literalPrefix() {
        return literalPrefix;
    }

    /** Calls the method; exceptions propagate. */
    @Nullable
    String invoke(Object instance) {
        return call(handle, instance);
    }

    /** Calls a key method's handle, of type {@code (Object)String}; exceptions propagate. */
    static @Nullable String call(MethodHandle handle, Object instance) {
        try {
            return (String) handle.invokeExact(instance);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public @Nullable String compute(Object instance, @Nullable List<String> violations) {
        boolean ok = true;
        for (Property p : reads) {
            Object v = p.getter.apply(instance);
            if (v == null || "".equals(v)) {
                if (violations == null) {
                    return null;
                }
                violations.add("key field '" + p.name + "' is " + (v == null ? "null" : "empty") + ": the " + describe()
                        + " reads it");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        String key;
        try {
            key = invoke(instance);
        } catch (RuntimeException e) {
            if (violations != null) {
                violations.add("the " + describe() + " failed: " + e);
            }
            return null;
        }
        if (key == null || key.isEmpty()) {
            if (violations != null) {
                violations.add("the " + describe() + " returned " + (key == null ? "null" : "an empty string")
                        + ": keys need a non-empty value");
            }
            return null;
        }
        return key;
    }

    @Override
    public @Nullable String computeFrom(Map<String, Object> values) {
        if (fields != null && !values.keySet().containsAll(fields)) {
            return null;
        }
        String key;
        try {
            key = invoke(partialInstance.apply(values));
        } catch (RuntimeException e) {
            return null;
        }
        if (key == null || key.isEmpty() || (fields == null && key.contains("null"))) {
            return null;
        }
        return key;
    }

    @Override
    public List<String> missing(Set<String> given) {
        List<String> out = new ArrayList<>();
        for (Property p : properties) {
            if ((fields == null || fields.contains(p.name)) && !given.contains(p.name)) {
                out.add(p.name);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return describe();
    }
}
