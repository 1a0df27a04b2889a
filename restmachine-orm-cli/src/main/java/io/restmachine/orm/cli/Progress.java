package io.restmachine.orm.cli;

import java.io.PrintWriter;

/**
 * A count of items on one self-rewriting stderr line, shown only when stderr is a terminal, so that
 * scripts and logs never see it.
 */
final class Progress implements AutoCloseable {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final String verb;
    private long count;
    private long lastDraw;
    private boolean drawn;

    Progress(Streams streams, String verb) {
        this.err = streams.err();
        this.enabled = streams.errIsTerminal();
        this.verb = verb;
    }

    void add(long items) {
        count += items;
        if (enabled && System.nanoTime() - lastDraw > REDRAW_NANOS) {
            draw();
        }
    }

    long count() {
        return count;
    }

    private void draw() {
        err.print("\r" + verb + " " + String.format("%,d", count) + " items");
        err.flush();
        lastDraw = System.nanoTime();
        drawn = true;
    }

    @Override
    public void close() {
        if (enabled && drawn) {
            draw();
            err.println();
        }
    }
}
