package io.restmachine.orm.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the class against a fresh, uniquely named DynamoDB table created from the given
 * models (their keys and global secondary indexes), and injects what the test asks for.
 *
 * <pre>{@code
 * @DynamoDBTest(models = {User.class, Order.class})
 * class SignupTest {
 *     @Test
 *     void signsUp(Repository<User> users, DynamoDBBackend backend) {
 *         users.create(new User("u1", "alice@example.com", "Alice"));
 *         assertThat(users.get("u1")).isPresent();
 *     }
 * }
 * }</pre>
 *
 * <p>Test and lifecycle methods ({@code @BeforeEach}, {@code @AfterEach}) may declare parameters of
 * these types:
 *
 * <ul>
 *   <li>{@code Repository<T>} for any {@code T} listed in {@link #models()};
 *   <li>{@code DynamoDBBackend}: the backend on this test's table;
 *   <li>{@code DynamoDbClient}: the AWS SDK client the backend uses;
 *   <li>{@code EmbeddedDynamoDB}: the engine (only when running on the embedded engine);
 *   <li>{@link TestTable}: the table's name and where it lives.
 * </ul>
 *
 * <p>By default all tests of a JVM share one in-memory {@code EmbeddedDynamoDB}; no socket, no
 * Docker. With the system property (or JUnit configuration parameter) {@value
 * DynamoDBTestSettings#ENDPOINT_PROPERTY}, or the environment variable {@value
 * DynamoDBTestSettings#ENDPOINT_VARIABLE}, the same tests run against that DynamoDB-compatible
 * server instead, each creating and then deleting its own uniquely named table. Tests may run in
 * parallel (JUnit's {@code junit.jupiter.execution.parallel.enabled}): every test has its own table.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DynamoDBExtension.class)
public @interface DynamoDBTest {

    /** The model classes whose repositories tests use; the table gets every index they declare. */
    Class<?>[] models() default {};
}
