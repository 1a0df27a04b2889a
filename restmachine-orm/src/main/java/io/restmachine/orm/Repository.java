package io.restmachine.orm;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads and writes one model type. Obtain one from a backend, e.g. {@code
 * backend.repository(User.class)}; repositories are thread-safe and cheap to keep.
 *
 * <pre>{@code
 * User alice = users.create(new User("user-123", "alice@example.com", "Alice"));
 * Optional<User> found = users.get("user-123");
 * }</pre>
 *
 * <p>Every read returns only items of this repository's entity type, even in a table shared by
 * many types.
 *
 * <p>The repository of a sealed interface or abstract class maps every concrete type it permits
 * (each with its own entity type): reads return each item as its own type, writes take any of
 * them, and a query sends one DynamoDB Query per distinct partition key the types compute.
 *
 * <pre>{@code
 * Repository<Vehicle> fleet = backend.repository(Vehicle.class);   // sealed: Car, Truck
 * List<Vehicle> all = fleet.where().eq("fleetId", "f1").list();      // Car and Truck instances
 * }</pre>
 *
 * @param <T> the model type
 */
public interface Repository<T> {

    /** The model class this repository maps (for a polymorphic repository, the sealed type). */
    Class<T> type();

    /** Stores a new item; throws {@link DuplicateKeyException} if one with the same key exists. */
    T create(T entity);

    /** Reads by the single {@code @Id} field; throws {@link ValidationException} if the model has not exactly one. */
    Optional<T> get(Object id);

    /** Reads by the fields the keys are computed from. */
    Optional<T> get(Key key);

    /** Replaces an existing item; throws {@link NotFoundException} if there is none. */
    T save(T entity);

    /** Puts the item, replacing any with the same key. */
    T upsert(T entity);

    /**
     * Applies a partial update in one request and returns the item as stored afterwards; throws
     * {@link NotFoundException} if there is no item with this key.
     *
     * <pre>{@code
     * users.update(Key.of("id", "u1"), u -> u.set("name", "Bob").add("logins", 1).remove("nickname"));
     * }</pre>
     */
    T update(Key key, UnaryOperator<Update> changes);

    /** Deletes by key; returns whether an item existed. */
    boolean delete(Key key);

    /** Deletes the given entity (by its key, and its {@code @Version} if it has one). */
    boolean delete(T entity);

    /** Starts a query over this entity type. */
    Query<T> where();

    /** Starts a query with a condition. */
    Query<T> where(Condition condition);

    /** Writes many items with BatchWriteItem (puts, overwriting); nothing is silently lost. */
    BatchResult<T> batchCreate(Collection<? extends T> entities);

    /** Reads many items; in the order asked, missing ones left out. */
    List<T> batchGet(Collection<Key> keys);

    /** Deletes many items with BatchWriteItem. */
    BatchResult<Key> batchDelete(Collection<Key> keys);
}
