package io.restmachine.dynamodb.embedded.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The wordings of issue 13 item 10 that the wire suites show only for one table name each: a
 * table name's length in the constraint form (and an empty one reported once), DynamoDB's own
 * sentences for a missing RequestItems, and the newer "Value at 'Path'" form, whose path keeps the
 * request's capitals (member names and table names alike) while the older form lowers member names.
 */
class ShapeRulesWordingTest {

    /** The ValidationException's message for {@code body}. */
    private static String refusal(String body, Shape.Struct shape) {
        try {
            ShapeRules.check(
                    RequestDecoder.decode(
                            RequestDecoder.JSON.createParser(body.getBytes(StandardCharsets.UTF_8)), shape),
                    shape);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (EngineException e) {
            assertThat(e.error().type()).isEqualTo(ErrorType.VALIDATION);
            return e.error().message();
        }
        throw new AssertionError("no ValidationException for " + body);
    }

    @Test
    void anEmptyTableName_isOneLengthError() {
        assertThat(refusal("{\"TableName\": \"\"}", TableShapes.DESCRIBE_TABLE))
                .isEqualTo("1 validation error detected: Value '' at 'tableName' failed to satisfy constraint:"
                        + " Member must have length greater than or equal to 3");
    }

    @Test
    void aShortTableNameBreakingThePattern_isTwoErrors() {
        assertThat(refusal("{\"TableName\": \"a!\"}", TableShapes.DESCRIBE_TABLE))
                .startsWith("2 validation errors detected: Value 'a!' at 'tableName' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern");
    }

    @Test
    void aMissingRequestItems_isEachActionsOwnSentence() {
        assertThat(refusal("{}", BatchShapes.BATCH_GET_ITEM))
                .isEqualTo("The requestItems parameter is required for BatchGetItem");
        assertThat(refusal("{}", BatchShapes.BATCH_WRITE_ITEM))
                .isEqualTo("The requestItems parameter is required for BatchWriteItem");
        assertThat(refusal("{\"RequestItems\": {}}", BatchShapes.BATCH_WRITE_ITEM))
                .isEqualTo("The requestItems parameter is required for BatchWriteItem");
    }

    @Test
    void theNewerWording_keepsTheRequestsCapitals_andEchoesNoValue() {
        assertThat(refusal("{\"RequestItems\": {\"MyTable\": {\"Keys\": []}}}", BatchShapes.BATCH_GET_ITEM))
                .isEqualTo("1 validation error detected: Value at 'RequestItems.MyTable.member.Keys' failed to"
                        + " satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void theOlderWording_lowersMemberNames_butNotTableNames() {
        assertThat(refusal(
                        "{\"RequestItems\": {\"MyTable\": {\"Keys\": [{\"pk\": {\"S\": \"a\"}}],"
                                + " \"AttributesToGet\": []}}}",
                        BatchShapes.BATCH_GET_ITEM))
                .isEqualTo("1 validation error detected: Value '[]' at 'requestItems.MyTable.member.attributesToGet'"
                        + " failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void eachActionsLimit_isWordedAsDynamoDBWordsIt() {
        // Query: the newer wording (captured, nubo-db query.test.ts).
        assertThat(refusal("{\"TableName\": \"tbl\", \"Limit\": 0}", ReadShapes.QUERY))
                .isEqualTo("1 validation error detected: Value at 'Limit' failed to satisfy constraint:"
                        + " Member must have value greater than or equal to 1");
        // Scan and ExecuteStatement: the older one, value echoed (captured, nubo-db scan.test.ts; dynoxide).
        String older = "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint:"
                + " Member must have value greater than or equal to 1";
        assertThat(refusal("{\"TableName\": \"tbl\", \"Limit\": 0}", ReadShapes.SCAN))
                .isEqualTo(older);
        assertThat(refusal("{\"Statement\": \"SELECT * FROM tbl\", \"Limit\": 0}", PartiqlShapes.EXECUTE_STATEMENT))
                .isEqualTo(older);
        assertThat(refusal("{\"Limit\": 101}", TableShapes.LIST_TABLES))
                .isEqualTo("1 validation error detected: Value '101' at 'limit' failed to satisfy constraint:"
                        + " Member must have value less than or equal to 100");
        assertThat(refusal("{\"ShardIterator\": \"x\", \"Limit\": 1001}", StreamShapes.GET_RECORDS))
                .isEqualTo("1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint:"
                        + " Member must have value less than or equal to 1000");
        assertThat(refusal("{\"TableName\": \"tbl\", \"TotalSegments\": 2, \"Segment\": -1}", ReadShapes.SCAN))
                .isEqualTo("1 validation error detected: Value '-1' at 'segment' failed to satisfy constraint:"
                        + " Member must have value greater than or equal to 0");
    }

    @Test
    void anEchoedKeySchema_isTheJavaModelsText() {
        assertThat(refusal(
                        "{\"TableName\": \"tbl\", \"AttributeDefinitions\": [], \"KeySchema\": ["
                                + "{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"},"
                                + " {\"AttributeName\": \"sk\", \"KeyType\": \"RANGE\"},"
                                + " {\"AttributeName\": \"extra\", \"KeyType\": \"RANGE\"}]}",
                        TableShapes.CREATE_TABLE))
                .isEqualTo("1 validation error detected: Value '[KeySchemaElement(attributeName=pk, keyType=HASH),"
                        + " KeySchemaElement(attributeName=sk, keyType=RANGE), KeySchemaElement(attributeName=extra,"
                        + " keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have length less"
                        + " than or equal to 2");
    }

    @Test
    void anEchoedBatchWrite_isTheJavaModelsText_asCapturedFromDynamoDB() {
        String puts = java.util.stream.IntStream.range(0, 26)
                .mapToObj(i -> "{\"PutRequest\": {\"Item\": {\"pk\": {\"S\": \"bw-" + i + "\"}}}}")
                .collect(java.util.stream.Collectors.joining(", "));
        String message = refusal("{\"RequestItems\": {\"tb1\": [" + puts + "]}}", BatchShapes.BATCH_WRITE_ITEM);
        assertThat(message)
                .startsWith("1 validation error detected: Value '{tb1=[WriteRequest(putRequest=PutRequest(item={pk="
                        + "AttributeValue(s=bw-0, n=null, b=null, iNT=null, dECIMAL=null, dOUBLE=null, sS=null, nS=null,"
                        + " bS=null, iNTSET=null, dECIMALSET=null, dOUBLESET=null, m=null, l=null, nULL=null, bOOL=null)},"
                        + " workloadProfileName=null), deleteRequest=null), WriteRequest(putRequest=PutRequest(item={pk="
                        + "AttributeValue(s=bw-1, ")
                .endsWith("...' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint:"
                        + " [Member must have length less than or equal to 25, Member must have length greater than or"
                        + " equal to 1]");
    }
}
