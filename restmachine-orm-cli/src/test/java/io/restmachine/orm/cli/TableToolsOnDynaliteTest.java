package io.restmachine.orm.cli;

import io.restmachine.dynamodb.embedded.peer.Dynalite;
import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The table tools against dynalite, a third-party DynamoDB-compatible server. */
class TableToolsOnDynaliteTest extends TableToolsContract {

    @RegisterExtension
    static final PeerCheck PEER = PeerCheck.DYNALITE;

    @Override
    String endpoint() {
        return Dynalite.endpoint().toString();
    }
}
