package io.restmachine.orm.bench.measure;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.restmachine.orm.Repository;
import io.restmachine.orm.bench.ChildJvm;
import io.restmachine.orm.bench.model.Order;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The child JVM of measurement 6 (run with a small fixed heap): streams every order of a table
 * through {@code Repository.where().stream()} over HTTP and reports the peak live heap while
 * streaming: the heap after a forced {@code System.gc()} at each tenth of the stream (with the stream
 * open), so both sizes are sampled alike ({@code peak}), against a baseline taken the same way before
 * the stream starts. Separately ({@code collectorPeak}), the heap after each full collection the JVM
 * ran on its own: those land at random moments, for example in the middle of converting a page.
 */
public final class MemoryChild {
    private MemoryChild() {}

    /** Arguments: endpoint, table, expected item count. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: MemoryChild ENDPOINT TABLE COUNT");
        }
        URI endpoint = URI.create(args[0]);
        long expected = Long.parseLong(args[2]);
        DynamoDBBackend backend = DynamoDBBackend.builder()
                .tableName(args[1])
                .endpoint(endpoint)
                .region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .build();
        Repository<Order> orders = backend.repository(Order.class);
        // Warm the client and model so that class loading is in the baseline, not in the peak.
        orders.where().eq("id", "order-0").first();

        long baseline = liveAfterGc();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicLong collectorPeak = new AtomicLong(baseline);
        listenToCollections(collectorPeak);
        long seen = 0;
        long checkpoint = Math.max(1, expected / 10);
        try (Stream<Order> stream = orders.where().stream()) {
            Iterator<Order> it = stream.iterator();
            while (it.hasNext()) {
                Order order = it.next();
                if (order.id().isEmpty()) {
                    throw new IllegalStateException("an order without id");
                }
                if (++seen % checkpoint == 0) {
                    peak.accumulateAndGet(liveAfterGc(), Math::max);
                }
            }
        }
        backend.close();
        if (seen != expected) {
            throw new IllegalStateException("streamed " + seen + " orders, expected " + expected);
        }
        ChildJvm.report(
                Map.of("items", seen, "baseline", baseline, "peak", peak.get(), "collectorPeak", collectorPeak.get()));
    }

    private static long liveAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void listenToCollections(AtomicLong peak) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(
                        (notification, handback) -> {
                            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                    notification.getType())) {
                                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                // Only a full collection leaves just the live objects; after a young
                                // one the old generation still holds garbage not yet collected.
                                if (info.getGcAction().contains("major")) {
                                    peak.accumulateAndGet(
                                            heapAfter(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                                }
                            }
                        },
                        null,
                        null);
            }
        }
    }

    private static long heapAfter(Map<String, MemoryUsage> after) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = after.get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && usage != null) {
                used += usage.getUsed();
            }
        }
        return used;
    }
}
