package io.restmachine.orm.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.IndexProjection;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.spi.EntitySchema;
import io.restmachine.orm.spi.ItemLayout;
import java.util.List;
import java.util.Set;
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

    @Test
    void create_whenTwoModelsProjectOneIndexDifferently_namesBothAndTheFix_beforeSendingAnything() {
        ScriptedBatchClient client = new ScriptedBatchClient();
        TableAdmin admin = new TableAdmin(client, "table", ItemLayout.defaults(), new SdkErrorTranslator("table"));
        var included =
                new EntitySchema.IndexSchema("ByQueue", false, IndexProjection.INCLUDE, Set.of("entity_type", "title"));
        var all = new EntitySchema.IndexSchema("ByQueue", false);

        assertThatThrownBy(() -> admin.create(List.of(
                        new EntitySchema("A", WithSortKey.class, List.of(included)),
                        new EntitySchema("B", WithoutSortKey.class, List.of(all)))))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining(
                        "Index 'ByQueue' is projected INCLUDE [entity_type, title] in " + WithSortKey.class.getName())
                .hasMessageContaining("but ALL in " + WithoutSortKey.class.getName())
                .hasMessageContaining("declare the same projection");
    }
}
