package io.restmachine.orm.cli;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The table tools against the embedded engine's HTTP server (what {@code serve} runs). */
class TableToolsOnEmbeddedServerTest extends TableToolsContract {
    private static EmbeddedDynamoDB engine;
    private static URI endpoint;

    @BeforeAll
    static void startServer() {
        engine = EmbeddedDynamoDB.inMemory();
        endpoint = engine.startServer(0);
    }

    @AfterAll
    static void stopServer() {
        engine.close();
    }

    @Override
    String endpoint() {
        return endpoint.toString();
    }
}
