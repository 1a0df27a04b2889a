package io.restmachine.orm.spi;

import io.restmachine.orm.Repository;
import io.restmachine.orm.Transaction;
import java.util.function.Consumer;

/**
 * The core's entry point for a backend: it turns model classes into repositories and transactions
 * over the backend's {@link Store}. A backend creates one {@code Orm} and delegates to it.
 */
public final class Orm {
    private final Store store;
    private final OrmSettings settings;

    private Orm(Store store, OrmSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** An ORM over this store. */
    public static Orm create(Store store, OrmSettings settings) {
        return new Orm(store, settings);
    }

    /**
     * The repository of a model class, created on first use and cached; throws {@code
     * SchemaException} if the class cannot be mapped.
     */
    public <T> Repository<T> repository(Class<T> type) {
        throw new UnsupportedOperationException("not implemented yet (issue 2)");
    }

    /** The schema of a model (entity type, GSIs); validates the model like {@link #repository}. */
    public EntitySchema schema(Class<?> type) {
        throw new UnsupportedOperationException("not implemented yet (issue 2)");
    }

    /** Runs the actions collected by {@code body} as one TransactWriteItems call. */
    public void transaction(Consumer<? super Transaction> body) {
        throw new UnsupportedOperationException("not implemented yet (issue 2)");
    }

    /** The store this ORM writes through. */
    public Store store() {
        return store;
    }

    /** The settings this ORM was created with. */
    public OrmSettings settings() {
        return settings;
    }
}
