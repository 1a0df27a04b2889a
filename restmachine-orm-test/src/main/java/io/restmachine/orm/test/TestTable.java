package io.restmachine.orm.test;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The table a {@link DynamoDBTest} test runs on; injectable as a parameter.
 *
 * @param name the table's unique name
 * @param endpoint the server's endpoint, or null for the embedded engine in-process
 */
public record TestTable(String name, @Nullable URI endpoint) {
    public TestTable {
        Objects.requireNonNull(name, "name");
    }

    /** Whether the table lives on the embedded engine of this JVM. */
    public boolean embedded() {
        return endpoint == null;
    }
}
