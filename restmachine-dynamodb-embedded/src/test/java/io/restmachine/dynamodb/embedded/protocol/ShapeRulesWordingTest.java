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
}
