package io.restmachine.orm.query.internal;

import io.restmachine.orm.Condition;
import io.restmachine.orm.Page;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Query;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.Property;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A query that reads into a view record: the query of the model with a projection on the fields
 * the record's components name, each result copied into a new record. The record is not a model,
 * so nothing read this way can be saved back over the full item.
 *
 * @param <T> the model type
 * @param <R> the view record
 */
final class ViewQuery<T, R extends Record> implements Query<R> {
    private final Query<T> query;
    private final View<T, R> view;

    private ViewQuery(Query<T> query, View<T, R> view) {
        this.query = query;
        this.view = view;
    }

    /** The query reading {@code viewType} from the model's items; {@link SchemaException} if it can't. */
    static <T, R extends Record> Query<R> of(Query<T> query, EntityModel<T> model, Class<R> viewType) {
        View<T, R> view = View.of(model, viewType);
        return new ViewQuery<>(query.select(view.fields().toArray(new String[0])), view);
    }

    /** How a model instance holding the selected fields becomes a view record. */
    record View<T, R extends Record>(Class<R> type, List<Property> properties, MethodHandle constructor) {

        static <T, R extends Record> View<T, R> of(EntityModel<T> model, Class<R> type) {
            if (type == null || !type.isRecord()) {
                throw new SchemaException("select(" + (type == null ? "null" : type.getName() + ".class")
                        + ") needs a record whose components name fields of "
                        + model.type().getSimpleName()
                        + ", e.g. record Summary(String title, Instant createdAt) {}");
            }
            RecordComponent[] components = type.getRecordComponents();
            List<Property> properties = new ArrayList<>(components.length);
            List<String> problems = new ArrayList<>();
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                parameterTypes[i] = c.getType();
                Property p = model.property(c.getName());
                if (p == null) {
                    problems.add(model.unknownField(c.getName(), "view " + type.getSimpleName()));
                } else if (!box(c.getType()).isAssignableFrom(box(p.rawType()))) {
                    problems.add("component '" + c.getName() + "' of " + type.getSimpleName() + " is "
                            + c.getType().getSimpleName() + " but field '" + p.name() + "' of "
                            + model.type().getSimpleName() + " is "
                            + p.rawType().getSimpleName()
                            + ": give it the field's type");
                } else {
                    properties.add(p);
                }
            }
            if (components.length == 0) {
                problems.add("view " + type.getSimpleName() + " has no components: name the fields to read");
            }
            if (!problems.isEmpty()) {
                throw new SchemaException("select(" + type.getSimpleName() + ".class) can't read "
                        + model.type().getSimpleName() + ": " + String.join("; ", problems));
            }
            MethodHandle constructor;
            try {
                constructor = MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                        .findConstructor(type, MethodType.methodType(void.class, parameterTypes))
                        .asSpreader(Object[].class, parameterTypes.length);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new SchemaException(
                        "select(" + type.getSimpleName() + ".class): can't use the canonical constructor of "
                                + type.getName() + " (" + e.getMessage() + "); open its package to the ORM",
                        e);
            }
            return new View<>(type, List.copyOf(properties), constructor);
        }

        List<String> fields() {
            List<String> out = new ArrayList<>(properties.size());
            for (Property p : properties) {
                out.add(p.name());
            }
            return out;
        }

        R read(T instance) {
            Object[] values = new Object[properties.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = properties.get(i).get(instance);
            }
            try {
                return type.cast(constructor.invoke(values));
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("the constructor of " + type.getName() + " failed: " + t, t);
            }
        }

        private static Class<?> box(Class<?> c) {
            return c.isPrimitive() ? MethodType.methodType(c).wrap().returnType() : c;
        }
    }

    private Query<R> with(Query<T> next) {
        return new ViewQuery<>(next, view);
    }

    @Override
    public Query<R> eq(String field, Object value) {
        return with(query.eq(field, value));
    }

    @Override
    public Query<R> ne(String field, Object value) {
        return with(query.ne(field, value));
    }

    @Override
    public Query<R> gt(String field, Object value) {
        return with(query.gt(field, value));
    }

    @Override
    public Query<R> gte(String field, Object value) {
        return with(query.gte(field, value));
    }

    @Override
    public Query<R> lt(String field, Object value) {
        return with(query.lt(field, value));
    }

    @Override
    public Query<R> lte(String field, Object value) {
        return with(query.lte(field, value));
    }

    @Override
    public Query<R> between(String field, Object low, Object high) {
        return with(query.between(field, low, high));
    }

    @Override
    public Query<R> in(String field, Collection<?> values) {
        return with(query.in(field, values));
    }

    @Override
    public Query<R> beginsWith(String field, String prefix) {
        return with(query.beginsWith(field, prefix));
    }

    @Override
    public Query<R> contains(String field, Object value) {
        return with(query.contains(field, value));
    }

    @Override
    public Query<R> exists(String field) {
        return with(query.exists(field));
    }

    @Override
    public Query<R> notExists(String field) {
        return with(query.notExists(field));
    }

    @Override
    public Query<R> where(Condition condition) {
        return with(query.where(condition));
    }

    @Override
    public Query<R> index(String indexName) {
        return with(query.index(indexName));
    }

    @Override
    public Query<R> limit(int limit) {
        return with(query.limit(limit));
    }

    @Override
    public Query<R> cursor(@Nullable String cursor) {
        return with(query.cursor(cursor));
    }

    @Override
    public Query<R> descending() {
        return with(query.descending());
    }

    /** The view's components decide what is read: a second select is a mistake. */
    @Override
    public Query<R> select(String... fields) {
        throw new IllegalStateException(
                "this query already reads into " + view.type().getSimpleName()
                        + ", whose components name the fields it reads; add a component instead of select(...)");
    }

    @Override
    public <V extends Record> Query<V> select(Class<V> viewType) {
        throw new IllegalStateException(
                "this query already reads into " + view.type().getSimpleName() + "; call select("
                        + (viewType == null ? "..." : viewType.getSimpleName()) + ".class) on the model's query");
    }

    @Override
    public Query<R> consistentRead() {
        return with(query.consistentRead());
    }

    @Override
    public Page<R> paginate() {
        Page<T> page = query.paginate();
        return new Page<>(page.items().stream().map(view::read).toList(), page.cursor());
    }

    @Override
    public List<R> list() {
        return query.list().stream().map(view::read).toList();
    }

    @Override
    public Stream<R> stream() {
        return query.stream().map(view::read);
    }

    @Override
    public Optional<R> first() {
        return query.first().map(view::read);
    }

    @Override
    public Optional<R> last() {
        return query.last().map(view::read);
    }

    @Override
    public long count() {
        return query.count();
    }

    @Override
    public boolean exists() {
        return query.exists();
    }

    @Override
    public Plan explain() {
        return query.explain();
    }
}
