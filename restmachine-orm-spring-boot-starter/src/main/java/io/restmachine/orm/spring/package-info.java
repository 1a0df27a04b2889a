/**
 * Spring Boot 4 auto-configuration for restmachine-orm: a {@code DynamoDBBackend} bean built from
 * {@code restmachine.dynamodb.*} properties, optionally on the embedded engine, and a {@code
 * Repository<T>} bean for every model class in the application's packages.
 *
 * <pre>{@code
 * @Service
 * class Orders {
 *     Orders(Repository<Order> orders) { ... }
 * }
 * }</pre>
 */
@NullMarked
package io.restmachine.orm.spring;

import org.jspecify.annotations.NullMarked;
