package io.restmachine.dynamodb.embedded.table;

import io.restmachine.dynamodb.embedded.stream.StreamCatalog;
import java.util.List;
import java.util.Map;

/**
 * Where every change to the database is recorded before it becomes visible: a write-ahead log for
 * a persistent engine, nothing for an in-memory one. {@link Database} calls it from its single
 * mutation path, under the locks of the change.
 */
public interface MutationLog {
    /** A log that records nothing (in-memory engine). */
    MutationLog NONE = new MutationLog() {
        @Override
        public void items(List<ItemWrite> writes) {}

        @Override
        public void schema(TableDefinition definition) {}

        @Override
        public void tableDeleted(String name) {}

        @Override
        public void tags(TableDefinition table, Map<String, String> tags) {}
    };

    /** Item changes that must be applied together (one write, a batch element, a transaction). */
    void items(List<ItemWrite> writes);

    /**
     * Item changes with the stream records they emit, recorded together so that recovery never
     * has one without the other. The default ignores the records (a log that keeps no streams).
     */
    default void items(List<ItemWrite> writes, List<StreamCatalog.Emitted> records) {
        items(writes);
    }

    /** A table was created or its definition changed. */
    void schema(TableDefinition definition);

    /** A table was deleted with its items. */
    void tableDeleted(String name);

    /** A table's tags are now {@code tags} (TagResource, UntagResource, CreateTable's Tags). */
    void tags(TableDefinition table, Map<String, String> tags);

    /**
     * A table's change in progress (CREATING or UPDATING) with the engine-clock time it is due to
     * complete, so that recovery shows it as it was until then (DELETING needs none: a deleted table
     * is gone from the log at once). The default keeps none: after a restart every table is ACTIVE.
     */
    default void state(TableDefinition table, TableState state) {}
}
