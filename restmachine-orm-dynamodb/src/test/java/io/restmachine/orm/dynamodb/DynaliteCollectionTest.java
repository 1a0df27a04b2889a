package io.restmachine.orm.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The collection suite against dynalite, which has everything it needs. */
class DynaliteCollectionTest extends CollectionContract {

    @Override
    DynamoDbClient newClient(RequestRecorder recorder) {
        return Peers.dynaliteClient(recorder);
    }
}
