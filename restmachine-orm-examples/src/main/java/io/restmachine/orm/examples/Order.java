package io.restmachine.orm.examples;

import io.restmachine.orm.Entity;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.Version;
import java.math.BigDecimal;

/** An order, stored in its user's partition next to the profile: a mutable class works too. */
@Entity("Order")
public class Order {
    private String userId = "";
    private String orderId = "";
    private BigDecimal total = BigDecimal.ZERO;

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

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public BigDecimal getTotal() {
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

    @Override
    public String toString() {
        return "Order[userId=" + userId + ", orderId=" + orderId + ", total=" + total + ", version=" + version + "]";
    }
}
