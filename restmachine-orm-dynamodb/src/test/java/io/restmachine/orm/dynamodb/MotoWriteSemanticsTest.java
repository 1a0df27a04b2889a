package io.restmachine.orm.dynamodb;

import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The write semantics against moto's server, a third-party implementation of transactions. */
class MotoWriteSemanticsTest extends WriteSemanticsContract {
    @RegisterExtension
    static final PeerCheck PEER = PeerCheck.MOTO;

    @Override
    DynamoDbClient newClient(RequestRecorder recorder) {
        return Peers.motoClient(recorder);
    }

    @Override
    String serverName() {
        return "moto";
    }
}
