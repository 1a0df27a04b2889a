package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.spi.BatchWrite;
import io.restmachine.orm.spi.BatchWriteOutcome;
import io.restmachine.orm.spi.StoreItem;
import io.restmachine.orm.spi.WriteRejectedByStoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The writes of a batch that BatchWriteItem can't carry (a put with a condition, an update), each
 * sent as its own request: at most {@code writesInFlight} at a time per call, each retried with
 * backoff while the service throttles or fails transiently, and every index accounted for as
 * written, refused (its condition did not hold) or failed.
 */
final class SingleWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SingleWriter.class);

    /** Sends one write; returns the item after an update (empty for a put). */
    @FunctionalInterface
    interface Send {
        @Nullable
        StoreItem send(BatchWrite write);
    }

    private final BatchContext ctx;
    private final ExecutorService pool;
    private final Send send;

    SingleWriter(BatchContext ctx, ExecutorService pool, Send send) {
        this.ctx = ctx;
        this.pool = pool;
        this.send = send;
    }

    /** Writes {@code writes}; the outcome's indexes are positions in that list. */
    BatchWriteOutcome write(List<BatchWrite> writes) {
        int n = writes.size();
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(n, ctx.settings().writesInFlight());
        List<Future<Void>> futures = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    results[i] = writeOne(writes.get(i));
                }
                return null;
            }));
        }
        Completion.awaitAll(futures, e -> ctx.errors().unexpected("PutItem/UpdateItem", e));
        List<Integer> written = new ArrayList<>();
        List<BatchWriteOutcome.Failure> failed = new ArrayList<>();
        List<BatchWriteOutcome.Refused> refused = new ArrayList<>();
        Map<Integer, StoreItem> newItems = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Object r = results[i];
            if (r instanceof WriteRejectedByStoreException c) {
                refused.add(new BatchWriteOutcome.Refused(i, c.existingItem()));
            } else if (r instanceof String reason) {
                failed.add(new BatchWriteOutcome.Failure(i, reason));
            } else {
                written.add(i);
                if (r instanceof StoreItem item) {
                    newItems.put(i, item);
                }
            }
        }
        return new BatchWriteOutcome(written, failed, refused, newItems);
    }

    /**
     * One write with retries: the item after it, the {@link WriteRejectedByStoreException} of a
     * refused one, or the reason (a string) it failed.
     */
    private Object writeOne(BatchWrite write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.send(write);
            } catch (WriteRejectedByStoreException e) {
                return e;
            } catch (RuntimeException e) {
                @Nullable Throwable cause = e.getCause();
                if (cause instanceof ResourceNotFoundException) {
                    throw e;
                }
                boolean retryable = cause instanceof SdkException sdk && SdkErrorTranslator.isRetryable(sdk);
                if (!retryable) {
                    return String.valueOf(e.getMessage());
                }
                if (attempt >= ctx.settings().maxAttempts()) {
                    return "not written after " + attempt + " attempts (last: " + e.getMessage() + ")";
                }
                LOG.debug("write on {} to retry (attempt {}): {}", ctx.tableName(), attempt, e.getMessage());
                if (!ctx.backoff().pause(attempt)) {
                    return "not written: interrupted while waiting to retry";
                }
            }
        }
    }
}
