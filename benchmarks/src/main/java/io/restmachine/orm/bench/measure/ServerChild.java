package io.restmachine.orm.bench.measure;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.io.IOException;
import java.net.URI;

/**
 * Our engine as an HTTP server in its own JVM, so that it and dynalite each have their own process
 * and the load generator runs apart from both. Prints {@code ENDPOINT <uri>} when ready and serves
 * until its standard input closes or it is stopped.
 */
public final class ServerChild {
    private ServerChild() {}

    /** Starts the server on a free port of 127.0.0.1. */
    public static void main(String[] args) throws IOException {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            URI endpoint = db.startServer(0);
            System.out.println("ENDPOINT " + endpoint);
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our input or stops us
            }
        }
    }
}
