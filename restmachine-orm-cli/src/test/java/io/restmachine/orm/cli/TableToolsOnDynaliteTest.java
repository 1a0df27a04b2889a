package io.restmachine.orm.cli;

import io.restmachine.dynamodb.embedded.peer.Dynalite;
import org.junit.jupiter.api.BeforeAll;

/** The table tools against dynalite, a third-party DynamoDB-compatible server. */
class TableToolsOnDynaliteTest extends TableToolsContract {

    @BeforeAll
    static void startPeer() {
        Dynalite.assumeAvailable();
    }

    @Override
    String endpoint() {
        return Dynalite.endpoint().toString();
    }
}
