package io.restmachine.orm.dynamodb.internal;

import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import io.restmachine.orm.dynamodb.Peers;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store contract against dynalite, which lacks transactions and time to live. */
class DynaliteStoreTest extends StoreContract {
    @RegisterExtension
    static final PeerCheck PEER = PeerCheck.DYNALITE;

    @Override
    DynamoDbClient newClient() {
        return Peers.dynaliteClient();
    }

    @Override
    String serverName() {
        return "dynalite";
    }

    @Override
    boolean supportsTransactions() {
        return false;
    }

    @Override
    boolean supportsTimeToLive() {
        return false;
    }

    @Override
    boolean supportsAddingIndexes() {
        return false;
    }
}
