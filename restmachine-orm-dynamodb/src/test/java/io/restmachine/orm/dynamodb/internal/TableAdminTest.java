package io.restmachine.orm.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.SchemaException;
import io.restmachine.orm.spi.EntitySchema;
import io.restmachine.orm.spi.ItemLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableAdminTest {

    record WithSortKey() {}

    record WithoutSortKey() {}

    @Test
    void create_whenTwoModelsDeclareOneIndexWithDifferentKeys_namesBothAndTheFix_beforeSendingAnything() {
        ScriptedBatchClient client = new ScriptedBatchClient();
        TableAdmin admin = new TableAdmin(client, "table", ItemLayout.defaults(), new SdkErrorTranslator("table"));

        assertThatThrownBy(() -> admin.create(List.of(
                        new EntitySchema(
                                "A", WithSortKey.class, List.of(new EntitySchema.IndexSchema("ByEmail", true))),
                        new EntitySchema(
                                "B", WithoutSortKey.class, List.of(new EntitySchema.IndexSchema("ByEmail", false))))))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("Index 'ByEmail' has a sort key in " + WithSortKey.class.getName())
                .hasMessageContaining("but not in " + WithoutSortKey.class.getName())
                .hasMessageContaining("@IndexSortKey(index = \"ByEmail\")");
    }
}
