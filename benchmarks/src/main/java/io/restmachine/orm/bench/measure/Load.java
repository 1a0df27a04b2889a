package io.restmachine.orm.bench.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * A closed-loop load generator: {@code threads} threads each issue one request after another,
 * first for the warm-up (not counted), then for the measured time. Every loop ends at its deadline.
 */
final class Load {
    /** One request; {@code n} counts this thread's requests from 0. */
    @FunctionalInterface
    interface Request {
        void run(int thread, long n) throws Exception;
    }

    private final Duration warmup;
    private final Duration measure;

    Load(Duration warmup, Duration measure) {
        this.warmup = warmup;
        this.measure = measure;
    }

    /**
     * Requests per second in the measured time, summed over threads: each thread counts the requests
     * it starts after the warm-up and before the end, and lets the last one finish, so a request
     * slower than the window still counts (over a longer time) instead of reading as zero; a
     * thread whose one request ran from the warm-up past the end counts that request.
     * Rethrows the first failure.
     */
    double run(int threads, Request request) {
        DoubleAdder rate = new DoubleAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(
                    () -> {
                        long n = 0;
                        long counted = 0;
                        long countFrom = -1;
                        try {
                            long now;
                            while ((now = System.nanoTime()) < end && failure.get() == null) {
                                request.run(thread, n++);
                                if (now >= measureFrom || (counted == 0 && System.nanoTime() >= end)) {
                                    // Counted from the measured time, or (a request slower than the
                                    // warm-up and the measured time together, e.g. moto's Query) the
                                    // one request that spans it, over its own time.
                                    if (countFrom < 0) {
                                        countFrom = now;
                                    }
                                    counted++;
                                }
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                        if (counted > 0) {
                            rate.add(counted / ((System.nanoTime() - countFrom) / 1e9));
                        }
                    },
                    "load-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the load threads", e);
            }
        }
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("a request failed: " + failed, failed);
        }
        return rate.sum();
    }
}
