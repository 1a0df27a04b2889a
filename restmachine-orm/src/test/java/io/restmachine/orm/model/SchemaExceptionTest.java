package io.restmachine.orm.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.Attribute;
import io.restmachine.orm.BeforeSave;
import io.restmachine.orm.Id;
import io.restmachine.orm.IndexSortKey;
import io.restmachine.orm.Orm;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.Ttl;
import io.restmachine.orm.Version;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.RecordingStore;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class SchemaExceptionTest {
    private final Orm orm = Fixtures.orm(new RecordingStore());

    private AbstractThrowableAssert<?, ? extends Throwable> assertSchema(Class<?> type, String member, String problem) {
        return assertThatThrownBy(() -> orm.repository(type))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining(type.getName())
                .hasMessageContaining(member)
                .hasMessageContaining(problem)
                .hasMessageContaining("Fix: ");
    }

    record NoKey(String name) {}

    @Test
    void aModelWithNoKeyAtAll_isRejected() {
        assertSchema(NoKey.class, "NoKey", "has no key").hasMessageContaining("@Id");
    }

    @PartitionKey("A#{id}")
    record TwoPartitionKeys(String id) {
        @PartitionKey
        String pk() {
            return "B#" + id;
        }
    }

    @Test
    void twoPartitionKeys_areRejected() {
        assertSchema(TwoPartitionKeys.class, "method pk()", "second partition key");
    }

    @PartitionKey("USER#{userid}")
    record UnknownTemplateField(String userId) {}

    @Test
    void aTemplateNamingAnUnknownField_isRejectedNamingTheKnownOnes() {
        assertSchema(UnknownTemplateField.class, "'USER#{userid}'", "names field 'userid'")
                .hasMessageContaining("[userId]");
    }

    record KeyMethodWithParameters(@Id String id) {
        @SortKey
        String sk(String prefix) {
            return prefix + id;
        }
    }

    @Test
    void aKeyMethodWithParameters_isRejected() {
        assertSchema(KeyMethodWithParameters.class, "key method sk(String)", "takes parameters");
    }

    record KeyMethodNotString(@Id String id) {
        @SortKey
        int sk() {
            return 1;
        }
    }

    @Test
    void aKeyMethodNotReturningString_isRejected() {
        assertSchema(KeyMethodNotString.class, "key method sk()", "returns int");
    }

    record UnsupportedType(@Id String id, Thread thread) {}

    @Test
    void anUnsupportedFieldType_isRejected() {
        assertSchema(UnsupportedType.class, "field 'thread'", "java.lang.Thread")
                .hasMessageContaining("DynamoDBBackend.builder().converter(Thread.class, AttributeConverter.of(");
    }

    record ArrayField(@Id String id, int[] values) {}

    @Test
    void anArrayOtherThanBytes_isRejected_suggestingAList() {
        assertSchema(ArrayField.class, "field 'values'", "List<Integer>");
    }

    record TwoFieldsOneName(@Id String id, @Attribute("n") String name, @Attribute("n") String nick) {}

    @Test
    void twoFieldsStoredUnderOneName_areRejected() {
        assertSchema(TwoFieldsOneName.class, "field 'nick'", "like field 'name'");
    }

    record ReservedName(@Id String id, String pk) {}

    record ReservedIndexName(@Id String id, @Attribute("gsi_pk_Mine") String mine) {}

    record ReservedEntityType(@Id String id, @Attribute("entity_type") String type) {}

    @Test
    void fieldsStoredUnderReservedNames_areRejected() {
        assertSchema(ReservedName.class, "field 'pk'", "reserves");
        assertSchema(ReservedIndexName.class, "field 'mine'", "reserves");
        assertSchema(ReservedEntityType.class, "field 'type'", "reserves");
    }

    static final class NoDefaultConstructor {
        @Id
        private String id;

        NoDefaultConstructor(String id) {
            this.id = id;
        }
    }

    @Test
    void aMutableClassWithoutNoArgConstructor_isRejected() {
        assertSchema(NoDefaultConstructor.class, "NoDefaultConstructor", "no no-argument constructor");
    }

    static final class FinalField {
        @Id
        private final String id = "x";

        FinalField() {}
    }

    @Test
    void aFinalFieldOfAMutableClass_isRejected() {
        assertSchema(FinalField.class, "field 'id'", "is final");
    }

    record BadVersion(@Id String id, @Version String version) {}

    record BadTtl(@Id String id, @Ttl String expires) {}

    @Test
    void versionAndTtlOfTheWrongType_areRejected() {
        assertSchema(BadVersion.class, "field 'version'", "@Version but of type String");
        assertSchema(BadTtl.class, "field 'expires'", "@Ttl but of type String");
    }

    @IndexSortKey(index = "ByName", template = "{name}")
    record IndexSortKeyAlone(@Id String id, String name) {}

    @Test
    void anIndexSortKeyWithoutPartitionKey_isRejected() {
        assertSchema(IndexSortKeyAlone.class, "ByName", "no matching @IndexPartitionKey");
    }

    @PartitionKey
    record EmptyTemplate(String id) {}

    @PartitionKey("USER#{id")
    record UnclosedTemplate(String id) {}

    @Test
    void emptyAndMalformedTemplates_areRejected() {
        assertSchema(EmptyTemplate.class, "@PartitionKey", "has no template");
        assertSchema(UnclosedTemplate.class, "'USER#{id'", "without a closing '}'");
    }

    @PartitionKey("T#{tags}")
    record CollectionInKey(List<String> tags) {}

    @Test
    void aTemplateFieldThatCantBeAKey_isRejected() {
        assertSchema(CollectionInKey.class, "'T#{tags}'", "can't be part of a key");
    }

    record TwoHooks(@Id String id) {
        @BeforeSave
        TwoHooks a() {
            return this;
        }

        @BeforeSave
        TwoHooks b() {
            return this;
        }
    }

    @Test
    void twoHooksOfOneKind_areRejected() {
        assertSchema(TwoHooks.class, "@BeforeSave", "second @BeforeSave");
    }

    @Test
    void theSchemaOfAValidModel_listsItsIndexes() {
        var schema = orm.schema(io.restmachine.orm.fixture.Account.class);
        org.assertj.core.api.Assertions.assertThat(schema.entityType()).isEqualTo("Account");
        org.assertj.core.api.Assertions.assertThat(schema.indexes())
                .extracting(i -> i.name() + ":" + i.hasSortKey())
                .containsExactly("ByEmail:false", "ByCountry:true");
    }
}
