package io.restmachine.orm.bench.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** Sample orders and the Enhanced Client schemas of the benchmark model. */
public final class Orders {
    private Orders() {}

    /** The n-th sample order: every attribute set, values that differ per order. */
    public static Order sample(int n) {
        return new Order(
                "order-" + n,
                "customer-" + (n % 97),
                "buyer" + n + "@example.com",
                n % 3 == 0 ? "SHIPPED" : "PLACED",
                1 + n % 9,
                new BigDecimal("19.99").add(BigDecimal.valueOf(n % 100)),
                Instant.parse("2026-01-02T03:04:05.678Z").plusSeconds(n),
                List.of("gift-wrap", "priority", "tag-" + (n % 10)),
                new Address(n + " Main Street", "Springfield", "1234" + (n % 10)),
                n % 2 == 0);
    }

    /** The Enhanced Client's reflective bean schema of {@link OrderBean}. */
    public static TableSchema<OrderBean> beanSchema() {
        return TableSchema.fromBean(OrderBean.class);
    }

    /** The Enhanced Client's hand-written static schema of {@link OrderBean}. */
    public static TableSchema<OrderBean> staticSchema() {
        StaticTableSchema<AddressBean> address = StaticTableSchema.builder(AddressBean.class)
                .newItemSupplier(AddressBean::new)
                .addAttribute(
                        String.class,
                        a -> a.name("street").getter(AddressBean::getStreet).setter(AddressBean::setStreet))
                .addAttribute(
                        String.class,
                        a -> a.name("city").getter(AddressBean::getCity).setter(AddressBean::setCity))
                .addAttribute(
                        String.class,
                        a -> a.name("zip").getter(AddressBean::getZip).setter(AddressBean::setZip))
                .build();
        return StaticTableSchema.builder(OrderBean.class)
                .newItemSupplier(OrderBean::new)
                .addAttribute(String.class, a -> a.name("pk")
                        .getter(OrderBean::getPk)
                        .setter(OrderBean::setPk)
                        .tags(StaticAttributeTags.primaryPartitionKey()))
                .addAttribute(String.class, a -> a.name("sk")
                        .getter(OrderBean::getSk)
                        .setter(OrderBean::setSk)
                        .tags(StaticAttributeTags.primarySortKey()))
                .addAttribute(String.class, a -> a.name("entity_type")
                        .getter(OrderBean::getEntityType)
                        .setter(OrderBean::setEntityType))
                .addAttribute(
                        String.class, a -> a.name("id").getter(OrderBean::getId).setter(OrderBean::setId))
                .addAttribute(
                        String.class,
                        a -> a.name("customer").getter(OrderBean::getCustomer).setter(OrderBean::setCustomer))
                .addAttribute(
                        String.class,
                        a -> a.name("email").getter(OrderBean::getEmail).setter(OrderBean::setEmail))
                .addAttribute(
                        String.class,
                        a -> a.name("status").getter(OrderBean::getStatus).setter(OrderBean::setStatus))
                .addAttribute(
                        Integer.class,
                        a -> a.name("quantity").getter(OrderBean::getQuantity).setter(OrderBean::setQuantity))
                .addAttribute(
                        BigDecimal.class,
                        a -> a.name("total").getter(OrderBean::getTotal).setter(OrderBean::setTotal))
                .addAttribute(
                        Instant.class,
                        a -> a.name("placedAt").getter(OrderBean::getPlacedAt).setter(OrderBean::setPlacedAt))
                .addAttribute(
                        EnhancedType.listOf(String.class),
                        a -> a.name("tags").getter(OrderBean::getTags).setter(OrderBean::setTags))
                .addAttribute(
                        EnhancedType.documentOf(AddressBean.class, address),
                        a -> a.name("shipTo").getter(OrderBean::getShipTo).setter(OrderBean::setShipTo))
                .addAttribute(
                        Boolean.class,
                        a -> a.name("gift").getter(OrderBean::isGift).setter(OrderBean::setGift))
                .build();
    }
}
