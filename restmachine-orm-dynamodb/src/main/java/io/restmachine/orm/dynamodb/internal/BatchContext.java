package io.restmachine.orm.dynamodb.internal;

import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the batch writer and reader share: the client and table, the error translator, the retry
 * settings and their backoff, and the bounded pool that runs chunks.
 */
record BatchContext(
        DynamoDbClient client,
        String tableName,
        SdkErrorTranslator errors,
        BatchSettings settings,
        ExecutorService executor,
        Backoff backoff) {

    BatchContext(
            DynamoDbClient client,
            String tableName,
            SdkErrorTranslator errors,
            BatchSettings settings,
            ExecutorService executor) {
        this(client, tableName, errors, settings, executor, new Backoff(settings.baseBackoff(), settings.maxBackoff()));
    }
}
