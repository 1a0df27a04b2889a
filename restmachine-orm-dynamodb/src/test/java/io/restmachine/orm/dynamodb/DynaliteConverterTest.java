package io.restmachine.orm.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Custom types through the backend against dynalite. */
class DynaliteConverterTest extends ConverterContract {

    @Override
    DynamoDbClient newClient() {
        return Peers.dynaliteClient();
    }
}
