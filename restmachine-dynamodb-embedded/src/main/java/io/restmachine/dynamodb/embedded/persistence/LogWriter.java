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
 */
final class LogWriter {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();

    private FileChannel channel;
    private Path file;
    private long size;
    private byte[] pending = new byte[64 * 1024];
    private int pendingSize;
    private long appended;
    private long durable;
    private boolean flushing;
    private @Nullable IOException failure;
    private boolean closed;

    LogWriter(FileChannel channel, Path file, long size) {
        this.channel = channel;
        this.file = file;
        this.size = size;
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
        byte[] batch = pending;
        int batchSize = pendingSize;
        long upTo = appended;
        pending = new byte[Math.max(64 * 1024, batch.length)];
        pendingSize = 0;
        FileChannel target = channel;
        lock.unlock();
        IOException error = null;
        try {
            ByteBuffer buffer = ByteBuffer.wrap(batch, 0, batchSize);
            while (buffer.hasRemaining()) {
                target.write(buffer);
            }
            // fdatasync: the data and the file length, which is all that recovery reads.
            target.force(false);
        } catch (IOException e) {
            error = e;
        } finally {
            lock.lock();
            flushing = false;
            if (error == null) {
                durable = upTo;
                size += batchSize;
            } else if (failure == null) {
                failure = error;
            }
            flushed.signalAll();
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
     * Switches to a new segment and returns the old channel (for the caller to close). Only called
     * when no append can be in progress.
     */
    FileChannel switchTo(FileChannel next, Path nextFile, long nextSize) {
        lock.lock();
        try {
            if (flushing || pendingSize > 0) {
                throw new IllegalStateException("a log segment may only be switched when no append is in progress");
            }
            requireUsable();
            FileChannel previous = channel;
            channel = next;
            file = nextFile;
            size = nextSize;
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
            channel.close();
        } finally {
            lock.unlock();
        }
    }
}
