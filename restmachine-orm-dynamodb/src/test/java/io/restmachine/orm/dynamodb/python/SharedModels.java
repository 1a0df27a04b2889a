package io.restmachine.orm.dynamodb.python;

import io.restmachine.orm.CreatedAt;
import io.restmachine.orm.Entity;
import io.restmachine.orm.Id;
import io.restmachine.orm.IndexPartitionKey;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.Ttl;
import io.restmachine.orm.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The seed's models as the Java side declares them for a table shared with the Python original
 * (their Python twins are in src/test/resources/python/interop.py). With {@code ItemFormat.PYTHON}
 * no {@code @Attribute} is needed: {@code userId} is stored as {@code user_id}.
 */
final class SharedModels {
    private SharedModels() {}

    @PartitionKey("USER#{id}")
    @SortKey("PROFILE")
    record User(@Id String id, String email, String name) {}

    @PartitionKey("USER#{userId}")
    @SortKey("TODO#{createdAt}#{todoId}")
    record TodoItem(
            String userId, String todoId, String title, @CreatedAt @Nullable Instant createdAt, Set<String> tags) {}

    @PartitionKey("USER#{userId}")
    @SortKey("ORDER#{orderId}")
    record Order(String userId, String orderId, BigDecimal total, @Nullable String note, @Version long version) {}

    @PartitionKey("CUSTOMER#{id}")
    @SortKey("PROFILE")
    @IndexPartitionKey(index = "ByEmail", template = "EMAIL#{email}")
    record Customer(@Id String id, String email, String name) {}

    /** DynamoDB's time to live on {@code expires_at}: epoch seconds, which Python reads as an aware datetime. */
    @PartitionKey("SESSION#{sessionId}")
    @SortKey("METADATA")
    record Session(String sessionId, String userId, @Ttl @Nullable Instant expiresAt) {}

    /**
     * The same items as Python's {@code ExpirationMixin} wants them: {@code expires_at} as a naive
     * time string, which its {@code is_expired()} compares with {@code datetime.now()}.
     */
    @Entity("Session")
    @PartitionKey("SESSION#{sessionId}")
    @SortKey("METADATA")
    record MixinSession(String sessionId, String userId, @Nullable Instant expiresAt) {}
}
