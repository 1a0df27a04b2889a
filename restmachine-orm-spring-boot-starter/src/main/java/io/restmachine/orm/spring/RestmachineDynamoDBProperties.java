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

    /** The in-process engine, for development and tests. */
    private final Embedded embedded = new Embedded();

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

    public Embedded getEmbedded() {
        return embedded;
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
