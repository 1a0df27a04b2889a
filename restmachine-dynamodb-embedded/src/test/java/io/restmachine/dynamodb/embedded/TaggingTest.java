package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * Tags through the AWS SDK: kept with the table, across a restart and a compaction of a persistent
 * engine, and removed with it (the wire rules are scenarios in conformance/tags.json).
 */
class TaggingTest extends EngineTest {
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/things";

    private List<String> tags() {
        return client.listTagsOfResource(b -> b.resourceArn(ARN)).tags().stream()
                .map(t -> t.key() + "=" + t.value())
                .toList();
    }

    private void createTagged() {
        client.createTable(b -> b.tableName("things")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .tags(Tag.builder().key("team").value("a").build()));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void tags_fromCreateTableAndTagResource_areListedByKey_andUntagRemovesThem(Transport transport) {
        open(transport);
        createTagged();
        client.tagResource(b -> b.resourceArn(ARN)
                .tags(
                        Tag.builder().key("env").value("dev").build(),
                        Tag.builder().key("team").value("b").build()));
        assertThat(tags()).containsExactly("env=dev", "team=b");
        client.untagResource(b -> b.resourceArn(ARN).tagKeys("team", "absent"));
        assertThat(tags()).containsExactly("env=dev");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void tags_goWithTheTable(Transport transport) {
        open(transport);
        createTagged();
        client.deleteTable(b -> b.tableName("things"));
        assertThatThrownBy(() -> client.listTagsOfResource(b -> b.resourceArn(ARN)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: ResourcArn: " + ARN + " not found");
        createTable("things", null);
        assertThat(tags()).isEmpty();
    }

    @Test
    void theFiftyFirstTag_isRefused_andNothingIsAdded() {
        open(Transport.IN_PROCESS);
        createTable("things", null);
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(Tag.builder().key("k" + i).value("v").build());
        }
        client.tagResource(b -> b.resourceArn(ARN).tags(fifty));
        assertThatThrownBy(() -> client.tagResource(b -> b.resourceArn(ARN)
                        .tags(
                                Tag.builder().key("k0").value("w").build(),
                                Tag.builder().key("new").value("v").build())))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .hasMessageContaining("at most 50 tags; it has 50 and the request adds 1");
        assertThat(tags()).hasSize(50).contains("k0=v");
    }

    @Test
    void createTable_withMoreThanFiftyTags_isRefused_andNoTableIsCreated() {
        open(Transport.IN_PROCESS);
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Tag.builder().key("k" + i).value("v").build());
        }
        assertThatThrownBy(() -> client.createTable(b -> b.tableName("things")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                        .tags(many)))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThat(client.listTables().tableNames()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi!", "d%g", "\"quoted\"", "semi;colon", "tab\there"})
    void tagKeysAndValues_withCharactersOutsideAwsTagPattern_areRefused(String text) {
        open(Transport.IN_PROCESS);
        createTable("things", null);
        assertThatThrownBy(() -> client.tagResource(b -> b.resourceArn(ARN)
                        .tags(Tag.builder().key(text).value("v").build())))
                .hasMessageContaining("at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy"
                        + " regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
        assertThatThrownBy(() -> client.tagResource(b -> b.resourceArn(ARN)
                        .tags(Tag.builder().key("k").value(text).build())))
                .hasMessageContaining("at 'tags.1.member.value' failed to satisfy constraint");
        assertThat(tags()).isEmpty();
    }

    @Test
    void tagKeysAndValues_ofLettersDigitsSpacesAndTheAllowedSigns_inAnyScript_areKept() {
        open(Transport.IN_PROCESS);
        createTable("things", null);
        String key = "законные буквы 7 _.:/=+-@";
        client.tagResource(b -> b.resourceArn(ARN)
                .tags(
                        Tag.builder().key(key).value("ѮѮ value").build(),
                        Tag.builder()
                                .key("k".repeat(128))
                                .value("v".repeat(256))
                                .build(),
                        Tag.builder().key("empty").value("").build()));
        assertThat(tags()).contains(key + "=ѮѮ value", "empty=", "k".repeat(128) + "=" + "v".repeat(256));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:team", "AWS:team", "Aws:"})
    void tagKeys_withTheReservedAwsPrefix_areRefused_onTagResourceAndCreateTable(String key) {
        open(Transport.IN_PROCESS);
        createTable("things", null);
        assertThatThrownBy(() -> client.tagResource(b -> b.resourceArn(ARN)
                        .tags(Tag.builder().key(key).value("v").build())))
                .hasMessageContaining("Tag key '" + key + "' starts with 'aws:', a prefix reserved");
        assertThatThrownBy(() -> client.createTable(b -> b.tableName("other")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                        .tags(Tag.builder().key(key).value("v").build())))
                .hasMessageContaining("a prefix reserved");
        assertThat(client.listTables().tableNames()).containsExactly("things");
        // a value may begin with aws: (the reservation is for keys)
        client.tagResource(b ->
                b.resourceArn(ARN).tags(Tag.builder().key("k").value("aws:v").build()));
        assertThat(tags()).containsExactly("k=aws:v");
    }

    @Test
    void anArnOfAnotherAccount_isAccessDenied() {
        open(Transport.IN_PROCESS);
        createTable("things", null);
        assertThatThrownBy(() -> client.listTagsOfResource(
                        b -> b.resourceArn("arn:aws:dynamodb:us-east-1:111111111111:table/things")))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
    }

    @Test
    void tags_surviveARestartAndACompaction(@TempDir Path dir) {
        open(Transport.IN_PROCESS, EmbeddedDynamoDB.builder().persistent(dir).expiryInterval(Duration.ZERO));
        createTagged();
        client.tagResource(b ->
                b.resourceArn(ARN).tags(Tag.builder().key("env").value("dev").build()));
        db.close();

        open(Transport.IN_PROCESS, EmbeddedDynamoDB.builder().persistent(dir).expiryInterval(Duration.ZERO));
        assertThat(tags()).containsExactly("env=dev", "team=a");
        client.untagResource(b -> b.resourceArn(ARN).tagKeys("team"));
        db.close();

        // This time the log is compacted into a snapshot on close (threshold 1 byte, ratio 0).
        open(
                Transport.IN_PROCESS,
                EmbeddedDynamoDB.builder()
                        .persistent(dir)
                        .expiryInterval(Duration.ZERO)
                        .compactionThreshold(1)
                        .compactionRatio(0));
        client.tagResource(b ->
                b.resourceArn(ARN).tags(Tag.builder().key("cost").value("1").build()));
        db.close();

        open(Transport.IN_PROCESS, EmbeddedDynamoDB.builder().persistent(dir).expiryInterval(Duration.ZERO));
        assertThat(tags()).containsExactly("cost=1", "env=dev");
    }
}
