package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.BackendException;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.ItemValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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

    private final DynamoDbClient client;
    private final String tableName;
    private final SdkErrorTranslator errors;
    private final BatchSettings settings;
    private final ExecutorService executor;
    private final Backoff backoff;

    BatchReader(
            DynamoDbClient client,
            String tableName,
            SdkErrorTranslator errors,
            BatchSettings settings,
            ExecutorService executor) {
        this.client = client;
        this.tableName = tableName;
        this.errors = errors;
        this.settings = settings;
        this.executor = executor;
        this.backoff = new Backoff(settings.baseBackoff(), settings.maxBackoff());
    }

    List<Map<String, ItemValue>> read(
            List<Map<String, ItemValue>> keys, boolean consistentRead, @Nullable Expr projection) {
        List<Map<String, AttributeValue>> distinct = new ArrayList<>(new LinkedHashSet<>(
                keys.stream().map(AttributeValueMapper::toSdk).toList()));
        List<Future<List<Map<String, ItemValue>>>> futures = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK_SIZE) {
            List<Map<String, AttributeValue>> chunk =
                    distinct.subList(from, Math.min(distinct.size(), from + CHUNK_SIZE));
            futures.add(executor.submit(() -> readChunk(chunk, consistentRead, projection)));
        }
        List<Map<String, ItemValue>> items = new ArrayList<>(distinct.size());
        for (List<Map<String, ItemValue>> found :
                Completion.awaitAll(futures, e -> errors.unexpected("BatchGetItem", e))) {
            items.addAll(found);
        }
        return items;
    }

    private List<Map<String, ItemValue>> readChunk(
            List<Map<String, AttributeValue>> chunk, boolean consistentRead, @Nullable Expr projection) {
        ExpressionPlaceholders placeholders = ExpressionPlaceholders.of(projection);
        List<Map<String, ItemValue>> found = new ArrayList<>();
        List<Map<String, AttributeValue>> pending = chunk;
        String lastProblem = "";
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1 && !backoff.pause(attempt - 1)) {
                throw new BackendException("BatchGetItem on table '" + tableName + "' was interrupted with "
                        + pending.size() + " keys unread");
            }
            KeysAndAttributes request = KeysAndAttributes.builder()
                    .keys(pending)
                    .consistentRead(consistentRead)
                    .projectionExpression(projection == null ? null : projection.text())
                    .expressionAttributeNames(placeholders.names())
                    .build();
            try {
                BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(tableName, request)));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                    found.add(AttributeValueMapper.fromSdk(item));
                }
                KeysAndAttributes unprocessed = response.hasUnprocessedKeys()
                        ? response.unprocessedKeys().get(tableName)
                        : null;
                pending = unprocessed == null || !unprocessed.hasKeys() ? List.of() : unprocessed.keys();
                lastProblem = "returned as UnprocessedKeys";
            } catch (SdkException e) {
                if (!SdkErrorTranslator.isRetryable(e)) {
                    throw errors.translate("BatchGetItem", e);
                }
                lastProblem = errors.translate("BatchGetItem", e).getMessage();
            }
            if (pending.isEmpty()) {
                return found;
            }
            if (attempt >= settings.maxAttempts()) {
                throw new BackendException("BatchGetItem on table '" + tableName + "': " + pending.size()
                        + " keys still unread after " + attempt + " attempts (last: " + lastProblem
                        + "); retry later or raise batchMaxAttempts on the backend builder");
            }
            LOG.debug("BatchGetItem on {}: {} keys to retry (attempt {})", tableName, pending.size(), attempt);
        }
    }
}
