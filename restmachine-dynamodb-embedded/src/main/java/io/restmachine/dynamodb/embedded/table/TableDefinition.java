package io.restmachine.dynamodb.embedded.table;

import io.restmachine.dynamodb.embedded.stream.StreamSetting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything a table is, apart from its items: name, attribute definitions, key, indexes, billing
 * mode and throughput, creation time, identity, time-to-live setting and latest stream. Immutable: every schema
 * change produces a new definition (see the {@code with*} methods).
 *
 * @param attributeTypes attribute name to scalar type, in the order they were defined
 */
public record TableDefinition(
        String name,
        Map<String, String> attributeTypes,
        KeySchema key,
        List<IndexDefinition> localIndexes,
        List<IndexDefinition> globalIndexes,
        boolean payPerRequest,
        long readCapacity,
        long writeCapacity,
        double creationTime,
        String tableId,
        @Nullable String ttlAttribute,
        @Nullable StreamSetting stream) {
    public TableDefinition {
        Objects.requireNonNull(name, "name");
        attributeTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeTypes));
        Objects.requireNonNull(key, "key");
        localIndexes = List.copyOf(localIndexes);
        globalIndexes = List.copyOf(globalIndexes);
        Objects.requireNonNull(tableId, "tableId");
    }

    /** A definition without a stream. */
    public TableDefinition(
            String name,
            Map<String, String> attributeTypes,
            KeySchema key,
            List<IndexDefinition> localIndexes,
            List<IndexDefinition> globalIndexes,
            boolean payPerRequest,
            long readCapacity,
            long writeCapacity,
            double creationTime,
            String tableId,
            @Nullable String ttlAttribute) {
        this(
                name,
                attributeTypes,
                key,
                localIndexes,
                globalIndexes,
                payPerRequest,
                readCapacity,
                writeCapacity,
                creationTime,
                tableId,
                ttlAttribute,
                null);
    }

    /** The index named {@code indexName}, local or global. */
    public Optional<IndexDefinition> index(String indexName) {
        for (IndexDefinition index : globalIndexes) {
            if (index.name().equals(indexName)) {
                return Optional.of(index);
            }
        }
        for (IndexDefinition index : localIndexes) {
            if (index.name().equals(indexName)) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    /** Global then local indexes, in declaration order. */
    public List<IndexDefinition> indexes() {
        List<IndexDefinition> all = new ArrayList<>(globalIndexes);
        all.addAll(localIndexes);
        return all;
    }

    /** The ARN DynamoDB would give this table in us-east-1 of the dummy account. */
    public String arn() {
        return "arn:aws:dynamodb:us-east-1:000000000000:table/" + name;
    }

    public TableDefinition withGlobalIndexes(List<IndexDefinition> indexes, Map<String, String> types) {
        return new TableDefinition(
                name,
                types,
                key,
                localIndexes,
                indexes,
                payPerRequest,
                readCapacity,
                writeCapacity,
                creationTime,
                tableId,
                ttlAttribute,
                stream);
    }

    public TableDefinition withThroughput(boolean onDemand, long read, long write) {
        return new TableDefinition(
                name,
                attributeTypes,
                key,
                localIndexes,
                globalIndexes,
                onDemand,
                read,
                write,
                creationTime,
                tableId,
                ttlAttribute,
                stream);
    }

    public TableDefinition withTtlAttribute(@Nullable String attribute) {
        return new TableDefinition(
                name,
                attributeTypes,
                key,
                localIndexes,
                globalIndexes,
                payPerRequest,
                readCapacity,
                writeCapacity,
                creationTime,
                tableId,
                attribute,
                stream);
    }

    /** This definition with its latest stream {@code setting} (null: the table never had one). */
    public TableDefinition withStream(@Nullable StreamSetting setting) {
        return new TableDefinition(
                name,
                attributeTypes,
                key,
                localIndexes,
                globalIndexes,
                payPerRequest,
                readCapacity,
                writeCapacity,
                creationTime,
                tableId,
                ttlAttribute,
                setting);
    }

    /** The ARN of the table's latest stream, if it ever had one. */
    public Optional<String> streamArn() {
        return stream == null ? Optional.empty() : Optional.of(stream.arn(arn()));
    }
}
