package io.restmachine.orm.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restmachine.orm.BatchResult;
import io.restmachine.orm.DuplicateKeyException;
import io.restmachine.orm.Key;
import io.restmachine.orm.NotFoundException;
import io.restmachine.orm.Page;
import io.restmachine.orm.Repository;
import io.restmachine.orm.TransactionCanceledException;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.test.DynamoDBTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test class of measurement 10, "how long does my test suite take": 110 tests of the kind an
 * application's suite holds (CRUD, duplicates, queries, pagination, batches, transactions), each on
 * a fresh table of its own as {@link DynamoDBTest} gives it. It lives in the benchmarks' main
 * sources, so that no test run (CI included) picks it up; {@code SuiteTimeChild} runs it through
 * the JUnit launcher, on the in-process engine or against an endpoint. Servers without
 * transactions (dynalite) skip the transaction tests ({@value #TRANSACTIONS} = false).
 */
@DynamoDBTest(models = Task.class)
public class TaskSuite {
    /** System property: false where the server has no TransactWriteItems. */
    public static final String TRANSACTIONS = "bench.suite.transactions";

    private static final String PROJECT = "apollo";

    private static Key key(String project, String taskId) {
        return Key.of("project", project).and("taskId", taskId);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void create_thenGet_returnsTheTask(int n, Repository<Task> tasks) {
        Task task = Task.of(PROJECT, n);
        tasks.create(task);
        assertEquals(task, tasks.get(key(PROJECT, task.taskId())).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void create_twice_throwsDuplicateKey(int n, Repository<Task> tasks) {
        tasks.create(Task.of(PROJECT, n));
        assertThrows(DuplicateKeyException.class, () -> tasks.create(Task.of(PROJECT, n)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void update_addsPoints(int n, Repository<Task> tasks) {
        Task task = tasks.create(Task.of(PROJECT, n));
        Task updated = tasks.update(
                key(PROJECT, task.taskId()), u -> u.add("points", 5).set("done", true));
        assertEquals(task.points() + 5, updated.points());
        assertTrue(tasks.get(key(PROJECT, task.taskId())).orElseThrow().done());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void delete_removesTheTask_once(int n, Repository<Task> tasks) {
        Task task = tasks.create(Task.of(PROJECT, n));
        assertTrue(tasks.delete(key(PROJECT, task.taskId())));
        assertFalse(tasks.delete(key(PROJECT, task.taskId())));
        assertTrue(tasks.get(key(PROJECT, task.taskId())).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void save_ofAMissingTask_throwsNotFound(int n, Repository<Task> tasks) {
        assertThrows(NotFoundException.class, () -> tasks.save(Task.of(PROJECT, n)));
        tasks.upsert(Task.of(PROJECT, n));
        assertEquals(
                "renamed",
                tasks.save(new Task(PROJECT, Task.of(PROJECT, n).taskId(), "renamed", 1, false))
                        .title());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void query_listsTheProjectsTasks_inOrder_andNoOthers(int count, Repository<Task> tasks) {
        for (int i = 0; i < count; i++) {
            tasks.create(Task.of(PROJECT, i));
        }
        tasks.create(Task.of("other", 0));
        List<Task> listed = tasks.where().eq("project", PROJECT).list();
        assertEquals(count, listed.size());
        assertEquals(Task.of(PROJECT, count - 1), listed.get(count - 1));
        assertEquals(count, tasks.where().eq("project", PROJECT).count());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 10, 15, 20, 40})
    void paginate_readsEveryTaskOnce(int limit, Repository<Task> tasks) {
        List<Task> created =
                IntStream.range(0, 40).mapToObj(i -> Task.of(PROJECT, i)).toList();
        assertTrue(tasks.batchCreate(created).allWritten());
        List<Task> read = new ArrayList<>();
        String cursor = null;
        do {
            Page<Task> page = tasks.where()
                    .eq("project", PROJECT)
                    .limit(limit)
                    .cursor(cursor)
                    .paginate();
            read.addAll(page.items());
            cursor = page.cursor();
        } while (cursor != null);
        assertEquals(created, read);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 10, 24, 25, 26, 50, 75, 100})
    void batchCreate_thenBatchGet_returnsEveryTask(int count, Repository<Task> tasks) {
        List<Task> created =
                IntStream.range(0, count).mapToObj(i -> Task.of(PROJECT, i)).toList();
        BatchResult<Task> result = tasks.batchCreate(created);
        assertEquals(count, result.written().size());
        List<Key> keys = created.stream().map(t -> key(PROJECT, t.taskId())).toList();
        assertEquals(created, tasks.batchGet(keys));
        assertEquals(count, tasks.batchDelete(keys).written().size());
        assertEquals(0, tasks.where().eq("project", PROJECT).count());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void query_withFilterAndSortKeyCondition(int n, Repository<Task> tasks) {
        tasks.batchCreate(
                IntStream.range(0, 30).mapToObj(i -> Task.of(PROJECT, i)).toList());
        long done = tasks.where().eq("project", PROJECT).eq("done", true).count();
        assertEquals(IntStream.range(0, 30).filter(i -> i % 3 == 0).count(), done);
        List<Task> after = tasks.where()
                .eq("project", PROJECT)
                .gt("taskId", Task.of(PROJECT, 20 + n / 2).taskId())
                .list();
        assertEquals(30 - 21 - n / 2, after.size());
        assertEquals(
                Task.of(PROJECT, 29),
                tasks.where().eq("project", PROJECT).descending().first().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void transaction_createsAndUpdatesTogether(int n, Repository<Task> tasks, DynamoDBBackend backend) {
        Assumptions.assumeTrue(Boolean.parseBoolean(System.getProperty(TRANSACTIONS, "true")), "no transactions");
        tasks.create(Task.of(PROJECT, 100 + n));
        backend.transaction(tx -> tx.create(Task.of(PROJECT, n))
                .update(Task.class, key(PROJECT, Task.of(PROJECT, 100 + n).taskId()), u -> u.set("done", true)));
        assertEquals(2, tasks.where().eq("project", PROJECT).count());
        assertTrue(tasks.get(key(PROJECT, Task.of(PROJECT, 100 + n).taskId()))
                .orElseThrow()
                .done());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void transaction_withADuplicate_writesNothing(int n, Repository<Task> tasks, DynamoDBBackend backend) {
        Assumptions.assumeTrue(Boolean.parseBoolean(System.getProperty(TRANSACTIONS, "true")), "no transactions");
        tasks.create(Task.of(PROJECT, n));
        assertThrows(
                TransactionCanceledException.class,
                () -> backend.transaction(
                        tx -> tx.create(Task.of(PROJECT, n + 50)).create(Task.of(PROJECT, n))));
        assertTrue(tasks.get(key(PROJECT, Task.of(PROJECT, n + 50).taskId())).isEmpty());
        assertNull(tasks.where().eq("project", PROJECT).limit(5).paginate().cursor());
    }
}
