package io.restmachine.dynamodb.embedded.persistence;

import io.restmachine.dynamodb.embedded.stream.ChangeRecord;
import io.restmachine.dynamodb.embedded.stream.ChangeStream;
import io.restmachine.dynamodb.embedded.stream.StreamCatalog;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.table.TableState;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The content of one record of the log or of a snapshot. Item changes carry full after-images, so
 * replaying a record twice, or over a snapshot that already holds its effect, changes nothing.
 * Every record names the table by name and identity ({@link TableDefinition#tableId()}), so a
 * change to a table that was since deleted never lands in a new table of the same name.
 */
sealed interface LogRecord {
    int ITEMS = 1;
    int SCHEMA = 2;
    int TABLE_DELETED = 3;
    int SNAPSHOT_END = 4;
    int STREAM = 5;
    int TAGS = 6;
    int STATE = 7;

    /** The payload bytes of this record (type byte first). */
    byte[] encode();

    /** One item's new state: {@code after} null means deleted. */
    record Change(
            String table,
            String tableId,
            DynamoValue partition,
            @Nullable DynamoValue sort,
            @Nullable Map<String, DynamoValue> after) {
        public Change {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(tableId, "tableId");
            Objects.requireNonNull(partition, "partition");
        }
    }

    /**
     * Item changes applied together: one write, a batch element or a whole transaction, with the
     * stream records they emitted (written after the changes, only when there are some).
     */
    record Items(List<Change> changes, List<StreamCatalog.Emitted> streamRecords) implements LogRecord {
        public Items {
            changes = List.copyOf(changes);
            streamRecords = List.copyOf(streamRecords);
        }

        Items(List<Change> changes) {
            this(changes, List.of());
        }

        @Override
        public byte[] encode() {
            Encoder out = new Encoder(256 * changes.size());
            out.writeByte(ITEMS);
            out.writeCount(changes.size());
            for (Change change : changes) {
                out.writeString(change.table());
                out.writeString(change.tableId());
                out.writeValue(change.partition());
                out.writeBoolean(change.sort() != null);
                if (change.sort() != null) {
                    out.writeValue(change.sort());
                }
                out.writeBoolean(change.after() != null);
                if (change.after() != null) {
                    out.writeItem(change.after());
                }
            }
            if (!streamRecords.isEmpty()) {
                StreamCodec.writeEmitted(out, streamRecords);
            }
            return out.toByteArray();
        }
    }

    /** A table was created or its definition changed; the definition is now this. */
    record Schema(TableDefinition definition) implements LogRecord {
        public Schema {
            Objects.requireNonNull(definition, "definition");
        }

        @Override
        public byte[] encode() {
            Encoder out = new Encoder(256);
            out.writeByte(SCHEMA);
            out.writeDefinition(definition);
            if (definition.stream() != null) {
                StreamCodec.writeSetting(out, definition.stream());
            }
            return out.toByteArray();
        }
    }

    /** The table {@code name} with identity {@code tableId} was deleted with its items. */
    record TableDeleted(String name, String tableId) implements LogRecord {
        public TableDeleted {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tableId, "tableId");
        }

        @Override
        public byte[] encode() {
            Encoder out = new Encoder(64);
            out.writeByte(TABLE_DELETED);
            out.writeString(name);
            out.writeString(tableId);
            return out.toByteArray();
        }
    }

    /** The tags of table {@code name} with identity {@code tableId} are now {@code tags}. */
    record Tags(String name, String tableId, Map<String, String> tags) implements LogRecord {
        public Tags {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tableId, "tableId");
            tags = Map.copyOf(tags);
        }

        @Override
        public byte[] encode() {
            Encoder out = new Encoder(64 + 64 * tags.size());
            out.writeByte(TAGS);
            out.writeString(name);
            out.writeString(tableId);
            out.writeStringMap(new java.util.TreeMap<>(tags));
            return out.toByteArray();
        }
    }

    /**
     * Table {@code name} with identity {@code tableId} is {@code state.status()} until {@code
     * state.untilMillis()} (engine clock), described meanwhile as {@code state.shown()}.
     */
    record State(String name, String tableId, TableState state) implements LogRecord {
        public State {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tableId, "tableId");
            Objects.requireNonNull(state, "state");
        }

        @Override
        public byte[] encode() {
            Encoder out = new Encoder(256);
            out.writeByte(STATE);
            out.writeString(name);
            out.writeString(tableId);
            out.writeString(state.status());
            out.writeLong(state.untilMillis());
            out.writeStringMap(new java.util.TreeMap<>(state.indexStatus()));
            out.writeDefinition(state.shown());
            if (state.shown().stream() != null) {
                StreamCodec.writeSetting(out, state.shown().stream());
            }
            return out.toByteArray();
        }

        static State decode(Decoder in) {
            String name = in.readString();
            String tableId = in.readString();
            String status = in.readString();
            long until = in.readLong();
            Map<String, String> indexStatus = in.readStringMap();
            TableDefinition shown = in.readDefinition();
            if (!in.atEnd()) {
                shown = shown.withStream(StreamCodec.readSetting(in));
            }
            return new State(name, tableId, new TableState(status, until, shown, indexStatus));
        }
    }

    /** A stream with its trim point and records, as a snapshot holds it. */
    record Stream(ChangeStream stream, @Nullable Long disabledAt, long trimmedThrough, List<ChangeRecord> records)
            implements LogRecord {
        public Stream {
            Objects.requireNonNull(stream, "stream");
            records = List.copyOf(records);
        }

        @Override
        public byte[] encode() {
            Encoder out = new Encoder(256 + 128 * records.size());
            out.writeByte(STREAM);
            StreamCodec.writeStream(out, stream, disabledAt, trimmedThrough, records);
            return out.toByteArray();
        }
    }

    /** The last record of a complete snapshot, with its counts to check it against. */
    record SnapshotEnd(long tables, long items) implements LogRecord {
        @Override
        public byte[] encode() {
            Encoder out = new Encoder(16);
            out.writeByte(SNAPSHOT_END);
            out.writeCount(tables);
            out.writeCount(items);
            return out.toByteArray();
        }
    }

    /** Decodes a payload; IllegalArgumentException if it is not one this format writes. */
    static LogRecord decode(byte[] payload) {
        Decoder in = new Decoder(payload);
        int type = in.readByte();
        LogRecord record =
                switch (type) {
                    case ITEMS -> {
                        int count = in.readSize();
                        List<Change> changes = new ArrayList<>(count);
                        for (int i = 0; i < count; i++) {
                            String table = in.readString();
                            String tableId = in.readString();
                            DynamoValue partition = in.readValue();
                            DynamoValue sort = in.readBoolean() ? in.readValue() : null;
                            Map<String, DynamoValue> after = in.readBoolean() ? in.readItem() : null;
                            changes.add(new Change(table, tableId, partition, sort, after));
                        }
                        yield new Items(changes, in.atEnd() ? List.of() : StreamCodec.readEmitted(in));
                    }
                    case SCHEMA -> {
                        TableDefinition definition = in.readDefinition();
                        yield new Schema(in.atEnd() ? definition : definition.withStream(StreamCodec.readSetting(in)));
                    }
                    case STREAM -> StreamCodec.readStream(in);
                    case TABLE_DELETED -> new TableDeleted(in.readString(), in.readString());
                    case SNAPSHOT_END -> new SnapshotEnd(in.readCount(), in.readCount());
                    case STATE -> State.decode(in);
                    case TAGS -> {
                        String name = in.readString();
                        String tableId = in.readString();
                        yield new Tags(name, tableId, in.readStringMap());
                    }
                    default -> throw new IllegalArgumentException("unknown record type " + type);
                };
        if (!in.atEnd()) {
            throw new IllegalArgumentException("record of type " + type + " has trailing bytes");
        }
        return record;
    }
}
