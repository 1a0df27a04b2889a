package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Why an action did not do what it was asked, as a value: the closed set of outcomes the protocol
 * layer renders besides a result. Every one has a {@link DynamoError} (type and message); two
 * carry more, which DynamoDB returns with them.
 */
public sealed interface Failure {
    DynamoError error();

    /** A refusal with type and message only (validation, missing table, limits, throttling...). */
    record Rejected(DynamoError error) implements Failure {}

    /**
     * A failed condition of a single-item write: {@code item} is the stored item when the request
     * asked for it ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}) and there is one.
     */
    record ConditionFailed(@Nullable Map<String, DynamoValue> item) implements Failure {
        @Override
        public DynamoError error() {
            return new DynamoError(ErrorType.CONDITIONAL_CHECK_FAILED, "The conditional request failed");
        }
    }

    /** A canceled transaction: one reason per action, in the order of the actions. */
    record Canceled(List<Reason> reasons) implements Failure {
        public Canceled {
            reasons = List.copyOf(reasons);
        }

        /** DynamoDB's message (its spelling) lists the reason codes in the order of the actions. */
        @Override
        public DynamoError error() {
            StringBuilder codes = new StringBuilder();
            for (Reason reason : reasons) {
                codes.append(codes.isEmpty() ? "" : ", ").append(reason.code());
            }
            return new DynamoError(
                    ErrorType.TRANSACTION_CANCELED,
                    "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]");
        }
    }

    /**
     * Why one action of a transaction failed: {@code code} is {@code None} for the actions that did
     * not fail.
     */
    record Reason(String code, @Nullable String message, @Nullable Map<String, DynamoValue> item) {}

    /** The failure a lower layer's {@link EngineException} stands for. */
    static Failure of(EngineException e) {
        return new Rejected(e.error());
    }

    /** This failure, thrown: actions fail from deep inside (under locks), so it travels as an exception. */
    default EngineFailure toException() {
        return new EngineFailure(this);
    }
}
