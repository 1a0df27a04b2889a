package io.restmachine.orm.dynamodb;

import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The write semantics against dynalite, which lacks transactions. */
class DynaliteWriteSemanticsTest extends WriteSemanticsContract {
    @RegisterExtension
    static final PeerCheck PEER = PeerCheck.DYNALITE;

    @Override
    DynamoDbClient newClient(RequestRecorder recorder) {
        return Peers.dynaliteClient(recorder);
    }

    @Override
    String serverName() {
        return "dynalite";
    }

    @Override
    boolean supportsTransactions() {
        return false;
    }
}
