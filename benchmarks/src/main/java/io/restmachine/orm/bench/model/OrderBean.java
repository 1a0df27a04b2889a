package io.restmachine.orm.bench.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * {@link Order} as an Enhanced Client user writes it for a single table: the same ten attributes,
 * plus {@code pk}, {@code sk} and {@code entity_type} computed from them, so both mappers produce
 * items of the same shape (13 attributes).
 */
@DynamoDbBean
public class OrderBean {
    private String id = "";
    private String customer = "";
    private String email = "";
    private String status = "";
    private int quantity;
    private BigDecimal total = BigDecimal.ZERO;
    private Instant placedAt = Instant.EPOCH;
    private List<String> tags = List.of();
    private AddressBean shipTo = new AddressBean();
    private boolean gift;

    /** An empty order (the Enhanced Client needs a no-argument constructor). */
    public OrderBean() {}

    /** The same order as a record. */
    public static OrderBean of(Order order) {
        OrderBean bean = new OrderBean();
        bean.id = order.id();
        bean.customer = order.customer();
        bean.email = order.email();
        bean.status = order.status();
        bean.quantity = order.quantity();
        bean.total = order.total();
        bean.placedAt = order.placedAt();
        bean.tags = order.tags();
        bean.shipTo = AddressBean.of(order.shipTo());
        bean.gift = order.gift();
        return bean;
    }

    @DynamoDbPartitionKey
    @DynamoDbAttribute("pk")
    public String getPk() {
        return "ORDER#" + id;
    }

    /** Ignored: the partition key is computed from the id. */
    public void setPk(String pk) {}

    @DynamoDbSortKey
    @DynamoDbAttribute("sk")
    public String getSk() {
        return "DETAILS";
    }

    /** Ignored: the sort key is constant. */
    public void setSk(String sk) {}

    @DynamoDbAttribute("entity_type")
    public String getEntityType() {
        return "Order";
    }

    /** Ignored: the entity type is constant. */
    public void setEntityType(String entityType) {}

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public void setPlacedAt(Instant placedAt) {
        this.placedAt = placedAt;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public AddressBean getShipTo() {
        return shipTo;
    }

    public void setShipTo(AddressBean shipTo) {
        this.shipTo = shipTo;
    }

    public boolean isGift() {
        return gift;
    }

    public void setGift(boolean gift) {
        this.gift = gift;
    }
}
