package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.value.AttributeValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An error that carries more than type and message: the stored item of a failed condition
 * ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}) or the cancellation reasons of a
 * transaction. Stackless, like {@link io.restmachine.dynamodb.embedded.error.EngineException}; the
 * protocol layer renders both in one place.
 */
public final class EngineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient DynamoError error;
    private final transient @Nullable Map<String, AttributeValue> item;
    private final transient @Nullable List<Reason> reasons;

    EngineFailure(DynamoError error, @Nullable Map<String, AttributeValue> item, @Nullable List<Reason> reasons) {
        super(error.type().wireName() + ": " + error.message(), null, false, false);
        this.error = error;
        this.item = item;
        this.reasons = reasons;
    }

    /** A cancelled transaction: DynamoDB's message lists the reason codes in the order of the actions. */
    static EngineFailure cancelled(List<Reason> reasons) {
        StringBuilder codes = new StringBuilder();
        for (Reason reason : reasons) {
            codes.append(codes.isEmpty() ? "" : ", ").append(reason.code());
        }
        return new EngineFailure(
                new DynamoError(
                        ErrorType.TRANSACTION_CANCELED,
                        "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes
                                + "]"),
                null,
                reasons);
    }

    public DynamoError error() {
        return error;
    }

    /** The item to return with a failed condition, if asked for. */
    public @Nullable Map<String, AttributeValue> item() {
        return item;
    }

    /** One reason per transaction action, if this is a cancelled transaction. */
    public @Nullable List<Reason> reasons() {
        return reasons;
    }

    /**
     * Why one action of a transaction failed: {@code code} is {@code None} for the actions that did
     * not fail.
     */
    public record Reason(String code, @Nullable String message, @Nullable Map<String, AttributeValue> item) {}
}
