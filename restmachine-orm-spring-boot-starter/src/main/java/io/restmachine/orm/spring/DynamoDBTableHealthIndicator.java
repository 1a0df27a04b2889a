package io.restmachine.orm.spring;

import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.dynamodb.TableDescription;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when the backend's table can be described and is {@code ACTIVE}; down when it is in any other
 * state (creating, deleting, ...) or can't be reached (missing, no credentials, network), with the
 * reason. Details: table name, table status and each index's status.
 */
public final class DynamoDBTableHealthIndicator extends AbstractHealthIndicator {
    private final DynamoDBBackend backend;

    /** An indicator for {@code backend}'s table. */
    public DynamoDBTableHealthIndicator(DynamoDBBackend backend) {
        super("DynamoDB table health check failed");
        this.backend = backend;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TableDescription table = backend.describeTable();
        builder.withDetail("table", table.tableName()).withDetail("status", table.status());
        for (TableDescription.Index index : table.globalSecondaryIndexes()) {
            builder.withDetail("index." + index.indexName(), index.status());
        }
        if ("ACTIVE".equals(table.status())) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
