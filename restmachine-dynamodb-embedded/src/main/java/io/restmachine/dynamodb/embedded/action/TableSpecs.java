package io.restmachine.dynamodb.embedded.action;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The parts of CreateTable and UpdateTable requests that describe a table and its indexes. */
public final class TableSpecs {
    private TableSpecs() {}

    public record AttributeDefinition(String attributeName, String attributeType) {}

    public record KeyElement(String attributeName, String keyType) {}

    /** {@code ProvisionedThroughput}; a member not given reads as 0. */
    public record Throughput(long readCapacityUnits, long writeCapacityUnits) {}

    /** A local or global secondary index as requested. */
    public record Index(
            String indexName,
            List<KeyElement> keySchema,
            @Nullable String projectionType,
            @Nullable List<String> nonKeyAttributes,
            @Nullable Throughput throughput) {}
}
