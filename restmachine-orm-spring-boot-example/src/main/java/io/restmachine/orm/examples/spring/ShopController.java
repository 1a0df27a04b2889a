package io.restmachine.orm.examples.spring;

import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.ItemCollection;
import io.restmachine.orm.Key;
import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Users, their orders, and one read of both (an item collection: one DynamoDB Query). */
@RestController
class ShopController {
    private final Repository<User> users;
    private final Repository<Order> orders;
    private final DynamoDBBackend backend;

    ShopController(Repository<User> users, Repository<Order> orders, DynamoDBBackend backend) {
        this.users = users;
        this.orders = orders;
        this.backend = backend;
    }

    @PostMapping("/users")
    ResponseEntity<User> signUp(@RequestBody User user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(users.create(user));
    }

    @GetMapping("/users/{id}")
    ResponseEntity<User> user(@PathVariable String id) {
        return ResponseEntity.of(users.get(id));
    }

    @PostMapping("/users/{id}/orders")
    ResponseEntity<Order> order(@PathVariable String id, @RequestBody Order order) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(orders.create(new Order(id, order.orderId(), order.total())));
    }

    @GetMapping("/users/{id}/orders/{orderId}")
    ResponseEntity<Order> order(@PathVariable String id, @PathVariable String orderId) {
        return ResponseEntity.of(orders.get(Key.of("userId", id).and("orderId", orderId)));
    }

    /** The profile and every order of a user, read together. */
    @GetMapping("/users/{id}/overview")
    ResponseEntity<Overview> overview(@PathVariable String id) {
        ItemCollection partition = backend.collection(User.class, Order.class)
                .partition("USER#" + id)
                .list();
        List<User> profile = partition.all(User.class);
        if (profile.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(new Overview(profile.get(0), partition.all(Order.class)));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<String> duplicate(DuplicateKeyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(e.getMessage());
    }

    /** A user with their orders. */
    record Overview(User user, List<Order> orders) {}
}
