package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ConditionExpression;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.KeyHash;
import io.restmachine.dynamodb.embedded.table.KeySchema;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Scan: the table or an index in partition-hash order; a parallel scan reads the segment's equal
 * share of the 4096 hash buckets.
 */
public final class Scan implements Action<Scan.Request, PageReader.Page> {
    private static final Pattern UNPREFIXED =
            Pattern.compile("contains duplicates|number set|numeric value|significant digits|number with magnitude");
    private static final int BUCKETS = 4096;

    /**
     * A Scan as decoded: everything checked that DynamoDB checks before it looks at the table.
     *
     * @param segment {@code Segment}, 0 when absent
     * @param totalSegments {@code TotalSegments}, 1 when absent
     */
    public record Request(
            String tableName,
            @Nullable String indexName,
            @Nullable ConditionExpression filter,
            Projection projection,
            @Nullable Map<String, DynamoValue> exclusiveStartKey,
            int segment,
            int totalSegments,
            PageReader.Options options) {}

    /**
     * An ExclusiveStartKey's values, read by {@code read}, with DynamoDB's (partly prefixed)
     * messages for invalid ones.
     */
    public static Map<String, DynamoValue> startKey(Supplier<Map<String, DynamoValue>> read) {
        try {
            return read.get();
        } catch (EngineException e) {
            String message = e.error().message();
            throw EngineException.validation(
                    UNPREFIXED.matcher(message).find() ? message : "The provided starting key is invalid: " + message);
        }
    }

    /** DynamoDB's checks of {@code Segment} and {@code TotalSegments} together (null when absent). */
    public static void checkSegments(@Nullable Integer segment, @Nullable Integer total) {
        if (segment != null && total == null) {
            throw EngineException.validation("The TotalSegments parameter is required but was not present in the"
                    + " request when Segment parameter is present");
        }
        if (total != null) {
            if (segment == null) {
                throw EngineException.validation("The Segment parameter is required but was not present in the request"
                        + " when parameter TotalSegments is present");
            }
            if (segment >= total) {
                throw EngineException.validation("The Segment parameter is zero-based and must be less than parameter"
                        + " TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + total);
            }
        }
    }

    @Override
    public PageReader.Page execute(Request request, Engine engine) {
        Map<String, DynamoValue> start = request.exclusiveStartKey();
        int segment = request.segment();
        int total = request.totalSegments();
        Table table = engine.database().table(request.tableName());
        IndexDefinition index = PageReader.index(
                table,
                engine.database().nowMillis(),
                request.indexName(),
                request.options().consistentRead());
        PageReader reader = new PageReader(table, index, request.options(), request.filter(), request.projection());
        StoreKey startKey = null;
        if (start != null) {
            startKey = startKey(start, reader, table, index);
        }
        KeyPaths.requireScalar(table.definition(), request.projection());
        KeyPaths.requireScalar(table.definition(), request.filter());
        PageReader.checkSelect(index, request.options().select());

        int firstBucket = (int) Math.ceil((double) BUCKETS * segment / total);
        int lastBucket = (int) Math.ceil((double) BUCKETS * (segment + 1) / total) - 1;
        StoreKey low = StoreKey.hashBound(firstBucket << 12, -1);
        StoreKey high = StoreKey.hashBound(((lastBucket + 1) << 12) - 1, 1);
        boolean lowInclusive = true;
        if (startKey != null) {
            int bucket = KeyHash.bucket(startKey.hash());
            if (total > 1 && (bucket < firstBucket || bucket > lastBucket)) {
                throw EngineException.validation("The provided starting key is invalid: Invalid ExclusiveStartKey."
                        + " Please use ExclusiveStartKey with correct Segment. TotalSegments: " + total + " Segment: "
                        + segment);
            }
            low = startKey;
            lowInclusive = false;
        }
        NavigableMap<StoreKey, Map<String, DynamoValue>> source =
                index == null ? table.items() : table.index(index.name());
        NavigableMap<StoreKey, Map<String, DynamoValue>> range = low.compareTo(high) > 0
                ? java.util.Collections.emptyNavigableMap()
                : source.subMap(low, lowInclusive, high, true);
        return reader.read(range, item -> true);
    }

    private static StoreKey startKey(
            Map<String, DynamoValue> start, PageReader reader, Table table, @Nullable IndexDefinition index) {
        KeySchema tableKey = table.definition().key();
        if (start.size() != reader.startKeyNames().size()) {
            throw EngineException.validation(
                    index != null
                            ? "The provided starting key is invalid"
                            : "The provided starting key is invalid: The provided key element does not match the"
                                    + " schema");
        }
        if (index != null) {
            for (String name : index.key().names()) {
                if (!start.containsKey(name)) {
                    throw EngineException.validation("The provided starting key is invalid");
                }
                KeyRules.validateKeyPiece(
                        start,
                        name,
                        index.key().typeOf(name),
                        name.equals(index.key().hashName()));
            }
        }
        Map<String, DynamoValue> tablePart = new java.util.LinkedHashMap<>();
        for (String name : tableKey.names()) {
            if (start.containsKey(name)) {
                tablePart.put(name, start.get(name));
            }
        }
        try {
            KeyRules.validateKey(tablePart, tableKey);
        } catch (EngineException e) {
            throw EngineException.validation(
                    "The provided starting key is invalid: " + e.error().message());
        }
        return reader.startKey(start);
    }
}
