package io.restmachine.orm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.Customer;
import io.restmachine.orm.fixture.Order;
import io.restmachine.orm.fixture.TodoItem;
import io.restmachine.orm.fixture.User;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.KeyDef;
import io.restmachine.orm.model.internal.MethodKey;
import io.restmachine.orm.model.internal.ModelFactory;
import io.restmachine.orm.model.internal.TemplateKey;
import io.restmachine.orm.spi.ItemLayout;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyComputationTest {
    private final ModelFactory models = new ModelFactory(ItemLayout.defaults(), Map.of());

    @Test
    void templates_knowTheirFieldsAndLiteralPrefix() {
        EntityModel<TodoItem> todo = models.model(TodoItem.class);

        KeyDef sk = todo.sortKey();
        assertThat(sk).isInstanceOf(TemplateKey.class);
        assertThat(sk.fields()).containsExactly("createdAt", "todoId");
        assertThat(sk.literalPrefix()).isEqualTo("TODO#");
        assertThat(todo.partitionKey().fields()).containsExactly("userId");
        assertThat(todo.keyFields()).containsExactlyInAnyOrder("userId", "createdAt", "todoId");
    }

    @Test
    void keyMethods_areProbedForTheFieldsTheyReadAndTheirPrefix() {
        EntityModel<Order> order = models.model(Order.class);

        assertThat(order.partitionKey()).isInstanceOf(MethodKey.class);
        assertThat(order.partitionKey().fields()).containsExactly("userId");
        assertThat(order.partitionKey().literalPrefix()).isEqualTo("USER#");
        assertThat(order.sortKey().fields()).containsExactly("orderId");
        assertThat(order.sortKey().literalPrefix()).isEqualTo("ORDER#");
        assertThat(models.model(User.class).sortKey().isConstant()).isTrue();
    }

    @Test
    void theFullKey_isComputedFromAnInstance() {
        EntityModel<TodoItem> todo = models.model(TodoItem.class);
        TodoItem t = new TodoItem("alice", "t9", "x", Instant.parse("2024-01-01T00:00:00Z"));

        assertThat(todo.tableKey(t))
                .containsEntry("pk", ItemValue.s("USER#alice"))
                .containsEntry("sk", ItemValue.s("TODO#2024-01-01T00:00:00.000000000Z#t9"));
        Order o = new Order("u1", "o7", BigDecimal.ONE);
        assertThat(models.model(Order.class).tableKey(o))
                .containsEntry("pk", ItemValue.s("USER#u1"))
                .containsEntry("sk", ItemValue.s("ORDER#o7"));
    }

    @Test
    void aKey_isComputedFromTheGivenFields_forTemplatesAndMethods() {
        assertThat(models.model(Order.class).tableKey(Key.of("userId", "u1").and("orderId", "o1")))
                .containsEntry("pk", ItemValue.s("USER#u1"))
                .containsEntry("sk", ItemValue.s("ORDER#o1"));
        assertThat(models.model(TodoItem.class)
                        .tableKey(Key.of("userId", "a").and("todoId", "t").and("createdAt", "2024-01-01T00:00:00Z")))
                .containsEntry("sk", ItemValue.s("TODO#2024-01-01T00:00:00.000000000Z#t"));
        assertThat(models.model(Customer.class).tableKey(Key.of("id", "c1")))
                .containsEntry("pk", ItemValue.s("Customer#c1"))
                .containsEntry("sk", ItemValue.s("METADATA"));
    }

    @Test
    void aKeyMissingAField_throwsValidationNamingIt() {
        assertThatThrownBy(() -> models.model(Order.class).tableKey(Key.of("userId", "u1")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sort key method sk()")
                .hasMessageContaining("missing field [orderId]");
        assertThatThrownBy(() -> models.model(TodoItem.class).tableKey(Key.of("todoId", "t")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("missing fields [userId, createdAt]");
    }

    @Test
    void aKeyFieldThatIsNullOrEmpty_isAViolationOnWrite() {
        EntityModel<TodoItem> todo = models.model(TodoItem.class);

        assertThatThrownBy(() -> todo.toItem(new TodoItem("", "t1", "x", null)))
                .isInstanceOf(ValidationException.class)
                .satisfies(
                        e -> assertThat(((ValidationException) e).violations())
                                .containsExactly(
                                        "key field 'userId' is empty: the partition key template 'USER#{userId}' needs a value",
                                        "key field 'createdAt' is null: the sort key template 'TODO#{createdAt}#{todoId}' needs it"));
    }

    @Test
    void indexKeys_areWrittenWhenComputable_andLeftOutOtherwise() {
        EntityModel<Account> account = models.model(Account.class);

        Map<String, ItemValue> withEmail = account.toItem(new Account("a1", "a@x.io", null, null, null, null));
        assertThat(withEmail)
                .containsEntry("gsi_pk_ByEmail", ItemValue.s("EMAIL#a@x.io"))
                .doesNotContainKeys("gsi_pk_ByCountry", "gsi_sk_ByCountry");
    }

    record Upper(String tenant, String name) {
        @PartitionKey
        String pk() {
            return "T#" + tenant.toUpperCase(java.util.Locale.ROOT);
        }

        @SortKey
        String sk() {
            return "N#" + name.length();
        }
    }

    @Test
    void probing_findsFieldsReadThroughAnyExpression() {
        EntityModel<Upper> upper = models.model(Upper.class);

        assertThat(upper.partitionKey().fields()).containsExactly("tenant");
        assertThat(upper.partitionKey().literalPrefix()).isEqualTo("T#");
        assertThat(upper.sortKey().fields()).containsExactly("name");
        assertThat(upper.tableKey(Key.of("tenant", "acme").and("name", "four")))
                .containsEntry("pk", ItemValue.s("T#ACME"))
                .containsEntry("sk", ItemValue.s("N#4"));
    }
}
