package io.restmachine.dynamodb.embedded.protocol;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces the read deadlines of one {@link HttpTransport}'s connections from a single thread, so
 * that the connections can read in blocking mode with no socket timeout: a read with a socket
 * timeout costs three system calls (a read that finds nothing, a poll, the read), a blocking read
 * one. A connection about to read {@linkplain #watch tells} when the read must have returned; when
 * that time passes first, this thread {@linkplain Connection#cut() cuts} the connection's input,
 * which ends the read with end-of-stream, and the connection answers or closes as a read that
 * timed out would have. Sleeps until the earliest such time (at most {@link #MAX_SLEEP_NANOS}).
 */
final class Reaper {
    private static final long MAX_SLEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    /** When the thread will next look (System.nanoTime). */
    private volatile long nextLook;

    private volatile boolean stopped;

    Reaper(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        nextLook = System.nanoTime() + MAX_SLEEP_NANOS;
    }

    void start() {
        thread.start();
    }

    void add(Connection connection) {
        connections.add(connection);
    }

    void remove(Connection connection) {
        connections.remove(connection);
    }

    /** A connection will wait in a read until {@code expiry} (System.nanoTime): wakes the thread if it would look later. */
    void watch(long expiry) {
        if (expiry - nextLook < 0) {
            LockSupport.unpark(thread);
        }
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    private void run() {
        while (!stopped) {
            long now = System.nanoTime();
            long next = earliest(now + MAX_SLEEP_NANOS, now, true);
            nextLook = next;
            // A connection writes its expiry, then reads nextLook; this thread wrote nextLook and
            // now reads the expiries again: either it sees an expiry it missed above, or that
            // connection saw the new nextLook and unparked it (so that the park returns at once).
            if (earliest(next, now, false) - next < 0) {
                continue;
            }
            LockSupport.parkNanos(this, next - now);
        }
    }

    /** The earliest expiry before {@code next}, else {@code next}; cuts (when asked) the connections past theirs. */
    private long earliest(long next, long now, boolean cut) {
        for (Connection connection : connections) {
            long expiry = connection.expiresAt();
            if (expiry == Connection.NOT_WAITING) {
                continue;
            }
            if (expiry - now <= 0) {
                if (cut) {
                    connection.cut();
                } else if (!connection.isCut()) {
                    next = expiry; // set after the first look: look again
                }
            } else if (expiry - next < 0) {
                next = expiry;
            }
        }
        return next;
    }
}
