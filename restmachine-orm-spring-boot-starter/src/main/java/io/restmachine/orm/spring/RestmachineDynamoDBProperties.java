package io.restmachine.orm.spring;

import io.restmachine.orm.ItemFormat;
import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code restmachine.dynamodb.*} properties.
 *
 * <pre>{@code
 * restmachine.dynamodb.table-name=my-app-table
 * restmachine.dynamodb.region=eu-west-1
 * restmachine.dynamodb.item-format=python
 * # development: an in-process engine, kept in ./data, also served on port 8000
 * restmachine.dynamodb.embedded.enabled=true
 * restmachine.dynamodb.embedded.data-dir=data
 * restmachine.dynamodb.embedded.port=8000
 * }</pre>
 */
@ConfigurationProperties("restmachine.dynamodb")
public class RestmachineDynamoDBProperties {
    /** The table every model is stored in (single-table design). Required. */
    private @Nullable String tableName;

    /** AWS region of the table, e.g. us-east-1; unset: the SDK's default region chain. */
    private @Nullable String region;

    /** Endpoint of any DynamoDB-compatible server, e.g. http://localhost:8000; unset: AWS. */
    private @Nullable URI endpoint;

    /**
     * Create the table and the models' indexes at start-up if they are missing. Default false, true
     * when the embedded engine is on.
     */
    private @Nullable Boolean createTable;

    /**
     * How attribute names and values are written: DEFAULT, or PYTHON / PYTHON_AWARE to share the
     * table with the Python restmachine-orm.
     */
    private ItemFormat itemFormat = ItemFormat.DEFAULT;

    /**
     * Secret that signs pagination cursors (HMAC-SHA256), at least 16 characters; every instance
     * of the application that should accept another's cursors needs the same one. Unset: a random
     * key per start, so cursors stop working across restarts and instances. Set it in production,
     * from an environment variable or a secret store (RESTMACHINE_DYNAMODB_CURSOR_KEY).
     */
    private @Nullable String cursorKey;

    /** Names of the attributes the ORM adds to every item. */
    private final Attributes attributes = new Attributes();

    /** The in-process engine, for development and tests. */
    private final Embedded embedded = new Embedded();

    /** Micrometer metrics, when Micrometer and a MeterRegistry bean are present. */
    private final Metrics metrics = new Metrics();

    public @Nullable String getTableName() {
        return tableName;
    }

    public void setTableName(@Nullable String tableName) {
        this.tableName = tableName;
    }

    public @Nullable String getRegion() {
        return region;
    }

    public void setRegion(@Nullable String region) {
        this.region = region;
    }

    public @Nullable URI getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(@Nullable URI endpoint) {
        this.endpoint = endpoint;
    }

    public @Nullable Boolean getCreateTable() {
        return createTable;
    }

    public void setCreateTable(@Nullable Boolean createTable) {
        this.createTable = createTable;
    }

    /** Whether the table is created at start-up: the property if set, else whether the embedded engine is on. */
    public boolean createTableOrDefault() {
        return createTable != null ? createTable : embedded.isEnabled();
    }

    public ItemFormat getItemFormat() {
        return itemFormat;
    }

    public void setItemFormat(ItemFormat itemFormat) {
        this.itemFormat = itemFormat;
    }

    public @Nullable String getCursorKey() {
        return cursorKey;
    }

    public void setCursorKey(@Nullable String cursorKey) {
        this.cursorKey = cursorKey;
    }

    public Attributes getAttributes() {
        return attributes;
    }

    public Embedded getEmbedded() {
        return embedded;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    /** The {@code restmachine.dynamodb.attributes.*} properties; unset ones keep the ORM's defaults. */
    public static class Attributes {
        /** Name of the table's partition key attribute (default pk). */
        private @Nullable String partitionKey;

        /** Name of the table's sort key attribute (default sk). */
        private @Nullable String sortKey;

        /** Name of the attribute holding each item's entity type (default entity_type). */
        private @Nullable String entityType;

        /** Prefix of the attributes holding global secondary index partition keys (default gsi_pk_). */
        private @Nullable String indexPartitionKeyPrefix;

        /** Prefix of the attributes holding global secondary index sort keys (default gsi_sk_). */
        private @Nullable String indexSortKeyPrefix;

        public @Nullable String getPartitionKey() {
            return partitionKey;
        }

        public void setPartitionKey(@Nullable String partitionKey) {
            this.partitionKey = partitionKey;
        }

        public @Nullable String getSortKey() {
            return sortKey;
        }

        public void setSortKey(@Nullable String sortKey) {
            this.sortKey = sortKey;
        }

        public @Nullable String getEntityType() {
            return entityType;
        }

        public void setEntityType(@Nullable String entityType) {
            this.entityType = entityType;
        }

        public @Nullable String getIndexPartitionKeyPrefix() {
            return indexPartitionKeyPrefix;
        }

        public void setIndexPartitionKeyPrefix(@Nullable String indexPartitionKeyPrefix) {
            this.indexPartitionKeyPrefix = indexPartitionKeyPrefix;
        }

        public @Nullable String getIndexSortKeyPrefix() {
            return indexSortKeyPrefix;
        }

        public void setIndexSortKeyPrefix(@Nullable String indexSortKeyPrefix) {
            this.indexSortKeyPrefix = indexSortKeyPrefix;
        }
    }

    /** The {@code restmachine.dynamodb.metrics.*} properties. */
    public static class Metrics {
        /** Record the restmachine.orm.* meters when a MeterRegistry bean exists. */
        private boolean enabled = true;

        /**
         * Ask DynamoDB for the capacity each call consumed (ReturnConsumedCapacity=TOTAL, on the
         * clients this starter builds) and record it as restmachine.orm.consumed.capacity.
         */
        private boolean consumedCapacity = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isConsumedCapacity() {
            return consumedCapacity;
        }

        public void setConsumedCapacity(boolean consumedCapacity) {
            this.consumedCapacity = consumedCapacity;
        }
    }

    /** The {@code restmachine.dynamodb.embedded.*} properties. */
    public static class Embedded {
        /**
         * Start an in-process DynamoDB-compatible engine and store in it (instead of AWS, the
         * endpoint, or an existing DynamoDbClient bean).
         */
        private boolean enabled;

        /** Keep the embedded engine's tables in this directory across restarts; unset: in memory. */
        private @Nullable Path dataDir;

        /** Also serve the embedded engine over HTTP on 127.0.0.1 at this port (0: any free port). */
        private @Nullable Integer port;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public @Nullable Path getDataDir() {
            return dataDir;
        }

        public void setDataDir(@Nullable Path dataDir) {
            this.dataDir = dataDir;
        }

        public @Nullable Integer getPort() {
            return port;
        }

        public void setPort(@Nullable Integer port) {
            this.port = port;
        }
    }
}
