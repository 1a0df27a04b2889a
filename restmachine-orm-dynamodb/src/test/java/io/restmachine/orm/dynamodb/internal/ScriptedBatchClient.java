package io.restmachine.orm.dynamodb.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A client whose BatchWriteItem and BatchGetItem leave entries unprocessed or fail whole calls as
 * scripted, and that records what was written and the shape of every call.
 */
final class ScriptedBatchClient implements DynamoDbClient {
    final Map<Map<String, AttributeValue>, Map<String, AttributeValue>> stored = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger largestRequest = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    final List<Integer> requestSizes = java.util.Collections.synchronizedList(new ArrayList<>());

    private final Random random = new Random(42);
    private double unprocessedShare;
    private double throttledShare;
    private Predicate<Map<String, AttributeValue>> alwaysUnprocessed = key -> false;
    private Predicate<Map<String, AttributeValue>> poison = key -> false;
    private Set<Map<String, AttributeValue>> duplicatesSeen = ConcurrentHashMap.newKeySet();

    ScriptedBatchClient unprocessed(double share) {
        this.unprocessedShare = share;
        return this;
    }

    ScriptedBatchClient throttled(double share) {
        this.throttledShare = share;
        return this;
    }

    ScriptedBatchClient alwaysUnprocessed(Predicate<Map<String, AttributeValue>> keys) {
        this.alwaysUnprocessed = keys;
        return this;
    }

    /** Calls containing one of these keys fail as a whole with a non-retryable error. */
    ScriptedBatchClient poison(Predicate<Map<String, AttributeValue>> keys) {
        this.poison = keys;
        return this;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        enter();
        try {
            List<WriteRequest> writes =
                    request.requestItems().values().iterator().next();
            String table = request.requestItems().keySet().iterator().next();
            record(writes.size());
            if (nextDouble() < throttledShare) {
                throw throttling();
            }
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (WriteRequest write : writes) {
                keys.add(
                        write.putRequest() != null
                                ? keyOf(write.putRequest().item())
                                : write.deleteRequest().key());
            }
            if (keys.stream().distinct().count() != keys.size()) {
                throw validation("Provided list of item keys contains duplicates");
            }
            if (keys.stream().anyMatch(poison)) {
                throw denied();
            }
            List<WriteRequest> left = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                WriteRequest write = writes.get(i);
                Map<String, AttributeValue> key = keys.get(i);
                if (alwaysUnprocessed.test(key) || nextDouble() < unprocessedShare) {
                    left.add(write);
                } else if (write.putRequest() != null) {
                    stored.put(key, write.putRequest().item());
                } else {
                    stored.remove(key);
                }
            }
            return BatchWriteItemResponse.builder()
                    .unprocessedItems(left.isEmpty() ? Map.of() : Map.of(table, left))
                    .build();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        enter();
        try {
            String table = request.requestItems().keySet().iterator().next();
            KeysAndAttributes asked = request.requestItems().get(table);
            record(asked.keys().size());
            if (asked.keys().stream().distinct().count() != asked.keys().size()) {
                throw validation("Provided list of item keys contains duplicates");
            }
            if (nextDouble() < throttledShare) {
                throw throttling();
            }
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            List<Map<String, AttributeValue>> left = new ArrayList<>();
            for (Map<String, AttributeValue> key : asked.keys()) {
                if (alwaysUnprocessed.test(key) || nextDouble() < unprocessedShare) {
                    left.add(key);
                } else if (stored.containsKey(key)) {
                    found.add(stored.get(key));
                }
            }
            Map<String, KeysAndAttributes> unprocessed = new HashMap<>();
            if (!left.isEmpty()) {
                unprocessed.put(table, asked.toBuilder().keys(left).build());
            }
            return BatchGetItemResponse.builder()
                    .responses(Map.of(table, found))
                    .unprocessedKeys(unprocessed)
                    .build();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void enter() {
        calls.incrementAndGet();
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
    }

    private void record(int size) {
        requestSizes.add(size);
        largestRequest.accumulateAndGet(size, Math::max);
    }

    private synchronized double nextDouble() {
        return random.nextDouble();
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of("pk", item.get("pk"), "sk", item.get("sk"));
    }

    private static ProvisionedThroughputExceededException throttling() {
        return (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
                .message("The level of configured provisioned throughput for the table was exceeded")
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException")
                        .errorMessage("The level of configured provisioned throughput for the table was exceeded")
                        .build())
                .build();
    }

    private static DynamoDbException validation(String message) {
        return error("ValidationException", message);
    }

    private static DynamoDbException denied() {
        DynamoDbException e =
                error("AccessDeniedException", "User is not authorized to perform dynamodb:BatchWriteItem");
        return (DynamoDbException) e.toBuilder().message("not allowed").build();
    }

    /** A 400 error of the service with this code and message, as the SDK builds it from a response. */
    static DynamoDbException error(String code, String message) {
        return (DynamoDbException) DynamoDbException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .build())
                .build();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {}
}
