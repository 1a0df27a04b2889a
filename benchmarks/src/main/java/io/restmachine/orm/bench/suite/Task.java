package io.restmachine.orm.bench.suite;

import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;

/** The model of {@link TaskSuite}: tasks of a project, one partition per project. */
@PartitionKey("PROJECT#{project}")
@SortKey("TASK#{taskId}")
public record Task(String project, String taskId, String title, int points, boolean done) {
    /** Task n of a project: ids sort in creation order. */
    public static Task of(String project, int n) {
        return new Task(project, String.format(java.util.Locale.ROOT, "%04d", n), "task " + n, n % 8, n % 3 == 0);
    }
}
