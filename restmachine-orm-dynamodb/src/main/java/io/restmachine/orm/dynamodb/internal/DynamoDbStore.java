package io.restmachine.orm.dynamodb.internal;

import static io.restmachine.orm.dynamodb.internal.AttributeValueMapper.toSdk;
import static io.restmachine.orm.dynamodb.internal.AttributeValueMapper.toStoreItem;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.BatchWrite;
import io.restmachine.orm.spi.BatchWriteOutcome;
import io.restmachine.orm.spi.Expr;
import io.restmachine.orm.spi.ReadPage;
import io.restmachine.orm.spi.ReadRequest;
import io.restmachine.orm.spi.Store;
import io.restmachine.orm.spi.StoreItem;
import io.restmachine.orm.spi.TxWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The {@link Store} over an SDK v2 {@link DynamoDbClient}: each method builds one request, sends
 * it, and maps the response back; SDK exceptions go through {@link SdkErrorTranslator}. Batches
 * are chunked and retried by {@link BatchWriter} and {@link BatchReader}, conditional puts sent in
 * transactions by {@link TransactWriter} (or one by one where the server has none) and updates one
 * by one by {@link SingleWriter}, on bounded pools of daemon threads owned by this store (see
 * {@link #close()}).
 */
public final class DynamoDbStore implements Store, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbStore.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final DynamoDbClient client;
    private final String tableName;
    private final SdkErrorTranslator errors;
    private final ExecutorService batchPool;
    private final ExecutorService writePool;
    private final BatchWriter batchWriter;
    private final SingleWriter singleWriter;
    private final TransactWriter transactWriter;
    private final BatchReader batchReader;

    /** A store addressing {@code tableName} through {@code client}; the client is not closed by this store. */
    public DynamoDbStore(DynamoDbClient client, String tableName, BatchSettings batchSettings) {
        this.client = client;
        this.tableName = tableName;
        this.errors = new SdkErrorTranslator(tableName);
        this.batchPool = Executors.newFixedThreadPool(batchSettings.chunksInFlight(), daemonThreads());
        BatchContext batches = new BatchContext(client, tableName, errors, batchSettings, batchPool);
        this.batchWriter = new BatchWriter(batches);
        this.writePool = Executors.newFixedThreadPool(batchSettings.writesInFlight(), daemonThreads());
        this.singleWriter = new SingleWriter(batches, writePool, this::writeOne);
        this.transactWriter =
                new TransactWriter(batches, put -> transactPut(put.item(), put.condition()), singleWriter::write);
        this.batchReader = new BatchReader(batches);
    }

    @Override
    public String tableName() {
        return tableName;
    }

    /** Items are written and read as SDK values, so no call copies an item. */
    @Override
    public SdkValueFormat valueFormat() {
        return SdkValueFormat.INSTANCE;
    }

    /** The translator this store uses, shared with table administration. */
    public SdkErrorTranslator errors() {
        return errors;
    }

    // put and get, the calls a repository makes most, are written out without call(...)'s lambda and
    // without the ExpressionPlaceholders of several expressions: each runs one straight path.
    @Override
    public void put(StoreItem item, @Nullable Expr condition) {
        PutItemRequest request = PutItemRequest.builder()
                .tableName(tableName)
                .item(toSdk(item))
                .conditionExpression(text(condition))
                .expressionAttributeNames(condition == null ? null : nonEmpty(condition.names()))
                .expressionAttributeValues(condition == null ? null : values(condition.values()))
                .returnValuesOnConditionCheckFailure(onFailure(condition))
                .build();
        LOG.debug("PutItem on {}", tableName);
        try {
            client.putItem(request);
        } catch (SdkException e) {
            throw errors.translate("PutItem", e);
        }
    }

    @Override
    public Optional<StoreItem> get(Map<String, ItemValue> key, boolean consistentRead, @Nullable Expr projection) {
        GetItemRequest request = GetItemRequest.builder()
                .tableName(tableName)
                .key(toSdk(key))
                // Eventually consistent is DynamoDB's default: sent only when strong, so a get carries no extra field.
                .consistentRead(consistentRead ? Boolean.TRUE : null)
                .projectionExpression(text(projection))
                .expressionAttributeNames(projection == null ? null : nonEmpty(projection.names()))
                .build();
        LOG.debug("GetItem on {}", tableName);
        GetItemResponse response;
        try {
            response = client.getItem(request);
        } catch (SdkException e) {
            throw errors.translate("GetItem", e);
        }
        return response.hasItem() ? Optional.of(toStoreItem(response.item())) : Optional.empty();
    }

    private static <V> @Nullable Map<String, V> nonEmpty(Map<String, V> map) {
        return map.isEmpty() ? null : map;
    }

    private static @Nullable Map<String, AttributeValue> values(Map<String, ItemValue> values) {
        return values.isEmpty() ? null : toSdk(values);
    }

    @Override
    public StoreItem update(Map<String, ItemValue> key, Expr update, @Nullable Expr condition) {
        ExpressionPlaceholders placeholders = ExpressionPlaceholders.of(update, condition);
        UpdateItemResponse response = call(
                "UpdateItem",
                () -> client.updateItem(b -> b.tableName(tableName)
                        .key(toSdk(key))
                        .updateExpression(update.text())
                        .conditionExpression(text(condition))
                        .expressionAttributeNames(placeholders.names())
                        .expressionAttributeValues(placeholders.values())
                        .returnValues(ReturnValue.ALL_NEW)
                        .returnValuesOnConditionCheckFailure(onFailure(condition))));
        return toStoreItem(response.hasAttributes() ? response.attributes() : Map.of());
    }

    @Override
    public Optional<StoreItem> delete(Map<String, ItemValue> key, @Nullable Expr condition) {
        ExpressionPlaceholders placeholders = ExpressionPlaceholders.of(condition);
        DeleteItemResponse response = call(
                "DeleteItem",
                () -> client.deleteItem(b -> b.tableName(tableName)
                        .key(toSdk(key))
                        .conditionExpression(text(condition))
                        .expressionAttributeNames(placeholders.names())
                        .expressionAttributeValues(placeholders.values())
                        .returnValues(ReturnValue.ALL_OLD)
                        .returnValuesOnConditionCheckFailure(onFailure(condition))));
        return response.hasAttributes() && !response.attributes().isEmpty()
                ? Optional.of(toStoreItem(response.attributes()))
                : Optional.empty();
    }

    @Override
    public ReadPage read(ReadRequest request) {
        return request.isQuery() ? query(request) : scan(request);
    }

    private ReadPage query(ReadRequest r) {
        ExpressionPlaceholders placeholders = ExpressionPlaceholders.of(r.keyCondition(), r.filter(), r.projection());
        QueryRequest request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(r.indexName())
                .keyConditionExpression(text(r.keyCondition()))
                .filterExpression(text(r.filter()))
                .projectionExpression(text(r.projection()))
                .expressionAttributeNames(placeholders.names())
                .expressionAttributeValues(placeholders.values())
                .scanIndexForward(r.scanForward())
                .consistentRead(r.consistentRead())
                .limit(r.limit())
                .exclusiveStartKey(r.exclusiveStartKey() == null ? null : toSdk(r.exclusiveStartKey()))
                .select(r.countOnly() ? Select.COUNT : null)
                .build();
        QueryResponse response = call("Query", () -> client.query(request));
        return page(
                response.items(),
                response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null,
                response.count(),
                response.scannedCount());
    }

    private ReadPage scan(ReadRequest r) {
        ExpressionPlaceholders placeholders = ExpressionPlaceholders.of(r.filter(), r.projection());
        ScanRequest request = ScanRequest.builder()
                .tableName(tableName)
                .indexName(r.indexName())
                .filterExpression(text(r.filter()))
                .projectionExpression(text(r.projection()))
                .expressionAttributeNames(placeholders.names())
                .expressionAttributeValues(placeholders.values())
                .consistentRead(r.consistentRead())
                .limit(r.limit())
                .exclusiveStartKey(r.exclusiveStartKey() == null ? null : toSdk(r.exclusiveStartKey()))
                .select(r.countOnly() ? Select.COUNT : null)
                .build();
        ScanResponse response = call("Scan", () -> client.scan(request));
        return page(
                response.items(),
                response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null,
                response.count(),
                response.scannedCount());
    }

    private static ReadPage page(
            List<Map<String, AttributeValue>> items,
            @Nullable Map<String, AttributeValue> lastKey,
            @Nullable Integer count,
            @Nullable Integer scannedCount) {
        List<StoreItem> mapped = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            mapped.add(toStoreItem(item));
        }
        return new ReadPage(
                mapped,
                lastKey == null || lastKey.isEmpty() ? null : AttributeValueMapper.neutralFromSdk(lastKey),
                count == null ? mapped.size() : count,
                scannedCount == null ? mapped.size() : scannedCount);
    }

    /**
     * Unconditional puts and deletes go by BatchWriteItem ({@link BatchWriter}); conditional puts,
     * which it can't carry, by TransactWriteItems in chunks ({@link TransactWriter}, one PutItem
     * each where the server has no transactions); updates each by its own request ({@link
     * SingleWriter}).
     */
    @Override
    public BatchWriteOutcome batchWrite(List<BatchWrite> writes) {
        List<Integer> batched = new ArrayList<>();
        List<Integer> puts = new ArrayList<>();
        List<Integer> updates = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            BatchWrite w = writes.get(i);
            if (w instanceof BatchWrite.Update) {
                updates.add(i);
            } else if (w instanceof BatchWrite.Put put && put.condition() != null) {
                puts.add(i);
            } else {
                batched.add(i);
            }
        }
        BatchWriteOutcome outcome = new BatchWriteOutcome(List.of(), List.of());
        List<Integer> done = List.of();
        if (!batched.isEmpty()) {
            outcome = batched.size() == writes.size()
                    ? batchWriter.write(writes)
                    : BatchOutcomes.merge(
                            outcome, done, batchWriter.write(BatchOutcomes.pick(writes, batched)), batched);
            done = batched;
        }
        if (!puts.isEmpty()) {
            List<BatchWrite.Put> conditional = new ArrayList<>(puts.size());
            puts.forEach(i -> conditional.add((BatchWrite.Put) writes.get(i)));
            outcome = BatchOutcomes.merge(outcome, done, transactWriter.write(conditional), puts);
            done = concat(done, puts);
        }
        if (!updates.isEmpty()) {
            outcome = BatchOutcomes.merge(
                    outcome, done, singleWriter.write(BatchOutcomes.pick(writes, updates)), updates);
        }
        return outcome;
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** One conditional put or update of a batch; the item after an update, empty after a put. */
    private @Nullable StoreItem writeOne(BatchWrite write) {
        if (write instanceof BatchWrite.Update u) {
            return update(u.key(), u.update(), u.condition());
        }
        BatchWrite.Put put = (BatchWrite.Put) write;
        put(put.item(), put.condition());
        return null;
    }

    @Override
    public List<StoreItem> batchGet(
            List<Map<String, ItemValue>> keys, boolean consistentRead, @Nullable Expr projection) {
        return keys.isEmpty() ? List.of() : batchReader.read(keys, consistentRead, projection);
    }

    @Override
    public void transactWrite(List<TxWrite> actions, String clientRequestToken) {
        List<TransactWriteItem> items = new ArrayList<>(actions.size());
        for (TxWrite action : actions) {
            items.add(transactItem(action));
        }
        call(
                "TransactWriteItems",
                () -> client.transactWriteItems(b -> b.transactItems(items).clientRequestToken(clientRequestToken)));
    }

    private TransactWriteItem transactItem(TxWrite action) {
        if (action instanceof TxWrite.Put put) {
            return transactPut(put.item(), put.condition());
        } else if (action instanceof TxWrite.Update update) {
            ExpressionPlaceholders p = ExpressionPlaceholders.of(update.update(), update.condition());
            return TransactWriteItem.builder()
                    .update(Update.builder()
                            .tableName(tableName)
                            .key(toSdk(update.key()))
                            .updateExpression(update.update().text())
                            .conditionExpression(text(update.condition()))
                            .expressionAttributeNames(p.names())
                            .expressionAttributeValues(p.values())
                            .returnValuesOnConditionCheckFailure(onFailure(update.condition()))
                            .build())
                    .build();
        } else if (action instanceof TxWrite.Delete delete) {
            ExpressionPlaceholders p = ExpressionPlaceholders.of(delete.condition());
            return TransactWriteItem.builder()
                    .delete(Delete.builder()
                            .tableName(tableName)
                            .key(toSdk(delete.key()))
                            .conditionExpression(text(delete.condition()))
                            .expressionAttributeNames(p.names())
                            .expressionAttributeValues(p.values())
                            .returnValuesOnConditionCheckFailure(onFailure(delete.condition()))
                            .build())
                    .build();
        } else if (action instanceof TxWrite.Check check) {
            ExpressionPlaceholders p = ExpressionPlaceholders.of(check.condition());
            return TransactWriteItem.builder()
                    .conditionCheck(ConditionCheck.builder()
                            .tableName(tableName)
                            .key(toSdk(check.key()))
                            .conditionExpression(check.condition().text())
                            .expressionAttributeNames(p.names())
                            .expressionAttributeValues(p.values())
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                            .build())
                    .build();
        }
        throw new IllegalArgumentException(
                "unknown transaction action " + action.getClass().getName());
    }

    private TransactWriteItem transactPut(StoreItem item, @Nullable Expr condition) {
        ExpressionPlaceholders p = ExpressionPlaceholders.of(condition);
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(tableName)
                        .item(toSdk(item))
                        .conditionExpression(text(condition))
                        .expressionAttributeNames(p.names())
                        .expressionAttributeValues(p.values())
                        .returnValuesOnConditionCheckFailure(onFailure(condition))
                        .build())
                .build();
    }

    @Override
    public List<Optional<StoreItem>> transactGet(List<Map<String, ItemValue>> keys) {
        List<TransactGetItem> gets = new ArrayList<>(keys.size());
        for (Map<String, ItemValue> key : keys) {
            gets.add(TransactGetItem.builder()
                    .get(Get.builder().tableName(tableName).key(toSdk(key)).build())
                    .build());
        }
        List<ItemResponse> responses = call(
                        "TransactGetItems", () -> client.transactGetItems(b -> b.transactItems(gets)))
                .responses();
        List<Optional<StoreItem>> items = new ArrayList<>(responses.size());
        for (ItemResponse response : responses) {
            items.add(
                    response.hasItem() && !response.item().isEmpty()
                            ? Optional.of(toStoreItem(response.item()))
                            : Optional.empty());
        }
        return items;
    }

    /** Stops the batch threads; the client is left open. */
    @Override
    public void close() {
        for (ExecutorService pool : List.of(batchPool, writePool)) {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private <R> R call(String operation, Supplier<R> request) {
        LOG.debug("{} on {}", operation, tableName);
        try {
            return request.get();
        } catch (SdkException e) {
            throw errors.translate(operation, e);
        }
    }

    private static @Nullable String text(@Nullable Expr expr) {
        return expr == null ? null : expr.text();
    }

    private static @Nullable ReturnValuesOnConditionCheckFailure onFailure(@Nullable Expr condition) {
        return condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD;
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "restmachine-dynamodb-batch-" + pool + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
