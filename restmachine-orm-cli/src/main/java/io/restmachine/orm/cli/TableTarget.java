package io.restmachine.orm.cli;

import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code --table} plus the connection options: the table a command works on. */
final class TableTarget {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--table", required = true, paramLabel = "TABLE", description = "Table name")
    String table = "";

    /** Runs the work with a client, reporting failures in terms of this table. */
    <T> T call(Function<DynamoDbClient, T> work) {
        return connection.call(table, work);
    }
}
