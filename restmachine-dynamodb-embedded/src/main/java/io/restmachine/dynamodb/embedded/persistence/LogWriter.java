package io.restmachine.dynamodb.embedded.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Appends framed records to the current log segment and makes them durable with group commit: a
 * writer queues its record, and whichever writer finds no flush under way becomes the leader,
 * writes everything queued so far and forces it to disk with one {@code fsync}; the others wait
 * for the flush that covers their record. {@link #append} returns only once its record is on
 * disk. After a failed write or fsync the log is poisoned: what reached the disk is unknown, so
 * every later append fails until the engine is reopened and recovers from the file.
 *
 * <p>Each flush also writes a synced mark (see {@link FileFormat}) holding the end of the
 * previous flush, which is already durable; the same fsync covers it, so marks cost no extra
 * sync. Switching segments and closing write a last mark for the whole segment ({@link #seal}).
 *
 * <p>A leader that syncs at once takes only the writers already queued; writers whose previous
 * sync just ended are still on their way back with their next record, so under steady load the
 * batches alternate between one record and all the others. A leader therefore first waits for as
 * many writers as the recent batches held ({@link #recentPeak}), but never longer than its
 * {@link GatherWindow} (by default one sync's duration, at most 2 ms). A lone writer's batches hold
 * one record, so it never waits; when writers stop coming, a wait that runs out resets the peak.
 */
final class LogWriter {
    /** How long a leader may wait for the writers it expects, given how long the last sync took. */
    @FunctionalInterface
    interface GatherWindow {
        /** One sync's duration, at most 2 ms: waiting longer would cost more than a second sync. */
        GatherWindow ONE_SYNC = lastSyncNanos -> Math.min(lastSyncNanos, 2_000_000L);

        long nanos(long lastSyncNanos);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private final Condition joined = lock.newCondition();
    private final GatherWindow window;

    private FileChannel channel;
    private Path file;
    private long size;
    /** The records queued for the next flush. */
    private byte[] pending = new byte[64 * 1024];

    private int pendingSize;
    /**
     * The buffer the next flush queues into while this one writes: the leader swaps the two, so a
     * flush allocates nothing (a fresh 64 KB per flush showed as GC work in a profile of many
     * small flushes).
     */
    private byte[] spare = new byte[64 * 1024];

    private long appended;
    private long durable;
    private boolean flushing;
    private @Nullable IOException failure;
    private boolean closed;
    private long markWritten;
    private int markSlot;
    /** Records queued since the last leader took its batch. */
    private int queued;
    /** The largest batch of the recent syncs, lowered by one per sync and reset by a wait that runs out. */
    private int recentPeak = 1;
    /** While a leader waits for writers to join: how many queued records it waits for; else 0. */
    private int awaited;

    private long lastSyncNanos;

    /**
     * @param channel the segment, opened for writing (not appending: marks are written in place)
     * @param size the segment's sound length, where the next record goes
     * @param mark the larger synced mark already in the segment
     */
    LogWriter(FileChannel channel, Path file, long size, long mark) {
        this(channel, file, size, mark, GatherWindow.ONE_SYNC);
    }

    LogWriter(FileChannel channel, Path file, long size, long mark, GatherWindow window) {
        this.window = window;
        this.channel = channel;
        this.file = file;
        this.size = size;
        this.markWritten = mark;
    }

    /**
     * Appends one record and waits until it is durable.
     *
     * @return the size of the segment once the record is in it
     * @throws UncheckedIOException if the record could not be made durable (the write must not be
     *     acknowledged)
     */
    long append(byte[] payload) {
        byte[] framed = FileFormat.frame(payload);
        lock.lock();
        try {
            requireUsable();
            if (pendingSize + framed.length > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingSize + framed.length));
            }
            System.arraycopy(framed, 0, pending, pendingSize, framed.length);
            pendingSize += framed.length;
            long sequence = ++appended;
            if (++queued == awaited) {
                joined.signal();
            }
            while (durable < sequence) {
                requireUsable();
                if (flushing) {
                    flushed.awaitUninterruptibly();
                } else {
                    flush();
                }
            }
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** Leads one group commit; called and returns holding the lock, drops it during the I/O. */
    private void flush() {
        flushing = true;
        gather();
        byte[] batch = pending;
        int batchSize = pendingSize;
        long upTo = appended;
        int batchRecords = queued;
        queued = 0;
        recentPeak = Math.max(batchRecords, recentPeak - 1);
        pending = spare;
        pendingSize = 0;
        FileChannel target = channel;
        long position = size;
        // Everything up to 'size' was synced by the previous flush: the mark may say so now.
        boolean writeMark = size > markWritten;
        int slot = markSlot;
        lock.unlock();
        IOException error = null;
        long started = System.nanoTime();
        try {
            if (writeMark) {
                writeFully(target, FileFormat.mark(position), FileFormat.MARKS_OFFSET + slot * FileFormat.MARK_SIZE);
            }
            writeFully(target, batch, batchSize, position);
            // fdatasync: the data, the mark and the file length, which is all that recovery reads.
            target.force(false);
        } catch (IOException e) {
            error = e;
        } finally {
            long took = System.nanoTime() - started;
            lock.lock();
            lastSyncNanos = took;
            spare = batch;
            flushing = false;
            if (error == null) {
                durable = upTo;
                size += batchSize;
                if (writeMark) {
                    markWritten = position;
                    markSlot = 1 - slot;
                }
            } else if (failure == null) {
                failure = error;
            }
            flushed.signalAll();
        }
    }

    /**
     * Waits (holding the lock between waits) until as many records are queued as the recent
     * batches held, or the window runs out; a wait that runs out lowers the peak to what came.
     */
    private void gather() {
        if (queued >= recentPeak || failure != null) {
            return;
        }
        long remaining = window.nanos(lastSyncNanos);
        awaited = recentPeak;
        try {
            while (queued < awaited && remaining > 0) {
                try {
                    remaining = joined.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (queued < awaited) {
                recentPeak = Math.max(1, queued);
            }
        } finally {
            awaited = 0;
        }
    }

    private static void writeFully(FileChannel channel, byte[] bytes, long position) throws IOException {
        writeFully(channel, bytes, bytes.length, position);
    }

    private static void writeFully(FileChannel channel, byte[] bytes, int length, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    /**
     * Writes a last synced mark covering the whole segment, and syncs it, so that recovery can
     * tell if any of it goes missing later. Called holding the lock with no flush under way.
     */
    private void seal() throws IOException {
        if (failure == null && size > markWritten) {
            writeFully(channel, FileFormat.mark(size), FileFormat.MARKS_OFFSET + markSlot * FileFormat.MARK_SIZE);
            channel.force(false);
            markWritten = size;
            markSlot = 1 - markSlot;
        }
    }

    private void requireUsable() {
        if (failure != null) {
            throw new UncheckedIOException(
                    "The write-ahead log " + file + " could not be written or synced, so this write was not"
                            + " stored and no later write will be: reopen the engine to recover the"
                            + " acknowledged writes from disk (and check the disk's health and free space)",
                    failure);
        }
        if (closed) {
            throw new IllegalStateException("the persistent engine is closed; open the directory again to write");
        }
    }

    /** How many records have been queued so far (tests watch writers queue up behind a flush). */
    long appended() {
        lock.lock();
        try {
            return appended;
        } finally {
            lock.unlock();
        }
    }

    /** The current segment's size in bytes. */
    long size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Seals the current segment, switches to a new one and returns the old channel (for the
     * caller to close). Only called when no append can be in progress.
     *
     * @throws IOException if the old segment's last mark cannot be written; the writer then stays
     *     on the old segment
     */
    FileChannel switchTo(FileChannel next, Path nextFile, long nextSize) throws IOException {
        lock.lock();
        try {
            if (flushing || pendingSize > 0) {
                throw new IllegalStateException("a log segment may only be switched when no append is in progress");
            }
            requireUsable();
            seal();
            FileChannel previous = channel;
            channel = next;
            file = nextFile;
            size = nextSize;
            markWritten = nextSize;
            markSlot = 0;
            return previous;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further appends and closes the segment. */
    void close() throws IOException {
        lock.lock();
        try {
            while (flushing) {
                flushed.awaitUninterruptibly();
            }
            closed = true;
            try {
                seal();
            } finally {
                channel.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
