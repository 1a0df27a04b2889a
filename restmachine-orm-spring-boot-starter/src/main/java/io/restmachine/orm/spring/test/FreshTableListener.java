package io.restmachine.orm.spring.test;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.net.URI;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/** Drops and re-creates the backend's table before each test method of a {@link FreshDynamoDBTable} test. */
final class FreshTableListener implements TestExecutionListener, Ordered {
    @Override
    public void beforeTestMethod(TestContext testContext) {
        DynamoDBBackend backend = testContext.getApplicationContext().getBean(DynamoDBBackend.class);
        Optional<URI> endpoint = backend.client().serviceClientConfiguration().endpointOverride();
        if (!endpoint.equals(Optional.of(EmbeddedDynamoDB.IN_PROCESS_ENDPOINT))) {
            throw new IllegalStateException("@FreshDynamoDBTable drops table " + backend.tableName()
                    + " before each test, so it only runs on the embedded engine, but the DynamoDBBackend bean talks to "
                    + endpoint.map(URI::toString).orElse("AWS")
                    + ": remove the application's own DynamoDBBackend bean from the test context");
        }
        backend.deleteTable();
        backend.createTable();
    }

    @Override
    public int getOrder() {
        // Before the dependency-injection listener's test-method work and any SQL-style set-up.
        return 1_000;
    }
}
