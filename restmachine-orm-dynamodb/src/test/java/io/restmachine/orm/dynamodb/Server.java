package io.restmachine.orm.dynamodb;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB-compatible server a suite runs against, with what it lacks: a suite takes one in its
 * constructor instead of a subclass per server repeating the client set-up.
 */
abstract class Server implements AutoCloseable {
    /** The name tests print when they skip. */
    abstract String name();

    /** A client of the server that records its requests. */
    abstract DynamoDbClient client(RequestRecorder recorder);

    abstract boolean supportsTransactions();

    /** Stops what {@link #client} started. */
    @Override
    public void close() {}

    /** A new in-process embedded engine per client. */
    static Server embedded() {
        return new Server() {
            private EmbeddedDynamoDB db;

            @Override
            String name() {
                return "the embedded engine";
            }

            @Override
            DynamoDbClient client(RequestRecorder recorder) {
                db = EmbeddedDynamoDB.inMemory();
                return recorder.wrap(db.client());
            }

            @Override
            boolean supportsTransactions() {
                return true;
            }

            @Override
            public void close() {
                db.close();
            }
        };
    }

    /** This JVM's dynalite (suites register {@code PeerCheck.DYNALITE}); it has no transactions. */
    static Server dynalite() {
        return peer("dynalite", Peers::dynaliteClient, false);
    }

    /** This JVM's moto server (suites register {@code PeerCheck.MOTO}). */
    static Server moto() {
        return peer("moto", Peers::motoClient, true);
    }

    private static Server peer(String name, Function<RequestRecorder, DynamoDbClient> client, boolean transactions) {
        return new Server() {
            @Override
            String name() {
                return name;
            }

            @Override
            DynamoDbClient client(RequestRecorder recorder) {
                return client.apply(recorder);
            }

            @Override
            boolean supportsTransactions() {
                return transactions;
            }
        };
    }
}
