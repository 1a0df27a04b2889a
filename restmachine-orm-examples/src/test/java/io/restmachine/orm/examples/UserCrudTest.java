package io.restmachine.orm.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.Key;
import io.restmachine.orm.Repository;
import io.restmachine.orm.test.DynamoDBTest;
import org.junit.jupiter.api.Test;

/**
 * The documentation's testing example: where the Python original needed moto and a hand-made
 * table, {@code @DynamoDBTest} gives each test a fresh table on the embedded engine.
 */
@DynamoDBTest(models = User.class)
class UserCrudTest {

    @Test
    void userCrud(Repository<User> users) {
        User user = users.create(new User("user-1", "alice@example.com", "Alice"));
        assertThat(user.name()).isEqualTo("Alice");

        User renamed = users.update(Key.of("id", "user-1"), u -> u.set("name", "Alicia"));
        assertThat(users.get("user-1")).contains(renamed);

        assertThat(users.delete(Key.of("id", "user-1"))).isTrue();
        assertThat(users.get("user-1")).isEmpty();
    }

    @Test
    void create_whenTheKeyExists_throwsDuplicateKey(Repository<User> users) {
        users.create(new User("user-1", "alice@example.com", "Alice"));

        assertThatThrownBy(() -> users.create(new User("user-1", "other@example.com", "Other")))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
