package io.restmachine.dynamodb.embedded.persistence;

import io.restmachine.dynamodb.embedded.stream.ChangeStream;
import io.restmachine.dynamodb.embedded.table.Database;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a snapshot of a live database: to {@code snapshot.tmp}, synced, then renamed over {@code
 * snapshot} and the directory synced, so that a crash leaves either the old snapshot or the new
 * one, never a partial one. Writes may go on meanwhile; the snapshot then holds some of their
 * effects, which replaying the log from {@code generation} on (all records are idempotent) makes
 * whole.
 */
final class SnapshotWriter {
    /** Items are grouped into records of about this many bytes. */
    private static final long CHUNK_BYTES = 1024 * 1024;

    private static final int CHUNK_ITEMS = 4096;

    private SnapshotWriter() {}

    static void write(StoreDirectory directory, Database database, long generation) throws IOException {
        Path temp = directory.snapshotTemp();
        Disk disk = directory.disk();
        try (FileChannel channel = disk.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 256 * 1024);
            out.write(FileFormat.header(FileFormat.SNAPSHOT_MAGIC, generation));
            long tables = 0;
            long items = 0;
            for (Table table : database.liveTables()) {
                TableDefinition definition = table.definition();
                out.write(FileFormat.frame(new LogRecord.Schema(definition).encode()));
                if (!table.tags().isEmpty()) {
                    out.write(FileFormat.frame(
                            new LogRecord.Tags(definition.name(), definition.tableId(), table.tags()).encode()));
                }
                // A change still in progress keeps its due time across a compaction.
                java.util.Optional<io.restmachine.dynamodb.embedded.table.TableState> state =
                        table.state(database.nowMillis());
                if (state.isPresent()) {
                    out.write(FileFormat.frame(
                            new LogRecord.State(definition.name(), definition.tableId(), state.get()).encode()));
                }
                tables++;
                items += writeItems(out, table, definition);
            }
            // Streams after the tables, so that each replaces the empty stream its table's definition opened.
            database.streams().trim(database.clock().instant());
            for (ChangeStream stream : database.streams().all()) {
                out.write(FileFormat.frame(
                        new LogRecord.Stream(stream, stream.disabledAt(), stream.trimmedThrough(), stream.records())
                                .encode()));
            }
            out.write(FileFormat.frame(new LogRecord.SnapshotEnd(tables, items).encode()));
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            try {
                disk.delete(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        disk.move(temp, directory.snapshot());
        directory.sync();
    }

    private static long writeItems(OutputStream out, Table table, TableDefinition definition) throws IOException {
        List<LogRecord.Change> chunk = new ArrayList<>();
        long chunkBytes = 0;
        long written = 0;
        for (Map.Entry<StoreKey, Map<String, DynamoValue>> entry : table.items().entrySet()) {
            StoreKey key = entry.getKey();
            chunk.add(new LogRecord.Change(
                    definition.name(), definition.tableId(), key.partition(), key.sort(), entry.getValue()));
            chunkBytes += DynamoValues.size(entry.getValue());
            if (chunkBytes >= CHUNK_BYTES || chunk.size() >= CHUNK_ITEMS) {
                out.write(FileFormat.frame(new LogRecord.Items(chunk).encode()));
                written += chunk.size();
                chunk.clear();
                chunkBytes = 0;
            }
        }
        if (!chunk.isEmpty()) {
            out.write(FileFormat.frame(new LogRecord.Items(chunk).encode()));
            written += chunk.size();
        }
        return written;
    }
}
