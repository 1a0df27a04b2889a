package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.action.BatchExecuteStatement;
import io.restmachine.dynamodb.embedded.action.ExecuteStatement;
import io.restmachine.dynamodb.embedded.action.ExecuteTransaction;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Reads decoded PartiQL requests into their request records. */
final class PartiqlRequests {
    private PartiqlRequests() {}

    static ExecuteStatement.Request executeStatement(Fields request) {
        String statement = request.text("Statement");
        String token = request.string("NextToken");
        Integer limit = request.integer("Limit");
        return new ExecuteStatement.Request(
                statement,
                parameters(request),
                request.flag("ConsistentRead"),
                limit == null ? 0 : limit,
                token == null ? null : NextTokens.decode(token, statement),
                ItemRequests.capacity(request),
                "ALL_OLD".equals(request.string("ReturnValuesOnConditionCheckFailure")));
    }

    static BatchExecuteStatement.Request batchExecuteStatement(Fields request) {
        List<BatchExecuteStatement.Entry> statements = new ArrayList<>();
        for (Object element : Objects.requireNonNull(request.list("Statements"))) {
            Fields statement = element == null ? Fields.EMPTY : (Fields) element;
            statements.add(new BatchExecuteStatement.Entry(
                    statement.text("Statement"),
                    parameters(statement),
                    statement.flag("ConsistentRead"),
                    "ALL_OLD".equals(statement.string("ReturnValuesOnConditionCheckFailure"))));
        }
        return new BatchExecuteStatement.Request(statements, ItemRequests.capacity(request));
    }

    static ExecuteTransaction.Request executeTransaction(Fields request) {
        List<ExecuteTransaction.Entry> statements = new ArrayList<>();
        for (Object element : Objects.requireNonNull(request.list("TransactStatements"))) {
            Fields statement = element == null ? Fields.EMPTY : (Fields) element;
            statements.add(new ExecuteTransaction.Entry(
                    statement.text("Statement"),
                    parameters(statement),
                    "ALL_OLD".equals(statement.string("ReturnValuesOnConditionCheckFailure"))));
        }
        Map<String, Object> fingerprint = new LinkedHashMap<>(request.values());
        fingerprint.remove("ClientRequestToken");
        return new ExecuteTransaction.Request(
                statements, request.string("ClientRequestToken"), fingerprint, ItemRequests.capacity(request));
    }

    private static List<DynamoValue> parameters(Fields request) {
        List<Object> raw = request.list("Parameters");
        if (raw == null) {
            return List.of();
        }
        List<DynamoValue> values = new ArrayList<>(raw.size());
        for (@Nullable Object value : raw) {
            values.add(AttributeJson.value(value));
        }
        return values;
    }
}
