package io.restmachine.orm.spring.shop;

import io.restmachine.orm.Repository;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A minimal application: its package is the auto-configuration package the models are found in. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ShopApplication {
    @Bean
    OrderService orderService(Repository<Order> orders) {
        return new OrderService(orders);
    }

    /** Application code taking a repository by its generic type. */
    public record OrderService(Repository<Order> orders) {
        public Order place(String userId, String orderId, BigDecimal total) {
            return orders.create(new Order(userId, orderId, total));
        }

        public List<Order> of(String userId) {
            return orders.where().eq("userId", userId).list();
        }
    }
}
