package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ClientRequestToken idempotency of TransactWriteItems: for ten minutes, a token that comes back
 * with the same request is answered as a success without running the transaction again; with a
 * different request it is an IdempotentParameterMismatchException.
 */
final class TransactionTokens {
    static final Duration WINDOW = Duration.ofMinutes(10);

    private record Use(Object request, Instant at) {}

    private final Map<String, Use> uses = new ConcurrentHashMap<>();
    private final Clock clock;

    TransactionTokens(Clock clock) {
        this.clock = clock;
    }

    /** Whether this token was already used for this same request (so the call must not run again). */
    boolean alreadyDone(String token, Object request) {
        Instant now = clock.instant();
        uses.values().removeIf(use -> use.at().plus(WINDOW).isBefore(now));
        Use use = uses.get(token);
        if (use == null) {
            return false;
        }
        if (!use.request().equals(request)) {
            throw new DynamoError(
                            ErrorType.IDEMPOTENT_PARAMETER_MISMATCH,
                            "Request parameters do not match the original request parameters for this client"
                                    + " request token")
                    .toException();
        }
        return true;
    }

    /** Records a successful transaction under its token. */
    void done(String token, Object request) {
        uses.put(token, new Use(request, clock.instant()));
    }
}
