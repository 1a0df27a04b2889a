package io.restmachine.orm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import org.junit.jupiter.api.Test;

/** Runs the stream consumer example on its own engine (streams are the embedded engine's, not dynalite's). */
class StreamConsumerTest {
    @Test
    void consume_describesEachOrderChange_andSkipsTheUser() {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory();
                DynamoDBBackend backend = DynamoDBBackend.builder()
                        .tableName("stream-example")
                        .client(db.client())
                        .build()) {
            backend.register(User.class, Order.class).createTable();
            StreamConsumer.enableStream(db.client(), "stream-example");
            StreamConsumer.writeSomeChanges(backend);

            assertThat(StreamConsumer.consume(db.client(), db.streamsClient(), backend))
                    .containsExactly("INSERT o-1 total 20", "MODIFY o-1 total 25", "REMOVE o-1 total 25");
        }
    }
}
