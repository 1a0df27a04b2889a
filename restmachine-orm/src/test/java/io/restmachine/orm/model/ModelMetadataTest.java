package io.restmachine.orm.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.Attribute;
import io.restmachine.orm.Id;
import io.restmachine.orm.Ignore;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.fixture.Account;
import io.restmachine.orm.fixture.Order;
import io.restmachine.orm.fixture.User;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelFactory;
import io.restmachine.orm.model.internal.Property;
import io.restmachine.orm.spi.ItemLayout;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ModelMetadataTest {
    private final ModelFactory models = new ModelFactory(ItemLayout.defaults(), Map.of());

    @Test
    void aModel_isBuiltOncePerClass() {
        assertThat(models.model(User.class)).isSameAs(models.model(User.class));
    }

    @Test
    void recordComponents_areTheFields_inOrder() {
        EntityModel<User> user = models.model(User.class);

        assertThat(user.entityType()).isEqualTo("User");
        assertThat(user.shape().isRecord()).isTrue();
        assertThat(user.shape().propertyNames()).containsExactly("id", "email", "name");
        assertThat(user.ids()).extracting(Property::name).containsExactly("id");
    }

    @Test
    void classFields_areReadThroughGetters_andTheEntityNameComesFromTheAnnotation() {
        EntityModel<Order> order = models.model(Order.class);

        assertThat(order.entityType()).isEqualTo("Order");
        assertThat(order.shape().isRecord()).isFalse();
        assertThat(order.shape().propertyNames()).containsExactly("userId", "orderId", "total", "version");
        assertThat(order.version()).extracting(Property::name).isEqualTo("version");
    }

    @Test
    void rolesAndIndexes_areFound() {
        EntityModel<Account> account = models.model(Account.class);

        assertThat(account.updatedAt()).extracting(Property::name).isEqualTo("updatedAt");
        assertThat(account.ttl()).extracting(Property::name).isEqualTo("expiresAt");
        assertThat(account.createdAt()).isNull();
        assertThat(account.indexes()).containsOnlyKeys("ByEmail", "ByCountry");
        assertThat(account.indexes().get("ByCountry").sortKey()).isNotNull();
        assertThat(account.indexes().get("ByEmail").sortKey()).isNull();
    }

    /** A base class with a field. */
    public abstract static class Base {
        @Id
        private @Nullable String id;

        public @Nullable String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }
    }

    /** A subclass with renamed, ignored and transient fields. */
    public static final class Child extends Base {
        @Attribute("display_name")
        private @Nullable String name;

        @Ignore
        private @Nullable String cache;

        private transient int scratch;

        private static final String CONSTANT = "c";

        Child() {}
    }

    @Test
    void inheritedRenamedIgnoredAndTransientFields_areHandled() {
        EntityModel<Child> child = models.model(Child.class);
        Child c = new Child();
        c.setId("c1");
        c.name = "Kid";
        c.cache = "x";
        c.scratch = 3;

        Map<String, ItemValue> item = child.toItem(c);

        assertThat(child.shape().propertyNames()).containsExactly("id", "name");
        assertThat(item)
                .containsEntry("display_name", ItemValue.s("Kid"))
                .doesNotContainKeys("name", "cache", "scratch", "CONSTANT");
        assertThat(item).containsEntry("pk", ItemValue.s("Child#c1")).containsEntry("sk", ItemValue.s("METADATA"));
        Child back = child.fromItem(item);
        assertThat(back.getId()).isEqualTo("c1");
        assertThat(back.name).isEqualTo("Kid");
        assertThat(back.cache).isNull();
    }

    /** A type that contains itself. */
    public record Node(String value, @Nullable Node next, @Nullable List<Node> children) {}

    /** A model holding a recursive type. */
    public record Tree(@Id String id, Node root) {}

    @Test
    void recursiveNestedTypes_areMapped() {
        EntityModel<Tree> tree = models.model(Tree.class);
        Tree t = new Tree("t", new Node("a", new Node("b", null, null), List.of(new Node("c", null, List.of()))));

        assertThat(tree.fromItem(tree.toItem(t))).isEqualTo(t);
    }
}
