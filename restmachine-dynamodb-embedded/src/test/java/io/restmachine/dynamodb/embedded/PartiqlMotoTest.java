package io.restmachine.dynamodb.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.peer.Moto;
import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The same PartiQL calls against the engine and moto's server, where moto answers as DynamoDB's
 * documentation says: the answers must agree. Where moto 5.2 does not follow the documentation, a
 * divergence test pins both answers and names the page the engine follows (docs/partiql.md,
 * "Compared with moto").
 */
class PartiqlMotoTest {
    @RegisterExtension
    static final PeerCheck PEER = PeerCheck.MOTO;

    private EmbeddedDynamoDB db;
    private DynamoDbClient engine;
    private DynamoDbClient moto;
    private final List<String> motoTables = new ArrayList<>();

    @BeforeEach
    void open() {
        db = EmbeddedDynamoDB.inMemory();
        engine = db.client();
        moto = DynamoDbClient.builder()
                .endpointOverride(Moto.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                // moto answers some statements with a 500: one attempt, no retries.
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    @AfterEach
    void close() {
        for (String table : motoTables) {
            moto.deleteTable(b -> b.tableName(table));
        }
        moto.close();
        engine.close();
        db.close();
    }

    /** A table named alike on both (unique on the shared moto server): pk S, sk S. */
    private String table() {
        // Unquoted in the statements: moto's batch statements do not read quoted table names.
        String name = "partiql_" + UUID.randomUUID().toString().replace("-", "");
        for (DynamoDbClient client : List.of(engine, moto)) {
            client.createTable(b -> b.tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk")
                            .attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk")
                            .keyType("RANGE")));
        }
        motoTables.add(name);
        return name;
    }

    private static List<Map<String, AttributeValue>> run(DynamoDbClient client, String statement, AttributeValue... p) {
        return client.executeStatement(b -> b.statement(statement).parameters(p.length == 0 ? null : List.of(p)))
                .items();
    }

    /** Runs {@code calls} on both servers and expects the same answer. */
    private <T> T same(Function<DynamoDbClient, T> calls) {
        T fromEngine = calls.apply(engine);
        T fromMoto = calls.apply(moto);
        assertThat(fromEngine).as("engine vs moto").isEqualTo(fromMoto);
        return fromEngine;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Test
    void insertThenSelect_byPartition_byWholeKey_withParameters_andAFullScan() {
        String t = table();
        List<List<Map<String, AttributeValue>>> answers = same(c -> {
            run(c, "INSERT INTO " + t + " VALUE {'pk' : 'a', 'sk' : '2', 'v' : 2}");
            run(c, "INSERT INTO " + t + " VALUE {'pk' : 'a', 'sk' : '1', 'v' : 1}");
            run(c, "INSERT INTO " + t + " VALUE {'pk' : 'b', 'sk' : '1'}");
            return List.of(
                    run(c, "SELECT * FROM " + t + " WHERE pk = 'a'"),
                    run(c, "SELECT v FROM " + t + " WHERE pk = 'a' AND sk = '2'"),
                    run(c, "SELECT * FROM " + t + " WHERE pk = ?", s("b")));
        });
        assertThat(answers.get(0)).extracting(i -> i.get("sk").s()).containsExactly("1", "2");
        assertThat(answers.get(1)).containsExactly(Map.of("v", AttributeValue.fromN("2")));
        int scanned = same(c -> run(c, "SELECT * FROM " + t + "").size());
        assertThat(scanned).isEqualTo(3);
    }

    @Test
    void removeThenIsMissing_andDelete_ofAnItemAndOfAMissingOne() {
        String t = table();
        same(c -> {
            run(c, "INSERT INTO " + t + " VALUE {'pk' : 'a', 'sk' : '1', 'v' : 1}");
            run(c, "INSERT INTO " + t + " VALUE {'pk' : 'a', 'sk' : '2', 'v' : 2}");
            run(c, "UPDATE " + t + " REMOVE v WHERE pk = 'a' AND sk = '1'");
            return run(c, "SELECT * FROM " + t + " WHERE v IS MISSING");
        });
        List<Map<String, AttributeValue>> left = same(c -> {
            run(c, "DELETE FROM " + t + " WHERE pk = 'zz' AND sk = '1'");
            run(c, "DELETE FROM " + t + " WHERE pk = 'a' AND sk = '2'");
            return run(c, "SELECT * FROM " + t + "");
        });
        assertThat(left).containsExactly(Map.of("pk", s("a"), "sk", s("1")));
    }

    @Test
    void batchAndTransactionReads_byWholeKey() {
        String t = table();
        same(c -> c.batchExecuteStatement(b -> b.statements(
                        BatchStatementRequest.builder()
                                .statement("INSERT INTO " + t + " VALUE {'pk' : 'b', 'sk' : '1'}")
                                .build(),
                        BatchStatementRequest.builder()
                                .statement("INSERT INTO " + t + " VALUE {'pk' : 'c', 'sk' : '1'}")
                                .build()))
                .responses());
        same(c -> c.batchExecuteStatement(b -> b.statements(
                        BatchStatementRequest.builder()
                                .statement("SELECT * FROM " + t + " WHERE pk = 'b' AND sk = '1'")
                                .build(),
                        BatchStatementRequest.builder()
                                .statement("SELECT * FROM " + t + " WHERE pk = 'q' AND sk = '1'")
                                .build()))
                .responses());
        same(c -> c.executeTransaction(b -> b.transactStatements(ParameterizedStatement.builder()
                        .statement("SELECT * FROM " + t + " WHERE pk = 'c' AND sk = '1'")
                        .build()))
                .responses());
    }

    @Test
    void selectFromAMissingTable_isResourceNotFound_onBoth() {
        for (DynamoDbClient client : List.of(engine, moto)) {
            assertThatThrownBy(() -> run(client, "SELECT * FROM no_such_table"))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    /**
     * Divergence: DynamoDB answers an INSERT of a key that exists with DuplicateItemException
     * ("PartiQL insert statements for DynamoDB"; ExecuteStatement's errors list it); moto 5.2
     * replaces the item.
     */
    @Test
    void divergence_insertOfAnExistingKey_isDuplicateItemOnTheEngine_motoOverwrites() {
        String t = table();
        String first = "INSERT INTO " + t + " VALUE {'pk' : 'a', 'sk' : '1', 'v' : 1}";
        String second = "INSERT INTO " + t + " VALUE {'pk' : 'a', 'sk' : '1', 'v' : 2}";
        run(engine, first);
        assertThatThrownBy(() -> run(engine, second))
                .isInstanceOf(DuplicateItemException.class)
                .hasMessageStartingWith("Duplicate primary key exists in table");
        run(moto, first);
        run(moto, second);
        assertThat(run(moto, "SELECT v FROM " + t + " WHERE pk = 'a' AND sk = '1'"))
                .containsExactly(Map.of("v", AttributeValue.fromN("2")));
    }

    /**
     * Divergence: a statement that does not parse is a ValidationException "Statement wasn't well
     * formed, can't be processed: ..." on DynamoDB; moto 5.2 answers HTTP 500.
     */
    @Test
    void divergence_aSyntaxError_isAValidationErrorOnTheEngine_motoFailsWith500() {
        String t = table();
        assertThatThrownBy(() -> run(engine, "SELEC * FROM " + t + ""))
                .isInstanceOfSatisfying(
                        DynamoDbException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageStartingWith("Statement wasn't well formed, can't be processed:");
        assertThatThrownBy(() -> run(moto, "SELEC * FROM " + t + ""))
                .isInstanceOfSatisfying(
                        DynamoDbException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    }

    /**
     * Divergence: an UPDATE with SET of a value works on DynamoDB ("PartiQL update statements for
     * DynamoDB", first example); moto 5.2 answers HTTP 500 to it.
     */
    @Test
    void divergence_updateSet_worksOnTheEngine_motoFailsWith500() {
        String t = table();
        String insert = "INSERT INTO " + t + " VALUE {'pk' : 'a', 'sk' : '1', 'v' : 1}";
        String update = "UPDATE " + t + " SET v = 5 WHERE pk = 'a' AND sk = '1'";
        run(engine, insert);
        run(engine, update);
        assertThat(run(engine, "SELECT v FROM " + t + " WHERE pk = 'a' AND sk = '1'"))
                .containsExactly(Map.of("v", AttributeValue.fromN("5")));
        run(moto, insert);
        assertThatThrownBy(() -> run(moto, update))
                .isInstanceOfSatisfying(
                        DynamoDbException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    }
}
