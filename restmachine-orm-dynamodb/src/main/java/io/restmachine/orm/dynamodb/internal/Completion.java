package io.restmachine.orm.dynamodb.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Waiting for the chunks of one batch. */
final class Completion {
    private Completion() {}

    /**
     * The results of every future, in order. Waits for all of them even when one fails or the
     * caller is interrupted, so that no chunk is still writing when the batch returns (the interrupt
     * flag is restored); then throws the first failure, translated.
     */
    static <R> List<R> awaitAll(List<Future<R>> futures, Function<Throwable, RuntimeException> translate) {
        List<R> results = new ArrayList<>(futures.size());
        boolean interrupted = false;
        Throwable failure = null;
        for (Future<R> future : futures) {
            while (true) {
                try {
                    results.add(future.get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() == null ? e : e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw translate.apply(failure);
        }
        return results;
    }
}
