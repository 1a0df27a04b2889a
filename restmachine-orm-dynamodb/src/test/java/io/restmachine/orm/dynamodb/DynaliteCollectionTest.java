package io.restmachine.orm.dynamodb;

import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The collection suite against dynalite, which has everything it needs. */
class DynaliteCollectionTest extends CollectionContract {
    @RegisterExtension
    static final PeerCheck PEER = PeerCheck.DYNALITE;

    @Override
    DynamoDbClient newClient(RequestRecorder recorder) {
        return Peers.dynaliteClient(recorder);
    }
}
