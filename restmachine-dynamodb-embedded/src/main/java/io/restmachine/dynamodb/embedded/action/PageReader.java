package io.restmachine.dynamodb.embedded.action;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ConditionExpression;
import io.restmachine.dynamodb.embedded.protocol.AttributeJson;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.StoreKey;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import io.restmachine.dynamodb.embedded.value.AttributeValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads one page of a Query or Scan: walks the ordered entries, counting every item evaluated
 * against {@code Limit} and the 1 MB page size before the filter is applied (as DynamoDB does),
 * then filters, projects and renders {@code Items}, {@code Count}, {@code ScannedCount},
 * {@code LastEvaluatedKey} and {@code ConsumedCapacity}.
 */
final class PageReader {
    static final long PAGE_SIZE = 1024 * 1024;

    private final Table table;
    private final @Nullable IndexDefinition index;
    private final int limit;
    private final @Nullable ConditionExpression filter;
    private final Projection projection;
    private final @Nullable String select;
    private final JsonNode request;

    PageReader(
            Table table,
            @Nullable IndexDefinition index,
            JsonNode request,
            @Nullable ConditionExpression filter,
            Projection projection) {
        this.table = table;
        this.index = index;
        this.request = request;
        this.limit = request.has("Limit") ? request.get("Limit").asInt() : 0;
        this.filter = filter;
        this.projection = projection;
        this.select = Requests.optionalText(request, "Select");
    }

    /** The index named in the request, checked; null for the table. */
    static @Nullable IndexDefinition index(TableDefinition table, JsonNode request) {
        String name = Requests.optionalText(request, "IndexName");
        if (name == null) {
            return null;
        }
        IndexDefinition index = table.index(name)
                .orElseThrow(() -> EngineException.validation("The table does not have the specified index: " + name));
        if (index.global() && Requests.flag(request, "ConsistentRead")) {
            throw EngineException.validation("Consistent reads are not supported on global secondary indexes");
        }
        return index;
    }

    /** Select and projections must agree, as DynamoDB checks before anything else. */
    static void checkSelectAndProjection(JsonNode request) {
        String select = Requests.optionalText(request, "Select");
        String projection = request.has("ProjectionExpression")
                ? "ProjectionExpression"
                : request.has("AttributesToGet") ? "AttributesToGet" : null;
        if ("SPECIFIC_ATTRIBUTES".equals(select) && projection == null) {
            throw EngineException.validation(
                    "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (select != null && !select.equals("SPECIFIC_ATTRIBUTES") && projection != null) {
            throw EngineException.validation("1 validation error detected: Cannot specify the " + projection
                    + " when choosing to get " + select);
        }
    }

    /** DynamoDB's check that Select=ALL_ATTRIBUTES is possible on this index. */
    static void checkSelect(@Nullable IndexDefinition index, JsonNode request) {
        if (index != null
                && index.global()
                && !index.projectsAll()
                && "ALL_ATTRIBUTES".equals(Requests.optionalText(request, "Select"))) {
            throw EngineException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is"
                    + " not supported for global secondary index " + index.name()
                    + " because its projection type is not ALL");
        }
    }

    /** The names of the LastEvaluatedKey: the table's key, then the index's. */
    List<String> startKeyNames() {
        List<String> names = new ArrayList<>(table.definition().key().names());
        if (index != null) {
            for (String name : index.key().names()) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The store key of an ExclusiveStartKey (already validated) in the map being read. */
    StoreKey startKey(Map<String, AttributeValue> start) {
        if (index == null) {
            return table.keyOf(start);
        }
        StoreKey key = table.indexKeyOf(index, start);
        if (key == null) {
            throw EngineException.validation("The provided starting key is invalid");
        }
        return key;
    }

    /** Reads from {@code entries} (already positioned and ordered) while {@code within} holds. */
    void read(
            NavigableMap<StoreKey, Map<String, AttributeValue>> entries,
            Predicate<Map<String, AttributeValue>> within,
            JsonGenerator out)
            throws IOException {
        int scanned = 0;
        long size = 0;
        long capacityBytes = 0;
        Map<String, AttributeValue> last = null;
        List<Map<String, AttributeValue>> matched = new ArrayList<>();
        boolean fetch = index != null && !index.projectsAll() && "ALL_ATTRIBUTES".equals(select);
        for (Map<String, AttributeValue> entry : entries.values()) {
            if ((limit > 0 && scanned >= limit) || size >= PAGE_SIZE) {
                break;
            }
            if (!within.test(entry)) {
                break;
            }
            Map<String, AttributeValue> item = entry;
            if (fetch) {
                Map<String, AttributeValue> full = table.get(table.keyOf(entry));
                item = full == null ? entry : full;
            }
            long itemSize = AttributeValues.size(item);
            scanned++;
            size += itemSize;
            capacityBytes += itemSize;
            last = entry;
            if (filter == null || filter.test(item)) {
                matched.add(item);
            }
        }
        boolean more = last != null && ((limit > 0 && scanned >= limit) || size >= PAGE_SIZE);
        out.writeStartObject();
        if (!"COUNT".equals(select)) {
            out.writeArrayFieldStart("Items");
            for (Map<String, AttributeValue> item : matched) {
                AttributeJson.writeItem(out, projection.apply(item));
            }
            out.writeEndArray();
        }
        out.writeNumberField("Count", matched.size());
        out.writeNumberField("ScannedCount", scanned);
        if (more) {
            Map<String, AttributeValue> lastKey = new LinkedHashMap<>();
            for (String name : startKeyNames()) {
                AttributeValue value = last.get(name);
                if (value != null) {
                    lastKey.put(name, value);
                }
            }
            out.writeFieldName("LastEvaluatedKey");
            AttributeJson.writeItem(out, lastKey);
        }
        if (Requests.wantsCapacity(request)) {
            double units = Math.ceil(capacityBytes / 1024.0 / 4) * (Requests.flag(request, "ConsistentRead") ? 1 : 0.5);
            out.writeFieldName("ConsumedCapacity");
            out.writeStartObject();
            Requests.writeUnits(out, units);
            out.writeStringField("TableName", table.name());
            if ("INDEXES".equals(Requests.optionalText(request, "ReturnConsumedCapacity"))) {
                out.writeObjectFieldStart("Table");
                Requests.writeUnits(out, index == null ? units : 0);
                out.writeEndObject();
                if (index != null) {
                    out.writeObjectFieldStart(index.global() ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes");
                    out.writeObjectFieldStart(index.name());
                    Requests.writeUnits(out, units);
                    out.writeEndObject();
                    out.writeEndObject();
                }
            }
            out.writeEndObject();
        }
        out.writeEndObject();
    }
}
