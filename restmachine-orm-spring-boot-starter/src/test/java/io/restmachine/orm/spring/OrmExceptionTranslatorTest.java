package io.restmachine.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.BackendException;
import io.restmachine.orm.ConflictException;
import io.restmachine.orm.NotFoundException;
import io.restmachine.orm.OrmException;
import io.restmachine.orm.Repository;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.spring.shop.User;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.annotation.PersistenceExceptionTranslationPostProcessor;
import org.springframework.dao.support.PersistenceExceptionTranslator;

class OrmExceptionTranslatorTest {
    private final OrmExceptionTranslator translator = new OrmExceptionTranslator();

    @Test
    void translates_keepingTheOrmExceptionAsCauseWithItsMessage() {
        var conflict = new ConflictException("stale version 3 of Order o1");
        assertThat(translator.translateExceptionIfPossible(conflict))
                .isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessage("stale version 3 of Order o1")
                .hasCause(conflict);
        assertThat(translator.translateExceptionIfPossible(new NotFoundException("no User u1")))
                .isInstanceOf(DataRetrievalFailureException.class);
        assertThat(translator.translateExceptionIfPossible(new ValidationException(List.of("id is missing"))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class);
        assertThat(translator.translateExceptionIfPossible(new BackendException("throttled", null)))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void leavesOtherExceptionsAlone() {
        assertThat(translator.translateExceptionIfPossible(new IllegalArgumentException("x")))
                .isNull();
        assertThat(translator.translateExceptionIfPossible(new OrmException("x")))
                .isNull();
    }

    /** Application code in Spring's DAO style. */
    @org.springframework.stereotype.Repository
    static class UserDao {
        private final Repository<User> users;

        UserDao(Repository<User> users) {
            this.users = users;
        }

        public User signUp(User user) {
            return users.create(user);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @RestmachineModels(basePackageClasses = User.class)
    static class DaoApplication {
        @Bean
        static PersistenceExceptionTranslationPostProcessor translation() {
            return new PersistenceExceptionTranslationPostProcessor();
        }

        @Bean
        UserDao userDao(Repository<User> users) {
            return new UserDao(users);
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RestmachineDynamoDBAutoConfiguration.class))
            .withUserConfiguration(DaoApplication.class)
            .withPropertyValues("restmachine.dynamodb.table-name=shop", "restmachine.dynamodb.embedded.enabled=true");

    @Test
    void repositoryClasses_throwSpringsExceptions() {
        runner.run(context -> {
            UserDao dao = context.getBean(UserDao.class);
            dao.signUp(new User("u1", "Alice"));
            assertThatThrownBy(() -> dao.signUp(new User("u1", "Bob")))
                    .isInstanceOf(DuplicateKeyException.class)
                    .hasCauseInstanceOf(io.restmachine.orm.DuplicateKeyException.class);
        });
    }

    @Test
    void noTranslator_withoutSpringTx() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RestmachineDynamoDBAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(PersistenceExceptionTranslator.class))
                .withPropertyValues(
                        "restmachine.dynamodb.table-name=shop", "restmachine.dynamodb.embedded.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OrmExceptionTranslator.class));
    }
}
