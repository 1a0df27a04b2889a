package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.dynamodb.Peers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store contract against dynalite, which lacks transactions and time to live. */
class DynaliteStoreTest extends StoreContract {

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
