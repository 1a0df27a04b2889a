package io.restmachine.orm.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The write semantics against dynalite, which lacks transactions. */
class DynaliteWriteSemanticsTest extends WriteSemanticsContract {

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
