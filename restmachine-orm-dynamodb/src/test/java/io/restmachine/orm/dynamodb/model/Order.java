package io.restmachine.orm.dynamodb.model;

import io.restmachine.orm.Entity;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.Version;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** The seed's order: a mutable class with optimistic locking. */
@Entity("Order")
public class Order {
    private @Nullable String userId;
    private @Nullable String orderId;
    private @Nullable BigDecimal total;

    @Version
    private long version;

    public Order() {}

    public Order(String userId, String orderId, BigDecimal total) {
        this.userId = userId;
        this.orderId = orderId;
        this.total = total;
    }

    @PartitionKey
    String pk() {
        return "USER#" + userId;
    }

    @SortKey
    String sk() {
        return "ORDER#" + orderId;
    }

    public @Nullable String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public @Nullable String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public @Nullable BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
