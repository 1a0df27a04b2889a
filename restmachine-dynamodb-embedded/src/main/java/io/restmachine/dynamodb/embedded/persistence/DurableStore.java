package io.restmachine.dynamodb.embedded.persistence;

import io.restmachine.dynamodb.embedded.table.Database;
import io.restmachine.dynamodb.embedded.table.ItemWrite;
import io.restmachine.dynamodb.embedded.table.MutationLog;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage of a persistent engine: recovers its {@link Database} from a directory, then records
 * every change in a write-ahead log before it becomes visible, and compacts the log into a
 * snapshot when it grows past a threshold and on close. Internal: {@link
 * io.restmachine.dynamodb.embedded.EmbeddedDynamoDB#persistent} is the way in.
 *
 * <p>A change is acknowledged only after its record is synced ({@link FileChannel#force});
 * concurrent writers share syncs (group commit). A directory is used by one engine at a time,
 * enforced with a lock on its {@code lock} file.
 */
public final class DurableStore implements MutationLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DurableStore.class);

    private final StoreDirectory directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Database database;
    private final long compactionThreshold;
    private final RecoveryReport report;
    private final LogWriter writer;
    private final ReentrantLock compaction = new ReentrantLock();
    private final AtomicBoolean compactionQueued = new AtomicBoolean();
    private final ExecutorService compactor;
    private volatile boolean recovering = true;
    private long generation;
    private boolean closed;

    private DurableStore(StoreDirectory directory, FileChannel lockChannel, FileLock lock, Clock clock, long threshold)
            throws IOException {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.compactionThreshold = threshold;
        // The database logs through this store; while recovering, the store records nothing.
        this.database = new Database(this, clock);
        Recovery.Result recovered = new Recovery(directory, database).run();
        this.generation = recovered.generation();
        this.writer = new LogWriter(recovered.channel(), directory.segment(generation), recovered.size());
        this.report = recovered.report();
        this.recovering = false;
        this.compactor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-dynamodb-compaction");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens (creating if needed) the directory {@code dir} and recovers what it holds.
     *
     * @param compactionThreshold log size in bytes past which the log is compacted into a snapshot
     * @throws StorageException if the directory is used by another engine or cannot be recovered
     */
    public static DurableStore open(Path dir, Clock clock, long compactionThreshold) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(clock, "clock");
        StoreDirectory directory = new StoreDirectory(dir.toAbsolutePath());
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(directory.root());
            lockChannel = FileChannel.open(directory.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel, directory);
            try {
                return new DurableStore(directory, lockChannel, lock, clock, compactionThreshold);
            } catch (RuntimeException | IOException e) {
                lock.release();
                throw e;
            }
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new StorageException(
                    "Cannot open the persistent engine directory " + directory.root() + ": " + e
                            + ". Check that it is a writable directory on a local file system.",
                    e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel, StoreDirectory directory) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new StorageException("The directory " + directory.root() + " is in use by another running"
                    + " EmbeddedDynamoDB (in this or another process; it holds " + directory.lockFile()
                    + "). Close that engine first, or open a different directory.");
        }
        return lock;
    }

    /** The recovered database; every change to it goes through this store's log. */
    public Database database() {
        return database;
    }

    /** What recovery found when the directory was opened. */
    public RecoveryReport recoveryReport() {
        return report;
    }

    @Override
    public void items(List<ItemWrite> writes) {
        if (recovering) {
            return;
        }
        List<LogRecord.Change> changes = new ArrayList<>(writes.size());
        for (ItemWrite write : writes) {
            TableDefinition definition = write.table().definition();
            changes.add(new LogRecord.Change(
                    definition.name(),
                    definition.tableId(),
                    write.key().partition(),
                    write.key().sort(),
                    write.after()));
        }
        append(new LogRecord.Items(changes));
    }

    @Override
    public void schema(TableDefinition definition) {
        if (!recovering) {
            append(new LogRecord.Schema(definition));
        }
    }

    @Override
    public void tableDeleted(String name) {
        if (recovering) {
            return;
        }
        // Called before the table leaves the catalogue, so its identity can still be read.
        String tableId =
                database.find(name).map(table -> table.definition().tableId()).orElse("");
        append(new LogRecord.TableDeleted(name, tableId));
    }

    private void append(LogRecord record) {
        long size = writer.append(record.encode());
        if (size > compactionThreshold && compactionQueued.compareAndSet(false, true)) {
            try {
                compactor.execute(() -> {
                    try {
                        compact();
                    } catch (RuntimeException e) {
                        LOG.warn(
                                "Compacting the log of {} failed; it keeps growing until a compaction succeeds",
                                directory.root(),
                                e);
                    } finally {
                        compactionQueued.set(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Closing: close() compacts once more itself.
                compactionQueued.set(false);
            }
        }
    }

    /**
     * Compacts now: starts a new log segment at a moment when no change is in progress, writes a
     * snapshot of the database, and then deletes the segments the snapshot replaces.
     *
     * @throws UncheckedIOException if the new segment or the snapshot cannot be written; nothing
     *     is lost then, the log still holds every change
     */
    public void compact() {
        compaction.lock();
        try {
            long next = generation + 1;
            FileChannel channel = directory.createSegment(next);
            FileChannel[] previous = new FileChannel[1];
            try {
                // The new segment holds only its header, so its size is known without asking the channel.
                database.exclusively(
                        () -> previous[0] = writer.switchTo(channel, directory.segment(next), FileFormat.HEADER_SIZE));
            } catch (RuntimeException e) {
                channel.close();
                Files.deleteIfExists(directory.segment(next));
                throw e;
            }
            generation = next;
            previous[0].close();
            SnapshotWriter.write(directory, database, next);
            for (long old : directory.segments()) {
                if (old < next) {
                    Files.deleteIfExists(directory.segment(old));
                }
            }
            LOG.debug(
                    "Compacted the log of {} into a snapshot; the log now starts at generation {}",
                    directory.root(),
                    next);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Compacting the log of " + directory.root() + " failed: " + e.getMessage()
                            + "; the log still holds every change",
                    e);
        } finally {
            compaction.unlock();
        }
    }

    /** Waits for a running compaction, compacts once more, and releases the directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        compactor.shutdown();
        try {
            while (!compactor.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.info("Waiting for the compaction of {} to finish before closing", directory.root());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // Nothing to fold in when the log holds nothing since the last snapshot.
            if (writer.size() > FileFormat.HEADER_SIZE || !Files.exists(directory.snapshot())) {
                compact();
            }
        } catch (RuntimeException e) {
            LOG.warn("The final compaction of {} failed; the next open replays the log instead", directory.root(), e);
        }
        try {
            writer.close();
        } catch (IOException e) {
            LOG.warn("Closing the log of {} failed", directory.root(), e);
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("Releasing the lock of {} failed", directory.root(), e);
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was written through this channel; closing it cannot lose anything.
        }
    }
}
