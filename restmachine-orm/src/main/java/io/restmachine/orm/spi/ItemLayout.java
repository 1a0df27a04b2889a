package io.restmachine.orm.spi;

import io.restmachine.orm.ItemFormat;
import java.util.Objects;

/**
 * The names of the attributes the ORM adds to every item, and the format of field names and values.
 * The default names match the Python restmachine-orm DynamoDB adapter; with {@link
 * ItemFormat#PYTHON} field names and times match it too, so a table written by either library
 * reads in the other.
 *
 * @param partitionKey the table's partition key attribute ({@code pk})
 * @param sortKey the table's sort key attribute ({@code sk})
 * @param entityType the attribute naming the model ({@code entity_type})
 * @param indexPartitionKeyPrefix prefix of a GSI's partition key attribute ({@code gsi_pk_}), followed by the index name
 * @param indexSortKeyPrefix prefix of a GSI's sort key attribute ({@code gsi_sk_}), followed by the index name
 * @param format how field names and values are written ({@link ItemFormat#DEFAULT}, or the Python
 *     original's forms)
 */
public record ItemLayout(
        String partitionKey,
        String sortKey,
        String entityType,
        String indexPartitionKeyPrefix,
        String indexSortKeyPrefix,
        ItemFormat format) {

    public ItemLayout {
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(indexPartitionKeyPrefix, "indexPartitionKeyPrefix");
        Objects.requireNonNull(indexSortKeyPrefix, "indexSortKeyPrefix");
        Objects.requireNonNull(format, "format");
    }

    /** A layout with these names, in {@link ItemFormat#DEFAULT}. */
    public ItemLayout(
            String partitionKey,
            String sortKey,
            String entityType,
            String indexPartitionKeyPrefix,
            String indexSortKeyPrefix) {
        this(partitionKey, sortKey, entityType, indexPartitionKeyPrefix, indexSortKeyPrefix, ItemFormat.DEFAULT);
    }

    /** This layout, writing names and values in another format. */
    public ItemLayout withFormat(ItemFormat format) {
        return new ItemLayout(partitionKey, sortKey, entityType, indexPartitionKeyPrefix, indexSortKeyPrefix, format);
    }

    /**
     * {@code pk}, {@code sk}, {@code entity_type}, {@code gsi_pk_<Index>}, {@code gsi_sk_<Index>},
     * in {@link ItemFormat#DEFAULT}.
     */
    public static ItemLayout defaults() {
        return new ItemLayout("pk", "sk", "entity_type", "gsi_pk_", "gsi_sk_");
    }

    /** The partition key attribute of the named index. */
    public String indexPartitionKey(String index) {
        return indexPartitionKeyPrefix + index;
    }

    /** The sort key attribute of the named index. */
    public String indexSortKey(String index) {
        return indexSortKeyPrefix + index;
    }
}
