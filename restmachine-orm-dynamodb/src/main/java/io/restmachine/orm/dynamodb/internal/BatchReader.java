package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.BackendException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.StoreItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * BatchGetItem for any number of keys: de-duplicates them (the service rejects a request that
 * names a key twice), sends chunks of 100 concurrently and retries unprocessed keys and throttled
 * chunks with backoff. Keys still unread after every attempt fail the whole read.
 */
final class BatchReader {
    static final int CHUNK_SIZE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(BatchReader.class);

    private final BatchContext ctx;

    BatchReader(BatchContext ctx) {
        this.ctx = ctx;
    }

    List<StoreItem> read(List<Map<String, ItemValue>> keys, boolean consistentRead, @Nullable Expr projection) {
        List<Map<String, AttributeValue>> distinct = new ArrayList<>(new LinkedHashSet<>(
                keys.stream().map(AttributeValueMapper::toSdk).toList()));
        List<Future<List<StoreItem>>> futures = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK_SIZE) {
            List<Map<String, AttributeValue>> chunk =
                    distinct.subList(from, Math.min(distinct.size(), from + CHUNK_SIZE));
            futures.add(ctx.executor().submit(() -> readChunk(chunk, consistentRead, projection)));
        }
        List<StoreItem> items = new ArrayList<>(distinct.size());
        for (List<StoreItem> found :
                Completion.awaitAll(futures, e -> ctx.errors().unexpected("BatchGetItem", e))) {
            items.addAll(found);
        }
        return items;
    }

    private List<StoreItem> readChunk(
            List<Map<String, AttributeValue>> chunk, boolean consistentRead, @Nullable Expr projection) {
        ExpressionPlaceholders placeholders = ExpressionPlaceholders.of(projection);
        List<StoreItem> found = new ArrayList<>();
        List<Map<String, AttributeValue>> pending = chunk;
        String lastProblem = "";
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1 && !ctx.backoff().pause(attempt - 1)) {
                throw new BackendException("BatchGetItem on table '" + ctx.tableName() + "' was interrupted with "
                        + pending.size() + " keys unread");
            }
            KeysAndAttributes request = KeysAndAttributes.builder()
                    .keys(pending)
                    .consistentRead(consistentRead)
                    .projectionExpression(projection == null ? null : projection.text())
                    .expressionAttributeNames(placeholders.names())
                    .build();
            try {
                BatchGetItemResponse response =
                        ctx.client().batchGetItem(b -> b.requestItems(Map.of(ctx.tableName(), request)));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(ctx.tableName(), List.of())) {
                    found.add(AttributeValueMapper.toStoreItem(item));
                }
                KeysAndAttributes unprocessed = response.hasUnprocessedKeys()
                        ? response.unprocessedKeys().get(ctx.tableName())
                        : null;
                pending = unprocessed == null || !unprocessed.hasKeys() ? List.of() : unprocessed.keys();
                lastProblem = "returned as UnprocessedKeys";
            } catch (SdkException e) {
                if (!SdkErrorTranslator.isRetryable(e)) {
                    throw ctx.errors().translate("BatchGetItem", e);
                }
                lastProblem = ctx.errors().translate("BatchGetItem", e).getMessage();
            }
            if (pending.isEmpty()) {
                return found;
            }
            if (attempt >= ctx.settings().maxAttempts()) {
                throw new BackendException("BatchGetItem on table '" + ctx.tableName() + "': " + pending.size()
                        + " keys still unread after " + attempt + " attempts (last: " + lastProblem
                        + "); retry later or raise batchMaxAttempts on the backend builder");
            }
            LOG.debug("BatchGetItem on {}: {} keys to retry (attempt {})", ctx.tableName(), pending.size(), attempt);
        }
    }
}
