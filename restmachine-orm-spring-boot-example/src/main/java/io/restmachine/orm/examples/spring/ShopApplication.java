package io.restmachine.orm.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Run with {@code mvn spring-boot:run -pl restmachine-orm-spring-boot-example} next to
 * {@code restmachine-orm serve --port 8000}, or with {@code --restmachine.dynamodb.embedded.enabled=true}
 * alone.
 */
@SpringBootApplication
public class ShopApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
