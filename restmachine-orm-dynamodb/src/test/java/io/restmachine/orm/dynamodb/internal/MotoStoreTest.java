package io.restmachine.orm.dynamodb.internal;

import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import io.restmachine.orm.dynamodb.Peers;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store contract against moto's server, which has transactions and time-to-live settings. */
class MotoStoreTest extends StoreContract {
    @RegisterExtension
    static final PeerCheck PEER = PeerCheck.MOTO;

    @Override
    DynamoDbClient newClient() {
        return Peers.motoClient();
    }

    @Override
    String serverName() {
        return "moto";
    }

    @Override
    Map<String, String> differencesFromDynamoDB() {
        return Map.of(
                EMPTY_SET_IN_A_BATCH,
                "moto 5 stores it (its PutItem rejects it), DynamoDB rejects the request: \"set type attributes must"
                        + " not be empty\" (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/"
                        + "API_BatchWriteItem.html#API_BatchWriteItem_RequestParameters)");
    }
}
