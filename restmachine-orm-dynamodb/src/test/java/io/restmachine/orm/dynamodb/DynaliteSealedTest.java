package io.restmachine.orm.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Sealed repositories against dynalite, which lacks transactions. */
class DynaliteSealedTest extends SealedContract {

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
