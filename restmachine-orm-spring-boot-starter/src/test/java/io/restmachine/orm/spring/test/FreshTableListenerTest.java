package io.restmachine.orm.spring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.spring.shop.User;
import java.lang.reflect.Method;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class FreshTableListenerTest {
    @Test
    void refusesToDropATableThatIsNotOnTheEmbeddedEngine() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            URI endpoint = db.startServer(0);
            try (DynamoDBBackend remote = DynamoDBBackend.builder()
                    .tableName("precious")
                    .endpoint(endpoint)
                    .region("us-east-1")
                    .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build()) {
                remote.register(User.class).createTable();
                assertThatThrownBy(() -> new FreshTableListener().beforeTestMethod(contextWith(remote)))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("only runs on the embedded engine")
                        .hasMessageContaining(endpoint.toString());
                assertThat(db.client().listTables().tableNames()).containsExactly("precious");
            }
        }
    }

    @Test
    void emptiesTheTableOnTheEmbeddedEngine() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
                DynamoDBBackend backend = DynamoDBBackend.builder()
                        .tableName("shop")
                        .client(db.client())
                        .build()) {
            backend.register(User.class).createTable();
            backend.repository(User.class).create(new User("u1", "Alice"));
            new FreshTableListener().beforeTestMethod(contextWith(backend));
            assertThat(backend.repository(User.class).where().count()).isZero();
        }
    }

    private static TestContext contextWith(DynamoDBBackend backend) {
        StaticApplicationContext context = new StaticApplicationContext();
        context.getBeanFactory().registerSingleton("backend", backend);
        context.refresh();
        return new OnlyAnApplicationContext(context);
    }

    /** The one thing the listener reads from its test context. */
    @SuppressWarnings("serial")
    private record OnlyAnApplicationContext(ApplicationContext context) implements TestContext {
        @Override
        public ApplicationContext getApplicationContext() {
            return context;
        }

        @Override
        public Class<?> getTestClass() {
            return FreshTableListenerTest.class;
        }

        @Override
        public Object getTestInstance() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Method getTestMethod() {
            throw new UnsupportedOperationException();
        }

        @Override
        public @Nullable Throwable getTestException() {
            return null;
        }

        @Override
        public void markApplicationContextDirty(DirtiesContext.@Nullable HierarchyMode hierarchyMode) {}

        @Override
        public void updateState(
                @Nullable Object testInstance, @Nullable Method testMethod, @Nullable Throwable testException) {}

        @Override
        public void setAttribute(String name, @Nullable Object value) {}

        @Override
        public @Nullable Object getAttribute(String name) {
            return null;
        }

        @Override
        public @Nullable Object removeAttribute(String name) {
            return null;
        }

        @Override
        public boolean hasAttribute(String name) {
            return false;
        }

        @Override
        public String[] attributeNames() {
            return new String[0];
        }
    }
}
