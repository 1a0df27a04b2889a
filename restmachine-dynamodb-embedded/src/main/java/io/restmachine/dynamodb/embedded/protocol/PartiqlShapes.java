package io.restmachine.dynamodb.embedded.protocol;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import java.util.List;

/** The declared request shapes of the PartiQL actions. */
final class PartiqlShapes {
    private PartiqlShapes() {}

    private static Shape statement() {
        return string(notNull(), minLength(1), maxLength(8192));
    }

    private static Shape parameters() {
        return list(new Shape.Attribute(true, List.of()), minLength(1));
    }

    private static Shape returnValuesOnConditionCheckFailure() {
        return string(oneOf("ALL_OLD", "NONE"));
    }

    static final Shape.Struct EXECUTE_STATEMENT = request(
            "Statement",
            statement(),
            "Parameters",
            parameters(),
            "ConsistentRead",
            bool(),
            "NextToken",
            string(minLength(1), maxLength(32768)),
            "ReturnConsumedCapacity",
            returnConsumedCapacity(),
            "Limit",
            integer(min(1)),
            "ReturnValuesOnConditionCheckFailure",
            returnValuesOnConditionCheckFailure());

    static final Shape.Struct BATCH_EXECUTE_STATEMENT = request(
            "Statements",
            list(
                    element(
                            "BatchStatementRequest",
                            "Statement",
                            statement(),
                            "Parameters",
                            parameters(),
                            "ConsistentRead",
                            bool(),
                            "ReturnValuesOnConditionCheckFailure",
                            returnValuesOnConditionCheckFailure()),
                    notNull(),
                    minLength(1),
                    maxLength(25)),
            "ReturnConsumedCapacity",
            returnConsumedCapacity());

    static final Shape.Struct EXECUTE_TRANSACTION = request(
            "TransactStatements",
            list(
                    element(
                            "ParameterizedStatement",
                            "Statement",
                            statement(),
                            "Parameters",
                            parameters(),
                            "ReturnValuesOnConditionCheckFailure",
                            returnValuesOnConditionCheckFailure()),
                    notNull(),
                    minLength(1),
                    maxLength(100)),
            "ClientRequestToken",
            string(minLength(1), maxLength(36)),
            "ReturnConsumedCapacity",
            returnConsumedCapacity());
}
