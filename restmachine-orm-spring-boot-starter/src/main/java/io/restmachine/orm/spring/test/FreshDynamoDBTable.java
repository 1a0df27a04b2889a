package io.restmachine.orm.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a {@code @SpringBootTest} on the embedded engine ({@code restmachine.dynamodb.embedded.enabled=true},
 * whatever the application's properties say) and gives every test method a fresh, empty table with
 * the indexes of all models: the Spring counterpart of {@code @DynamoDBTest}.
 *
 * <pre>{@code
 * @SpringBootTest(properties = "restmachine.dynamodb.table-name=shop")
 * @FreshDynamoDBTable
 * class CheckoutTest {
 *     @Autowired Repository<Order> orders;
 *     @Test void placesAnOrder() { ... }   // starts with an empty table
 * }
 * }</pre>
 *
 * The application context is shared between test classes as Spring caches it; the table is
 * dropped and created again before each test method, never on a backend that is not on the
 * embedded engine (that fails the test instead).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TestPropertySource(properties = "restmachine.dynamodb.embedded.enabled=true")
@TestExecutionListeners(
        listeners = FreshTableListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface FreshDynamoDBTable {}
