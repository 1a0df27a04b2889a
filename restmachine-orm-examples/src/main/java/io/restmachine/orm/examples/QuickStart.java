package io.restmachine.orm.examples;

import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.util.Optional;

/** The documentation's quick start: configure a backend, create a user, read it back. */
public final class QuickStart {
    private QuickStart() {}

    /** Runs the quick start on an in-memory engine and prints what it read. */
    public static void main(String[] args) {
        InMemoryEngine.run(backend -> {
            System.out.println(run(backend));
        });
    }

    /** Creates user-123 and returns it as read back. */
    public static Optional<User> run(DynamoDBBackend backend) {
        Repository<User> users = backend.repository(User.class);

        User alice = users.create(new User("user-123", "alice@example.com", "Alice"));

        Optional<User> found = users.get("user-123");
        return found;
    }

    /** The same backend on AWS, as the documentation configures it (needs AWS credentials). */
    static DynamoDBBackend onAws() {
        DynamoDBBackend backend = DynamoDBBackend.builder()
                .tableName("my-app-table")
                .region("us-east-1")
                .build();
        return backend;
    }
}
