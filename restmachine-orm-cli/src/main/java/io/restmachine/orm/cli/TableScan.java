package io.restmachine.orm.cli;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Reads a whole table (or its first {@code limit} items) page by page into a printer. */
final class TableScan {
    private TableScan() {}

    static void run(DynamoDbClient client, String table, @Nullable Integer limit, ItemPrinter printer) {
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder().tableName(table).exclusiveStartKey(start);
            if (limit != null) {
                request.limit((int) Math.min(limit - printer.count(), 1000));
            }
            ScanResponse page = client.scan(request.build());
            printer.print(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && (limit == null || printer.count() < limit));
    }
}
