package io.restmachine.dynamodb.embedded.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.peer.Dynalite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scenario files themselves: enough of them, well formed, and documented where they diverge. */
class ScenarioCatalogTest {
    private final Map<String, List<Scenario>> files = ScenarioCatalog.load();

    @Test
    void catalogue_coversEveryActionWithAtLeast150Scenarios() {
        List<Scenario> all = files.values().stream().flatMap(List::stream).toList();
        Set<String> actions =
                all.stream().flatMap(s -> s.test().stream()).map(Step::action).collect(Collectors.toSet());

        assertThat(all).hasSizeGreaterThanOrEqualTo(150);
        assertThat(actions)
                .contains(
                        "CreateTable",
                        "DeleteTable",
                        "DescribeTable",
                        "ListTables",
                        "UpdateTable",
                        "DescribeTimeToLive",
                        "PutItem",
                        "GetItem",
                        "UpdateItem",
                        "DeleteItem",
                        "Query",
                        "Scan",
                        "BatchGetItem",
                        "BatchWriteItem");
    }

    @Test
    void scenarioNames_areUniqueWithinEachFile() {
        files.forEach((file, scenarios) ->
                assertThat(scenarios).extracting(Scenario::name).as(file).doesNotHaveDuplicates());
    }

    @Test
    void everyDivergence_isListedInDocsConformance() throws IOException {
        String docs = Files.readString(Dynalite.projectRoot().resolve("docs/conformance.md"), StandardCharsets.UTF_8);
        Set<String> diverging = new HashSet<>();
        files.values().stream()
                .flatMap(List::stream)
                .filter(s -> s.test().stream().anyMatch(step -> step.divergence() != null))
                .forEach(s -> diverging.add(s.id()));

        assertThat(diverging).isNotEmpty().allSatisfy(id -> assertThat(docs)
                .as("docs/conformance.md lists divergence " + id)
                .contains("| " + id + " |"));
    }

    @Test
    void everyPendingScenario_exists() {
        Set<String> ids =
                files.values().stream().flatMap(List::stream).map(Scenario::id).collect(Collectors.toSet());

        assertThat(PendingScenarios.load().ids()).allSatisfy(id -> assertThat(ids)
                .as(PendingScenarios.RESOURCE + " names an existing scenario")
                .contains(id));
    }
}
