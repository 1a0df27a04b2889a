package io.restmachine.dynamodb.embedded.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restmachine.dynamodb.embedded.action.Engine;
import io.restmachine.dynamodb.embedded.action.FaultPlan;
import io.restmachine.dynamodb.embedded.protocol.ProtocolHandler;
import io.restmachine.dynamodb.embedded.protocol.WireResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole persistence protocol under crashes: a workload of appends (single writes, deletes,
 * updates, transactions), two compactions (segment rotation and snapshot) and a close runs on a
 * {@link CrashingDisk} that crashes at I/O call k, for every k, and for each of the three crash
 * kinds (process death; power loss losing unsynced changes; power loss tearing the last append).
 * Then the directory is opened on the real disk: it must open without refusal and hold exactly
 * the acknowledged writes, plus at most the one write that was in flight when the crash came
 * (whole or not at all: a transaction never half).
 */
class CrashPointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DurableStore.Compaction NEVER_BY_ITSELF = new DurableStore.Compaction(1024L * 1024 * 1024, 0);

    @TempDir
    Path temp;

    /** One step of the workload: a request (with how it changes the expected state), or a compaction. */
    private record Step(@Nullable String target, @Nullable String body, UnaryOperator<State> effect) {
        static Step request(String target, String body, UnaryOperator<State> effect) {
            return new Step(target, body, effect);
        }

        static Step compaction() {
            return new Step(null, null, UnaryOperator.identity());
        }
    }

    /** The table's content by key (null when the table does not exist). */
    private record State(@Nullable Map<String, String> items) {
        State with(String key, @Nullable String value) {
            Map<String, String> next = new TreeMap<>(items);
            if (value == null) {
                next.remove(key);
            } else {
                next.put(key, value);
            }
            return new State(next);
        }
    }

    private static List<Step> workload() {
        List<Step> steps = new ArrayList<>();
        steps.add(Step.request(
                "CreateTable",
                "{\"TableName\":\"things\",\"BillingMode\":\"PAY_PER_REQUEST\","
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}",
                s -> new State(new TreeMap<>())));
        for (int i = 0; i < 4; i++) {
            steps.add(put("k" + i, "v" + i));
        }
        steps.add(transaction("t1", "x1"));
        steps.add(Step.compaction());
        steps.add(put("k4", "v4"));
        steps.add(put("k0", "v0-again"));
        steps.add(Step.request(
                "DeleteItem", "{\"TableName\":\"things\",\"Key\":{\"pk\":{\"S\":\"k1\"}}}", s -> s.with("k1", null)));
        steps.add(Step.request(
                "UpdateItem",
                "{\"TableName\":\"things\",\"Key\":{\"pk\":{\"S\":\"k2\"}},\"UpdateExpression\":\"SET v = :v\","
                        + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"v2-updated\"}}}",
                s -> s.with("k2", "v2-updated")));
        steps.add(transaction("t2", "x2"));
        steps.add(Step.compaction());
        steps.add(put("k5", "v5"));
        return steps;
    }

    private static Step put(String key, String value) {
        return Step.request(
                "PutItem",
                "{\"TableName\":\"things\",\"Item\":{\"pk\":{\"S\":\"" + key + "\"},\"v\":{\"S\":\"" + value + "\"}}}",
                s -> s.with(key, value));
    }

    /** A transaction writing {@code prefix}a and {@code prefix}b together. */
    private static Step transaction(String prefix, String value) {
        String item =
                "{\"Put\":{\"TableName\":\"things\",\"Item\":{\"pk\":{\"S\":\"%s\"},\"v\":{\"S\":\"" + value + "\"}}}}";
        return Step.request(
                "TransactWriteItems",
                "{\"TransactItems\":[" + String.format(item, prefix + "a") + "," + String.format(item, prefix + "b")
                        + "]}",
                s -> s.with(prefix + "a", value).with(prefix + "b", value));
    }

    /** What one run acknowledged: the state after every acknowledged step, and after the one in flight too. */
    private record Outcome(State acknowledged, State withInFlight) {}

    /** Runs the workload on {@code disk} in {@code dir} until it ends or the disk crashes. */
    private static Outcome run(Path dir, CrashingDisk disk) {
        State acknowledged = new State(null);
        State withInFlight = acknowledged;
        DurableStore store;
        try {
            store = DurableStore.open(dir, Clock.systemUTC(), NEVER_BY_ITSELF, disk);
        } catch (StorageException e) {
            return new Outcome(acknowledged, withInFlight);
        }
        try {
            ProtocolHandler handler = new ProtocolHandler(new Engine(store.database(), FaultPlan.NONE));
            for (Step step : workload()) {
                if (step.target() == null) {
                    try {
                        store.compact();
                    } catch (UncheckedIOException e) {
                        // A failed compaction loses nothing; later writes find out whether the log still works.
                    }
                    continue;
                }
                State next = step.effect().apply(acknowledged);
                WireResponse response = handler.handle(
                        "POST",
                        Map.of(
                                "content-type", "application/x-amz-json-1.0",
                                "x-amz-target", "DynamoDB_20120810." + step.target(),
                                "authorization",
                                        "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request"),
                        step.body().getBytes(StandardCharsets.UTF_8));
                if (response.status() == 200) {
                    acknowledged = next;
                    withInFlight = next;
                } else {
                    assertThat(disk.crashed())
                            .as(
                                    "only the crash fails a request: %s",
                                    new String(response.body(), StandardCharsets.UTF_8))
                            .isTrue();
                    withInFlight = next;
                    break;
                }
            }
        } finally {
            store.close();
        }
        return new Outcome(acknowledged, withInFlight);
    }

    /** The table's items as recovered by an engine opened on the real disk. */
    private static State recovered(Path dir) {
        DurableStore store = DurableStore.open(dir, Clock.systemUTC(), NEVER_BY_ITSELF, Disk.LOCAL);
        try {
            ProtocolHandler handler = new ProtocolHandler(new Engine(store.database(), FaultPlan.NONE));
            WireResponse response = handler.handle(
                    "POST",
                    Map.of(
                            "content-type", "application/x-amz-json-1.0",
                            "x-amz-target", "DynamoDB_20120810.Scan",
                            "authorization",
                                    "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request"),
                    "{\"TableName\":\"things\",\"ConsistentRead\":true}".getBytes(StandardCharsets.UTF_8));
            if (response.status() != 200) {
                return new State(null);
            }
            Map<String, String> items = new TreeMap<>();
            for (JsonNode item : JSON.readTree(response.body()).get("Items")) {
                items.put(
                        item.get("pk").get("S").asText(), item.get("v").get("S").asText());
            }
            return new State(items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.close();
        }
    }

    @Test
    void aCrashAtEveryIoCall_ofEveryKind_losesNoAcknowledgedWrite_andInventsNone() throws IOException {
        CrashingDisk counting = new CrashingDisk(0);
        Outcome complete = run(temp.resolve("count"), counting);
        int calls = counting.calls();
        assertThat(recovered(temp.resolve("count"))).isEqualTo(complete.acknowledged());
        assertThat(calls).as("I/O calls of the workload").isGreaterThan(50);

        int exercised = 0;
        for (CrashingDisk.Crash crash : CrashingDisk.Crash.values()) {
            for (int k = 1; k <= calls; k++) {
                Path dir = temp.resolve(crash + "-" + k);
                CrashingDisk disk = new CrashingDisk(k);
                Outcome outcome = run(dir, disk);
                assertThat(disk.crashed()).as("crash at call %d", k).isTrue();
                disk.afterPowerLoss(crash);

                State state = recovered(dir);

                assertThat(state)
                        .as("%s crash at I/O call %d of %d: acknowledged %s", crash, k, calls, outcome.acknowledged())
                        .isIn(outcome.acknowledged(), outcome.withInFlight());
                exercised++;
                delete(dir);
            }
        }
        System.out.printf(
                "CrashPointTest: %d crash points exercised (%d I/O calls x %d crash kinds)%n",
                exercised, calls, CrashingDisk.Crash.values().length);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
