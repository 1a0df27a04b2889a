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
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
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
                .isInstanceOf(LimitExceededException.class);
        assertThat(tags()).hasSize(50).contains("k0=v");
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
