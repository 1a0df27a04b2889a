package io.restmachine.orm.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Records what every DynamoDB call of a client reports about cost and retries, as Micrometer
 * meters tagged by {@code operation} (the DynamoDB action, e.g. {@code BatchWriteItem}):
 *
 * <ul>
 *   <li>{@code restmachine.orm.consumed.capacity} (distribution summary, also tagged {@code table}):
 *       the capacity units each call consumed. With {@code consumedCapacity} on, calls that did not
 *       ask for it are sent with {@code ReturnConsumedCapacity=TOTAL}; a call that asked for
 *       {@code INDEXES} keeps it.
 *   <li>{@code restmachine.orm.batch.unprocessed} (counter): items (BatchWriteItem) or keys
 *       (BatchGetItem) that came back unprocessed; the backend resends each with backoff.
 *   <li>{@code restmachine.orm.batch.retries} (counter): batch calls that came back with
 *       unprocessed entries, each followed by a resend.
 *   <li>{@code restmachine.orm.retries} (counter): attempts the SDK itself repeated (throttling,
 *       5xx), beyond the first of each call.
 * </ul>
 *
 * <p>The starter adds it to the clients it builds; add it to a client of your own with {@code
 * overrideConfiguration(o -> o.addExecutionInterceptor(interceptor))}.
 */
public final class RestmachineMetricsInterceptor implements ExecutionInterceptor {
    private static final ExecutionAttribute<Integer> ATTEMPTS = new ExecutionAttribute<>("restmachine.attempts");

    private final Supplier<@Nullable MeterRegistry> registry;
    private final boolean consumedCapacity;

    /**
     * @param registry where to record; asked on every call, so that a registry created after the
     *     client still receives the meters (calls made while it answers {@code null} are not recorded)
     * @param consumedCapacity ask for consumed capacity on calls that did not
     */
    public RestmachineMetricsInterceptor(Supplier<@Nullable MeterRegistry> registry, boolean consumedCapacity) {
        this.registry = registry;
        this.consumedCapacity = consumedCapacity;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        return consumedCapacity ? withConsumedCapacity(request) : request;
    }

    private static SdkRequest withConsumedCapacity(SdkRequest request) {
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof PutItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof GetItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof UpdateItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof DeleteItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof QueryRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof ScanRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchWriteItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchGetItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof TransactWriteItemsRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof TransactGetItemsRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Integer attempts = attributes.getAttribute(ATTEMPTS);
        int attempt = attempts == null ? 1 : attempts + 1;
        attributes.putAttribute(ATTEMPTS, attempt);
        MeterRegistry meters = registry.get();
        if (attempt > 1 && meters != null) {
            counter(meters, "restmachine.orm.retries", "DynamoDB call attempts repeated by the SDK", attributes)
                    .increment();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        MeterRegistry meters = registry.get();
        if (meters == null) {
            return;
        }
        String operation = operation(attributes);
        SdkResponse response = context.response();
        for (ConsumedCapacity capacity : consumedCapacity(response)) {
            if (capacity.capacityUnits() != null) {
                DistributionSummary.builder("restmachine.orm.consumed.capacity")
                        .description("Capacity units consumed per DynamoDB call")
                        .baseUnit("capacity units")
                        .tag("operation", operation)
                        .tag("table", capacity.tableName() == null ? "unknown" : capacity.tableName())
                        .register(meters)
                        .record(capacity.capacityUnits());
            }
        }
        long unprocessed = unprocessed(response);
        if (unprocessed > 0) {
            counter(meters, "restmachine.orm.batch.unprocessed", "Batch entries returned unprocessed", attributes)
                    .increment(unprocessed);
            counter(meters, "restmachine.orm.batch.retries", "Batch calls followed by a resend", attributes)
                    .increment();
        }
    }

    private static Counter counter(
            MeterRegistry meters, String name, String description, ExecutionAttributes attributes) {
        return Counter.builder(name)
                .description(description)
                .tag("operation", operation(attributes))
                .register(meters);
    }

    private static String operation(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return name == null ? "unknown" : name;
    }

    private static List<ConsumedCapacity> consumedCapacity(SdkResponse response) {
        if (response instanceof PutItemResponse r) {
            return single(r.consumedCapacity());
        } else if (response instanceof GetItemResponse r) {
            return single(r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            return single(r.consumedCapacity());
        } else if (response instanceof DeleteItemResponse r) {
            return single(r.consumedCapacity());
        } else if (response instanceof QueryResponse r) {
            return single(r.consumedCapacity());
        } else if (response instanceof ScanResponse r) {
            return single(r.consumedCapacity());
        } else if (response instanceof BatchWriteItemResponse r) {
            return r.consumedCapacity();
        } else if (response instanceof BatchGetItemResponse r) {
            return r.consumedCapacity();
        } else if (response instanceof TransactWriteItemsResponse r) {
            return r.consumedCapacity();
        } else if (response instanceof TransactGetItemsResponse r) {
            return r.consumedCapacity();
        }
        return List.of();
    }

    private static List<ConsumedCapacity> single(@Nullable ConsumedCapacity capacity) {
        return capacity == null ? List.of() : List.of(capacity);
    }

    private static long unprocessed(SdkResponse response) {
        if (response instanceof BatchWriteItemResponse r) {
            return r.unprocessedItems().values().stream()
                    .mapToLong(List<WriteRequest>::size)
                    .sum();
        } else if (response instanceof BatchGetItemResponse r) {
            long keys = 0;
            for (Map.Entry<String, KeysAndAttributes> entry :
                    r.unprocessedKeys().entrySet()) {
                keys += entry.getValue().keys().size();
            }
            return keys;
        }
        return 0;
    }
}
