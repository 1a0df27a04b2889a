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

    /**
     * Replaces an existing item; throws {@link NotFoundException} if there is none, and {@link
     * ConflictException} if it has another {@code @Version} than the entity.
     */
    T save(T entity);

    /**
     * Writes the entity whether or not an item with its key exists, and returns it as stored, in
     * one UpdateItem request: every field of the model is set (fields that are empty are removed),
     * {@code @Version} counts on from the stored item (stored + 1, or 1 when new), and the stored
     * {@code @CreatedAt} is kept; attributes the model does not know are left alone. Someone still
     * holding an older version fails its {@link #save} with {@link ConflictException}, so no update
     * is lost. An item of another entity type under the same key is never overwritten: that throws
     * {@link ConditionFailedException} naming both types.
     *
     * <p>Where a key template reads the {@code @CreatedAt} field (e.g. {@code
     * "TODO#{createdAt}#{todoId}"}), an upsert with that field empty sets it to now and so computes
     * a new key: it writes a new item rather than updating the one created earlier. Pass the
     * stored {@code createdAt} to update that one.
     *
     * <pre>{@code
     * User stored = users.upsert(new User("u1", "a@example.com", "Alice"));
     * }</pre>
     */
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

    /**
     * Deletes by key; returns whether an item existed. A {@code @Version} field in the key (e.g.
     * {@code Key.of("id", "u1").and("version", 3)}) is checked: a stale one throws {@link
     * ConflictException}. An item of another entity type under the key is not deleted: that throws
     * {@link ConditionFailedException} naming both types, as the same delete in a transaction does.
     */
    boolean delete(Key key);

    /** Deletes the given entity (by its key, and its {@code @Version} if it has one). */
    boolean delete(T entity);

    /** Starts a query over this entity type. */
    Query<T> where();

    /** Starts a query with a condition. */
    Query<T> where(Condition condition);

    /**
     * Creates many items; never overwrites. An item whose key already exists is left untouched and
     * reported in {@link BatchResult#duplicates()}; the same key twice in one call writes the first
     * and reports the second as a duplicate; every input ends in exactly one of written,
     * duplicates or failed. Each item is written as {@link #create} writes it ({@code @Version} 1,
     * {@code @CreatedAt} = {@code @UpdatedAt} = now). BatchWriteItem takes no conditions, so the
     * DynamoDB backend sends TransactWriteItems of up to 100 conditional puts, several at a time,
     * resending a chunk cancelled by duplicates without them and retrying throttled or conflicting
     * puts: one request per 100 items, at twice the write capacity of {@code create} (DynamoDB
     * charges 2 write units per KB for an item written in a transaction). On a server without
     * transactions (dynalite) each item is its own conditional PutItem: one request and the write
     * capacity of {@code create} per item. A duplicate costs write capacity too.
     * An invalid item throws {@link ValidationException} listing every violation; nothing is sent.
     */
    BatchResult<T> batchCreate(Collection<? extends T> entities);

    /**
     * Writes many items whether or not they exist: the explicit overwrite. Each item is written as
     * {@link #upsert} writes it, in one UpdateItem per item, many at a time: {@code @Version} counts
     * on from the stored item (stored + 1, or 1 when new), the stored {@code @CreatedAt} is kept,
     * and {@link BatchResult#written()} holds the items as stored. An item of another entity type
     * under a key is not overwritten: that input is in {@link BatchResult#failed()}, with a reason
     * naming both types. The same key twice: the last one is written and the earlier ones share
     * its outcome.
     */
    BatchResult<T> batchUpsert(Collection<? extends T> entities);

    /** Reads many items; in the order asked, missing ones left out. */
    List<T> batchGet(Collection<Key> keys);

    /**
     * Deletes many items with BatchWriteItem (25 keys per request, unprocessed ones retried);
     * unconditional: unlike {@link #delete(Key)} it checks neither version nor entity type.
     */
    BatchResult<Key> batchDelete(Collection<Key> keys);
}
