package io.restmachine.orm.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.Plan;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.RecordingStore;
import io.restmachine.orm.fixture.TodoItem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanToStringTest {

    @Test
    void aPlan_readsAsOneLine_withPlaceholdersInTheOrderTheyAppear() {
        Plan plan = Fixtures.orm(new RecordingStore())
                .repository(TodoItem.class)
                .where()
                .eq("userId", "alice")
                .explain();

        assertThat(plan.toString())
                .isEqualTo("Query on table: key #pk = :v0 AND begins_with(#sk, :v1); filter #et = :et;"
                        + " #pk=pk, :v0=\"USER#alice\", #sk=sk, :v1=\"TODO#\", #et=entity_type, :et=\"TodoItem\"");
    }

    @Test
    void aHugeValue_isShortened() {
        String huge = "\"" + "x".repeat(500_000) + "\"";
        Plan plan = new Plan(
                Plan.Operation.SCAN,
                "ByEmail",
                null,
                "#v10 = :v10 AND #v1 = :v1",
                null,
                Map.of("#v10", "a", "#v1", "b"),
                Map.of(":v10", huge, ":v1", "\"small\""),
                false,
                null);

        assertThat(plan.toString())
                .startsWith("Scan on index ByEmail (descending): filter #v10 = :v10 AND #v1 = :v1; #v10=a, :v10=\"xxx")
                .endsWith("..., #v1=b, :v1=\"small\"")
                .hasSizeLessThan(300);
    }
}
