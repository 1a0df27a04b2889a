package io.restmachine.dynamodb.embedded.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Disk} that numbers every call that changes files (open, write, force, truncate, move,
 * delete, directory sync) and crashes at call {@code crashAt}: that call and every later one throw,
 * as if the process had died there. It also remembers each file's content at its last force, so
 * that {@link #afterPowerLoss} can turn the directory into what a power loss at that moment could
 * leave: every unsynced change lost, or the last unsynced append torn halfway. Real fsyncs are
 * skipped (the test models durability itself), which keeps hundreds of runs fast.
 */
final class CrashingDisk implements Disk {
    /** What the crash leaves on disk. */
    enum Crash {
        /** The process dies: everything written stays (the OS page cache survives). */
        PROCESS,
        /** The machine loses power: every file as it was at its last sync. */
        POWER_LOST,
        /** The machine loses power mid-write: as at the last sync, plus half of what was appended since. */
        POWER_TORN
    }

    private final int crashAt;
    private int calls;
    private boolean crashed;
    private final Map<Path, byte[]> synced = new HashMap<>();
    private final Set<Path> written = new HashSet<>();

    /** @param crashAt the 1-based number of the call that crashes; 0 never crashes (to count calls) */
    CrashingDisk(int crashAt) {
        this.crashAt = crashAt;
    }

    /** How many calls were made (including the one that crashed). */
    synchronized int calls() {
        return calls;
    }

    synchronized boolean crashed() {
        return crashed;
    }

    private synchronized void step(String what) throws IOException {
        if (crashed) {
            throw new IOException("crashed earlier; no more I/O (" + what + ")");
        }
        calls++;
        if (calls == crashAt) {
            crashed = true;
            throw new IOException("injected crash at I/O call " + calls + ": " + what);
        }
    }

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        step("open " + file.getFileName());
        synchronized (this) {
            written.add(file);
            if (!synced.containsKey(file) && Files.exists(file)) {
                synced.put(file, Files.readAllBytes(file));
            }
        }
        return new Channel(file, FileChannel.open(file, options));
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        step("move " + from.getFileName() + " to " + to.getFileName());
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        synchronized (this) {
            // A rename moves the file's synced content with it (the directory is synced right after).
            byte[] content = synced.remove(from);
            synced.put(to, content == null ? new byte[0] : content);
            written.remove(from);
            written.add(to);
        }
    }

    @Override
    public void delete(Path file) throws IOException {
        step("delete " + file.getFileName());
        Files.deleteIfExists(file);
        synchronized (this) {
            synced.remove(file);
            written.remove(file);
        }
    }

    @Override
    public void syncDirectory(Path directory) throws IOException {
        step("sync directory");
    }

    private synchronized void forced(Path file) throws IOException {
        synced.put(file, Files.readAllBytes(file));
    }

    /** Turns the files written through this disk into what a power loss now could leave. */
    synchronized void afterPowerLoss(Crash crash) throws IOException {
        if (crash == Crash.PROCESS) {
            return;
        }
        for (Path file : written) {
            if (!Files.exists(file)) {
                continue;
            }
            byte[] now = Files.readAllBytes(file);
            byte[] durable = synced.getOrDefault(file, new byte[0]);
            byte[] after = durable;
            if (crash == Crash.POWER_TORN && now.length > durable.length) {
                after = Arrays.copyOf(durable, durable.length + (now.length - durable.length) / 2);
                System.arraycopy(now, durable.length, after, durable.length, after.length - durable.length);
            }
            Files.write(file, after);
        }
    }

    /** A channel whose changing calls are numbered by the disk; real syncs are skipped. */
    private final class Channel extends DelegatingChannel {
        private final Path file;

        Channel(Path file, FileChannel delegate) {
            super(delegate);
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            step("write " + file.getFileName());
            return super.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            step("write " + file.getFileName() + " at " + position);
            return super.write(src, position);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            step("write " + file.getFileName());
            return super.write(srcs, offset, length);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            step("force " + file.getFileName());
            forced(file);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            step("truncate " + file.getFileName() + " to " + size);
            return super.truncate(size);
        }
    }
}
