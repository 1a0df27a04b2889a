package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.BatchWrite;
import io.restmachine.orm.spi.BatchWriteOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem for any number of writes: de-duplicates keys (the last write of a key wins, as if
 * the writes were applied in order), sends chunks of 25 concurrently, retries unprocessed items
 * and throttled chunks with backoff, and accounts for every input index.
 *
 * <p>A chunk the service rejects as invalid is re-sent one write at a time, so that the failure is
 * reported for exactly the offending write and the others are still written.
 */
final class BatchWriter {
    static final int CHUNK_SIZE = 25;
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final BatchContext ctx;

    BatchWriter(BatchContext ctx) {
        this.ctx = ctx;
    }

    BatchWriteOutcome write(List<BatchWrite> writes) {
        // The last write of each key is sent; earlier ones share its fate.
        Map<Map<String, ItemValue>, Integer> lastByKey = new LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            lastByKey.put(writes.get(i).key(), i);
        }
        List<Integer> sent = new ArrayList<>(lastByKey.values());
        List<Future<Map<Integer, String>>> futures = new ArrayList<>();
        for (int from = 0; from < sent.size(); from += CHUNK_SIZE) {
            List<Integer> chunk = sent.subList(from, Math.min(sent.size(), from + CHUNK_SIZE));
            futures.add(ctx.executor().submit(() -> writeChunk(writes, chunk)));
        }
        Map<Integer, String> failures = new HashMap<>();
        for (Map<Integer, String> chunkFailures :
                Completion.awaitAll(futures, e -> ctx.errors().unexpected("BatchWriteItem", e))) {
            failures.putAll(chunkFailures);
        }
        List<Integer> written = new ArrayList<>();
        List<BatchWriteOutcome.Failure> failed = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            int survivor = lastByKey.get(writes.get(i).key());
            String reason = failures.get(survivor);
            if (reason == null) {
                written.add(i);
            } else if (survivor == i) {
                failed.add(new BatchWriteOutcome.Failure(i, reason));
            } else {
                failed.add(new BatchWriteOutcome.Failure(
                        i, "superseded by write #" + survivor + " of the same key, which failed: " + reason));
            }
        }
        return new BatchWriteOutcome(written, failed);
    }

    /** Writes one chunk with retries; returns the failures (index to reason) of this chunk. */
    private Map<Integer, String> writeChunk(List<BatchWrite> writes, List<Integer> chunk) {
        Map<Integer, String> failures = new HashMap<>();
        List<Integer> pending = new ArrayList<>(chunk);
        String lastProblem = "";
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1 && !ctx.backoff().pause(attempt - 1)) {
                pending.forEach(i -> failures.put(i, "not written: interrupted while waiting to retry"));
                return failures;
            }
            try {
                pending = send(writes, pending);
                lastProblem = "returned as UnprocessedItems";
            } catch (SdkException e) {
                if (e instanceof ResourceNotFoundException) {
                    throw ctx.errors().translate("BatchWriteItem", e);
                }
                if (e instanceof AwsServiceException service
                        && SdkErrorTranslator.isValidationError(service)
                        && pending.size() > 1) {
                    for (int i : pending) {
                        failures.putAll(writeChunk(writes, List.of(i)));
                    }
                    return failures;
                }
                String reason = ctx.errors().translate("BatchWriteItem", e).getMessage();
                if (!SdkErrorTranslator.isRetryable(e)) {
                    pending.forEach(i -> failures.put(i, reason));
                    return failures;
                }
                lastProblem = reason;
            }
            if (pending.isEmpty()) {
                return failures;
            }
            if (attempt >= ctx.settings().maxAttempts()) {
                String reason = "not written after " + attempt + " attempts (last: " + lastProblem + ")";
                pending.forEach(i -> failures.put(i, reason));
                return failures;
            }
            LOG.debug(
                    "BatchWriteItem on {}: {} of {} writes to retry (attempt {})",
                    ctx.tableName(),
                    pending.size(),
                    chunk.size(),
                    attempt);
        }
    }

    /** One BatchWriteItem call; returns the indexes the service left unprocessed. */
    private List<Integer> send(List<BatchWrite> writes, List<Integer> pending) {
        List<WriteRequest> requests = new ArrayList<>(pending.size());
        Map<Map<String, AttributeValue>, Integer> indexByKey = new HashMap<>();
        for (int i : pending) {
            BatchWrite write = writes.get(i);
            indexByKey.put(AttributeValueMapper.toSdk(write.key()), i);
            requests.add(toRequest(write));
        }
        BatchWriteItemResponse response =
                ctx.client().batchWriteItem(b -> b.requestItems(Map.of(ctx.tableName(), requests)));
        List<WriteRequest> unprocessed = response.hasUnprocessedItems()
                ? response.unprocessedItems().getOrDefault(ctx.tableName(), List.of())
                : List.of();
        List<Integer> left = new ArrayList<>(unprocessed.size());
        Set<String> keyNames = writes.get(pending.get(0)).key().keySet();
        for (WriteRequest request : unprocessed) {
            Integer index = indexByKey.get(keyOf(request, keyNames));
            if (index == null) {
                throw new IllegalStateException("BatchWriteItem on table '" + ctx.tableName()
                        + "' returned an unprocessed item that was not sent: " + request);
            }
            left.add(index);
        }
        return left;
    }

    private static WriteRequest toRequest(BatchWrite write) {
        if (write instanceof BatchWrite.Put put) {
            return WriteRequest.builder()
                    .putRequest(PutRequest.builder()
                            .item(AttributeValueMapper.toSdk(put.item()))
                            .build())
                    .build();
        }
        return WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder()
                        .key(AttributeValueMapper.toSdk(write.key()))
                        .build())
                .build();
    }

    private static Map<String, AttributeValue> keyOf(WriteRequest request, Set<String> keyNames) {
        @Nullable
        Map<String, AttributeValue> source = request.putRequest() != null
                ? request.putRequest().item()
                : request.deleteRequest().key();
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : keyNames) {
            AttributeValue value = source.get(name);
            if (value != null) {
                key.put(name, value);
            }
        }
        return key;
    }
}
