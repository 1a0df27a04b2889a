package io.restmachine.orm.repository.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.ConditionFailedException;
import io.restmachine.orm.ConflictException;
import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.NotFoundException;
import io.restmachine.orm.fixture.Order;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelFactory;
import io.restmachine.orm.repository.internal.WriteFailures.Operation;
import io.restmachine.orm.repository.internal.WriteFailures.Outcome;
import io.restmachine.orm.spi.ItemLayout;
import io.restmachine.orm.spi.StoreItem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteFailuresTest {
    private final EntityModel<Order> orders = new ModelFactory(ItemLayout.defaults(), Map.of()).model(Order.class);
    private final Map<String, ItemValue> key = Map.of("pk", ItemValue.s("USER#u"), "sk", ItemValue.s("ORDER#o"));
    private final StoreItem orderV3 =
            StoreItem.neutral(Map.of("entity_type", ItemValue.s("Order"), "version", ItemValue.n(3)));
    private final StoreItem user = StoreItem.neutral(Map.of("entity_type", ItemValue.s("User")));

    @Test
    void create_isADuplicate_whateverIsStored() {
        assertThat(WriteFailures.classify(orders, Operation.CREATE, orderV3, null))
                .isEqualTo(Outcome.DUPLICATE);
        assertThat(WriteFailures.classify(orders, Operation.CREATE, user, null)).isEqualTo(Outcome.DUPLICATE);
        assertThat(WriteFailures.classify(orders, Operation.CREATE, null, null)).isEqualTo(Outcome.DUPLICATE);
        assertThat(WriteFailures.exception(orders, Operation.CREATE, key, user, null, null))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("(a User)");
    }

    @Test
    void anotherEntityTypesItem_isTheSameOutcome_forEveryWriteButCreate() {
        for (Operation op :
                new Operation[] {Operation.SAVE, Operation.UPSERT, Operation.UPDATE, Operation.DELETE, Operation.CHECK
                }) {
            assertThat(WriteFailures.classify(orders, op, user, 3L))
                    .as(op.name())
                    .isEqualTo(Outcome.OTHER_TYPE);
            assertThat(WriteFailures.exception(orders, op, key, user, 3L, null))
                    .as(op.name())
                    .isInstanceOf(ConditionFailedException.class)
                    .hasMessageContaining("is a User, not a Order")
                    .hasMessageContaining(op.verb() + " of Order");
        }
    }

    @Test
    void aMissingItem_isNotFound_exceptForAChecksOwnCondition() {
        assertThat(WriteFailures.classify(orders, Operation.SAVE, null, 1L)).isEqualTo(Outcome.NOT_FOUND);
        assertThat(WriteFailures.classify(orders, Operation.UPDATE, null, null)).isEqualTo(Outcome.NOT_FOUND);
        assertThat(WriteFailures.classify(orders, Operation.DELETE, null, 1L)).isEqualTo(Outcome.NOT_FOUND);
        assertThat(WriteFailures.classify(orders, Operation.CHECK, null, null)).isEqualTo(Outcome.CONDITION_FAILED);
        assertThat(WriteFailures.exception(orders, Operation.SAVE, key, null, 1L, null))
                .isInstanceOf(NotFoundException.class);
        // An upsert accepts a missing item, so its condition can only fail that way in a race.
        assertThat(WriteFailures.exception(orders, Operation.UPSERT, key, null, null, null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anotherVersion_isStale_andTheSameVersion_isTheUsersCondition() {
        assertThat(WriteFailures.classify(orders, Operation.SAVE, orderV3, 2L)).isEqualTo(Outcome.STALE_VERSION);
        assertThat(WriteFailures.classify(orders, Operation.DELETE, orderV3, 2L))
                .isEqualTo(Outcome.STALE_VERSION);
        assertThat(WriteFailures.classify(orders, Operation.UPDATE, orderV3, 3L))
                .isEqualTo(Outcome.CONDITION_FAILED);
        assertThat(WriteFailures.classify(orders, Operation.UPDATE, orderV3, null))
                .isEqualTo(Outcome.CONDITION_FAILED);
        assertThat(WriteFailures.exception(orders, Operation.SAVE, key, orderV3, 2L, null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("expected version 2 but the stored item has version 3");
        assertThat(WriteFailures.exception(orders, Operation.UPDATE, key, orderV3, 3L, null))
                .isInstanceOf(ConditionFailedException.class);
    }
}
