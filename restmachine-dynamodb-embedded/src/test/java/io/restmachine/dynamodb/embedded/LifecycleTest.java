package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private int healthStatus(ServerHandle server) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(server.endpoint())
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void serverHandle_close_stopsThatServerButKeepsTheData() throws Exception {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            ServerHandle first = db.serve("127.0.0.1", 0);
            assertThat(healthStatus(first)).isEqualTo(200);
            try (var client = Transport.overHttp(first.endpoint())) {
                client.createTable(b -> b.tableName("kept")
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                        .keySchema(k -> k.attributeName("pk").keyType("HASH")));
            }
            first.close();
            assertThatThrownBy(() -> healthStatus(first)).isInstanceOf(ConnectException.class);
            assertThat(db.client().listTables().tableNames()).containsExactly("kept");
        }
    }

    @Test
    void closedEngine_refusesNewClientsAndServers() {
        EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
        db.close();
        assertThatThrownBy(db::client).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> db.startServer(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void serve_withInvalidPort_isRejected() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            assertThatThrownBy(() -> db.startServer(70000))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0 (any free port) and 65535");
        }
    }
}
