package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Response limits DynamoDB applies that dynalite does not (docs/conformance.md, "Limits and
 * costs"): a BatchGetItem response stays within 16 MB and leaves the rest in UnprocessedKeys.
 */
class LimitsTest extends EngineTest {
    private static final int VALUE_BYTES = 399_000;

    @Test
    void batchGetItem_leavesWhatWouldPass16MbInUnprocessedKeys() {
        open(Transport.IN_PROCESS);
        createTable("things", null);
        String big = "x".repeat(VALUE_BYTES);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            String pk = String.format("k%02d", i);
            client.putItem(b -> b.tableName("things").item(Map.of("pk", s(pk), "d", s(big))));
            keys.add(Map.of("pk", s(pk)));
        }

        BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(
                Map.of("things", KeysAndAttributes.builder().keys(keys).build())));

        // Each item is 399,007 bytes: 42 fit in 16 MiB (16,777,216 bytes), the 43rd would not.
        int returned = response.responses().get("things").size();
        assertThat(returned).isEqualTo(42);
        assertThat(response.unprocessedKeys().get("things").keys()).hasSize(3);
        long bytes = response.responses().get("things").stream()
                .mapToLong(item -> 2 + 4 + 1 + item.get("d").s().length())
                .sum();
        assertThat(bytes).isLessThanOrEqualTo(16L * 1024 * 1024);
    }
}
