package io.restmachine.orm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code table create} and {@code table delete} wait through CREATING and DELETING, as they must
 * against DynamoDB, whose tables take time: here a server whose tables take 200 ms each way.
 */
class TableToolsOnSlowServerTest {
    private static EmbeddedDynamoDB engine;
    private static Cli cli;

    @BeforeAll
    static void startServer() {
        engine = EmbeddedDynamoDB.builder()
                .createTableDelay(Duration.ofMillis(200))
                .deleteTableDelay(Duration.ofMillis(200))
                .build();
        cli = Cli.against(engine.startServer(0).toString());
    }

    @AfterAll
    static void stopServer() {
        engine.close();
    }

    @Test
    void tableCreate_returnsOnceTheTableAndItsIndexAreActive_andDeleteOnceTheTableIsGone() {
        String table = "slow-" + UUID.randomUUID();

        Cli.Result created = cli.run("table", "create", "--table", table, "--gsi", "ByEmail");

        assertThat(created.status()).as(created.toString()).isZero();
        assertThat(cli.run("table", "describe", "--table", table).out())
                .contains("\"TableStatus\" : \"ACTIVE\"")
                .doesNotContain("CREATING");

        Cli.Result deleted = cli.run("table", "delete", "--table", table);

        assertThat(deleted.status()).as(deleted.toString()).isZero();
        assertThat(cli.run("table", "list").lines()).doesNotContain(table);
    }
}
