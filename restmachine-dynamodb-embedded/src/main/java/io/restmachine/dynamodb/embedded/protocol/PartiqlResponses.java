package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.restmachine.dynamodb.embedded.action.BatchExecuteStatement;
import io.restmachine.dynamodb.embedded.action.ExecuteStatement;
import io.restmachine.dynamodb.embedded.action.ExecuteTransaction;
import io.restmachine.dynamodb.embedded.action.Failure;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.io.IOException;
import java.util.Map;

/** Renders the results of the PartiQL actions. */
final class PartiqlResponses {
    private PartiqlResponses() {}

    /** ExecuteStatement's answer: the items, and a NextToken bound to the statement when a SELECT stopped early. */
    static void executeStatement(JsonGenerator out, ExecuteStatement.Result result) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("Items");
        for (Map<String, DynamoValue> item : result.items()) {
            AttributeJson.writeItem(out, item);
        }
        out.writeEndArray();
        if (result.lastEvaluatedKey() != null) {
            out.writeStringField("NextToken", NextTokens.encode(result.statement(), result.lastEvaluatedKey()));
            out.writeFieldName("LastEvaluatedKey");
            AttributeJson.writeItem(out, result.lastEvaluatedKey());
        }
        Responses.writeCapacity(out, result.capacity());
        out.writeEndObject();
    }

    static void batchExecuteStatement(JsonGenerator out, BatchExecuteStatement.Result result) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("Responses");
        for (BatchExecuteStatement.Response response : result.responses()) {
            out.writeStartObject();
            if (response.error() != null) {
                writeError(out, response.error());
            } else {
                if (response.tableName() != null) {
                    out.writeStringField("TableName", response.tableName());
                }
                if (response.item() != null) {
                    out.writeFieldName("Item");
                    AttributeJson.writeItem(out, response.item());
                }
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        BatchResponses.writeCapacities(out, result.capacity());
        out.writeEndObject();
    }

    private static void writeError(JsonGenerator out, Failure failure) throws IOException {
        out.writeObjectFieldStart("Error");
        out.writeStringField("Code", code(failure.error().type()));
        out.writeStringField("Message", failure.error().message());
        if (failure instanceof Failure.ConditionFailed failed && failed.item() != null) {
            out.writeFieldName("Item");
            AttributeJson.writeItem(out, failed.item());
        }
        out.writeEndObject();
    }

    /** A BatchStatementError's {@code Code}: the error type without "Exception" (ValidationError, ThrottlingError). */
    private static String code(ErrorType type) {
        return switch (type) {
            case VALIDATION -> "ValidationError";
            case THROTTLING -> "ThrottlingError";
            default -> type.wireName().endsWith("Exception")
                    ? type.wireName().substring(0, type.wireName().length() - "Exception".length())
                    : type.wireName();
        };
    }

    static void executeTransaction(JsonGenerator out, ExecuteTransaction.Result result) throws IOException {
        out.writeStartObject();
        if (result.items() != null) {
            BatchResponses.writeItemResponses(out, result.items());
        }
        BatchResponses.writeCapacities(out, result.capacity());
        out.writeEndObject();
    }
}
