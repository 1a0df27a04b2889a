package io.restmachine.orm.dynamodb;

import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The collection suite against moto's server. moto writes a 10,000-item partition in about two and
 * a half minutes, so the page walk reads 2,000 items there (10,000 on the engine and dynalite).
 */
class MotoCollectionTest extends CollectionContract {
    @RegisterExtension
    static final PeerCheck PEER = PeerCheck.MOTO;

    @Override
    DynamoDbClient newClient(RequestRecorder recorder) {
        return Peers.motoClient(recorder);
    }

    /**
     * One transaction at a time: moto's TransactWriteItems deep-copies the table and fails with a
     * server error ("dictionary changed size during iteration") when two run at once, so the
     * transactions of {@code batchCreate} go one after another.
     */
    @Override
    int chunksInFlight() {
        return 1;
    }

    @Override
    int mixedItems() {
        System.out.println("moto: the mixed partition holds 2,000 items, not 10,000 (moto writes them too slowly)");
        return 2_000;
    }
}
