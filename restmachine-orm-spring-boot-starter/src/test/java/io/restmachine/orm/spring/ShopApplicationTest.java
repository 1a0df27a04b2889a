package io.restmachine.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.Key;
import io.restmachine.orm.Repository;
import io.restmachine.orm.spring.shop.Order;
import io.restmachine.orm.spring.shop.ShopApplication;
import io.restmachine.orm.spring.shop.User;
import io.restmachine.orm.spring.test.FreshDynamoDBTable;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole application on the embedded engine: auto-configuration, scanning, injection, a fresh table per test. */
@SpringBootTest(classes = ShopApplication.class, properties = "restmachine.dynamodb.table-name=shop")
@FreshDynamoDBTable
class ShopApplicationTest {
    @Autowired
    ShopApplication.OrderService service;

    @Autowired
    Repository<Order> orders;

    @Autowired
    Repository<User> users;

    @Test
    void placedOrders_areReadBackThroughTheInjectedRepository() {
        assertThat(orders.where().count()).isZero();
        assertThat(users.where().count()).isZero();
        users.create(new User("u1", "Alice"));
        service.place("alice", "o1", new BigDecimal("10"));
        service.place("alice", "o2", new BigDecimal("20"));
        service.place("bob", "o3", new BigDecimal("30"));

        assertThat(service.of("alice")).extracting(Order::orderId).containsExactly("o1", "o2");
        assertThat(orders.get(Key.of("userId", "bob").and("orderId", "o3")))
                .contains(new Order("bob", "o3", new BigDecimal("30")));
    }

    @Test
    void eachTestStartsWithAnEmptyTable_andTheOrmsRulesHold() {
        assertThat(orders.where().count()).isZero();
        assertThat(users.where().count()).isZero();
        users.create(new User("u1", "Alice"));
        assertThatThrownBy(() -> users.create(new User("u1", "Someone else")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(users.get("u1")).contains(new User("u1", "Alice"));
    }
}
