package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.spi.BatchWrite;
import io.restmachine.orm.spi.BatchWriteOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Conditional puts of a batch (those of {@code batchCreate}) as TransactWriteItems of up to 100
 * puts (and under the 4 MB request limit) each, several in flight: one request per 100 items
 * instead of one per item, at twice the write capacity (DynamoDB charges two write units per item
 * written in a transaction).
 *
 * <p>A transaction is all or nothing, so a chunk that holds one duplicate is cancelled as a whole.
 * Its cancellation reasons, one per put in order, say which: a put whose condition failed ({@code
 * ConditionalCheckFailed}) is refused with the stored item; a put the service could not do now
 * ({@code ThrottlingError}, {@code TransactionConflict}, ...) is resent after a backoff; one it
 * refused as invalid fails with the service's message; the rest ({@code None}) are resent
 * straight away. Two puts of one key never go into one transaction (DynamoDB refuses that with a
 * ValidationException): the second is sent in a later round, after the first is settled, so that
 * its condition sees the first.
 *
 * <p>Where the server has no transactions (dynalite answers {@code UnknownOperationException}),
 * the first call finds out, this writer remembers it for the life of the store, and every
 * conditional put is sent on its own by the fallback ({@link SingleWriter}). A chunk the service
 * rejects as a whole as invalid (an item over the size limit, say) goes the same way, so that the
 * failure lands on exactly the offending put.
 */
final class TransactWriter {
    /** DynamoDB's limit of actions in one TransactWriteItems. */
    static final int MAX_ACTIONS = 100;
    /** DynamoDB's limit of one TransactWriteItems request is 4 MB; this leaves room for the envelope. */
    static final long MAX_CHUNK_BYTES = 3_500_000;

    private static final Logger LOG = LoggerFactory.getLogger(TransactWriter.class);
    /** Cancellation reasons that may clear when the put is sent again later. */
    private static final Set<String> RETRYABLE_CODES = Set.of(
            "ThrottlingError",
            "TransactionConflict",
            "ProvisionedThroughputExceeded",
            "RequestLimitExceeded",
            "InternalServerError");

    private final BatchContext ctx;
    private final Function<BatchWrite.Put, TransactWriteItem> toAction;
    private final Function<List<BatchWrite>, BatchWriteOutcome> fallback;
    /** Null until the first call says; then whether the server implements TransactWriteItems. */
    private volatile @Nullable Boolean supported;

    TransactWriter(
            BatchContext ctx,
            Function<BatchWrite.Put, TransactWriteItem> toAction,
            Function<List<BatchWrite>, BatchWriteOutcome> fallback) {
        this.ctx = ctx;
        this.toAction = toAction;
        this.fallback = fallback;
    }

    /** Whether the server is known not to implement transactions (false while unknown). */
    boolean knownUnsupported() {
        return Boolean.FALSE.equals(supported);
    }

    /** Writes {@code puts} (each with a condition); the outcome's indexes are positions in that list. */
    BatchWriteOutcome write(List<BatchWrite.Put> puts) {
        if (knownUnsupported()) {
            return fallback.apply(List.copyOf(puts));
        }
        Fates fates = new Fates();
        for (List<Integer> round : rounds(puts)) {
            writeRound(puts, round, fates);
        }
        return fates.outcome();
    }

    /**
     * The puts in rounds in which each key appears once: the first put of every key in the first
     * round, the second in the second, and so on (only a caller that repeats keys needs more than one).
     */
    private static List<List<Integer>> rounds(List<BatchWrite.Put> puts) {
        List<List<Integer>> rounds = new ArrayList<>();
        Map<Map<String, ItemValue>, Integer> seen = new HashMap<>();
        for (int i = 0; i < puts.size(); i++) {
            int round = seen.merge(puts.get(i).key(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        return rounds;
    }

    private void writeRound(List<BatchWrite.Put> puts, List<Integer> round, Fates fates) {
        List<TransactWriteItem> actions = new ArrayList<>(round.size());
        List<Future<List<Integer>>> futures = new ArrayList<>();
        List<Integer> chunk = new ArrayList<>();
        long chunkBytes = 0;
        for (int i : round) {
            TransactWriteItem action = toAction.apply(puts.get(i));
            long bytes = ItemSize.of(action.put().item());
            if (!chunk.isEmpty() && (chunk.size() == MAX_ACTIONS || chunkBytes + bytes > MAX_CHUNK_BYTES)) {
                futures.add(submit(chunk, actions, fates));
                chunk = new ArrayList<>();
                actions = new ArrayList<>();
                chunkBytes = 0;
            }
            chunk.add(i);
            actions.add(action);
            chunkBytes += bytes;
        }
        if (!chunk.isEmpty()) {
            futures.add(submit(chunk, actions, fates));
        }
        // Puts that transactions could not settle go one by one, from this thread.
        List<Integer> single = new ArrayList<>();
        for (List<Integer> left : Completion.awaitAll(futures, e -> ctx.errors().unexpected("TransactWriteItems", e))) {
            single.addAll(left);
        }
        if (!single.isEmpty()) {
            List<BatchWrite> writes = new ArrayList<>(single.size());
            single.forEach(i -> writes.add(puts.get(i)));
            fates.add(fallback.apply(writes), single);
        }
    }

    private Future<List<Integer>> submit(List<Integer> chunk, List<TransactWriteItem> actions, Fates fates) {
        return ctx.executor().submit(() -> writeChunk(chunk, actions, fates));
    }

    /**
     * Writes one chunk with retries, recording each put's fate; returns the puts to send one by one
     * (all of them when the server has no transactions or refused the chunk as invalid).
     *
     * <p>After a cancellation the puts that were only cancelled along ({@code None}) are resent at
     * once, on their own, so that a put that keeps conflicting or being throttled can't hold the
     * others back; the puts to retry wait for a backoff and go out together afterwards.
     */
    private List<Integer> writeChunk(List<Integer> chunk, List<TransactWriteItem> chunkActions, Fates fates) {
        Map<Integer, TransactWriteItem> actionOf = new HashMap<>();
        for (int k = 0; k < chunk.size(); k++) {
            actionOf.put(chunk.get(k), chunkActions.get(k));
        }
        List<Integer> pending = new ArrayList<>(chunk);
        List<Integer> waiting = new ArrayList<>(); // to resend after a backoff
        String problem = "";
        int retries = 0;
        String token = "";
        List<Integer> tokenFor = List.of();
        while (true) {
            if (pending.isEmpty()) {
                if (waiting.isEmpty()) {
                    return List.of();
                }
                retries++;
                if (retries >= ctx.settings().maxAttempts()) {
                    String reason = "not written after " + retries + " attempts (last: " + problem + ")";
                    waiting.forEach(i -> fates.failed(i, reason));
                    return List.of();
                }
                if (!ctx.backoff().pause(retries)) {
                    waiting.forEach(i -> fates.failed(i, "not written: interrupted while waiting to retry"));
                    return List.of();
                }
                pending = waiting;
                waiting = new ArrayList<>();
            }
            if (knownUnsupported()) {
                return concat(pending, waiting);
            }
            List<TransactWriteItem> sent = new ArrayList<>(pending.size());
            pending.forEach(i -> sent.add(actionOf.get(i)));
            if (!pending.equals(tokenFor)) {
                // A new set of puts gets a new token; the same set resent after a failed call keeps its
                // token, so that if that call was applied after all, DynamoDB answers success instead of
                // failing every put's condition (which would report written items as duplicates).
                token = UUID.randomUUID().toString();
                tokenFor = List.copyOf(pending);
            }
            String sentToken = token;
            try {
                ctx.client().transactWriteItems(b -> b.transactItems(sent).clientRequestToken(sentToken));
                supported = Boolean.TRUE;
                pending.forEach(fates::written);
                pending = List.of();
                continue;
            } catch (TransactionCanceledException e) {
                supported = Boolean.TRUE;
                tokenFor = List.of(); // a cancelled call was not applied: whatever is resent is a new request
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (reasons.size() != pending.size()) {
                    // Without one reason per put there is no telling which put failed: send them one by one.
                    LOG.debug(
                            "TransactWriteItems on {} cancelled without one reason per put: {}",
                            ctx.tableName(),
                            e.getMessage());
                    return concat(pending, waiting);
                }
                List<Integer> along = new ArrayList<>();
                for (int k = 0; k < pending.size(); k++) {
                    int index = pending.get(k);
                    CancellationReason reason = reasons.get(k);
                    String code = reason.code() == null ? "None" : reason.code();
                    String message = reason.message() == null ? "" : reason.message();
                    if (code.equals("ConditionalCheckFailed")) {
                        fates.refused(index, reason.hasItem() ? AttributeValueMapper.fromSdk(reason.item()) : null);
                    } else if (code.equals("None")) {
                        along.add(index);
                    } else if (RETRYABLE_CODES.contains(code)) {
                        waiting.add(index);
                        problem = code + (message.isEmpty() ? "" : ": " + message);
                    } else {
                        fates.failed(
                                index,
                                "TransactWriteItems on table '" + ctx.tableName() + "' refused this put: " + code
                                        + (message.isEmpty() ? "" : " (" + message + ")"));
                    }
                }
                if (along.size() == pending.size()) {
                    // Cancelled, yet no put says why: retry them all after a backoff.
                    waiting.addAll(along);
                    along.clear();
                    problem = "cancelled with no reason given for any put: " + e.getMessage();
                }
                pending = along;
            } catch (SdkException e) {
                if (e instanceof ResourceNotFoundException) {
                    throw ctx.errors().translate("TransactWriteItems", e);
                }
                if (e instanceof AwsServiceException service && isUnknownOperation(service)) {
                    if (supported == null) {
                        LOG.debug(
                                "table {}: the server has no TransactWriteItems ({}); batchCreate sends one"
                                        + " conditional PutItem per item",
                                ctx.tableName(),
                                service.getMessage());
                    }
                    supported = Boolean.FALSE;
                    return concat(pending, waiting);
                }
                if (e instanceof AwsServiceException service && SdkErrorTranslator.isValidationError(service)) {
                    // Which put is invalid the service does not say: let each be judged on its own.
                    return concat(pending, waiting);
                }
                problem = ctx.errors().translate("TransactWriteItems", e).getMessage();
                if (!SdkErrorTranslator.isRetryable(e)) {
                    String reason = problem;
                    concat(pending, waiting).forEach(i -> fates.failed(i, reason));
                    return List.of();
                }
                waiting.addAll(pending);
                pending = List.of();
            }
            LOG.debug(
                    "TransactWriteItems on {}: {} puts to resend now, {} after a backoff, of {}",
                    ctx.tableName(),
                    pending.size(),
                    waiting.size(),
                    chunk.size());
        }
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean isUnknownOperation(AwsServiceException e) {
        return e.awsErrorDetails() != null
                && "UnknownOperationException".equals(e.awsErrorDetails().errorCode());
    }

    /** What happened to each put, recorded by the chunks concurrently. */
    private static final class Fates {
        private final List<Integer> written = new ArrayList<>();
        private final List<BatchWriteOutcome.Failure> failed = new ArrayList<>();
        private final List<BatchWriteOutcome.Refused> refused = new ArrayList<>();

        synchronized void written(int index) {
            written.add(index);
        }

        synchronized void refused(int index, @Nullable Map<String, ItemValue> existing) {
            refused.add(new BatchWriteOutcome.Refused(index, existing));
        }

        synchronized void failed(int index, String reason) {
            failed.add(new BatchWriteOutcome.Failure(index, reason));
        }

        /** Adds the outcome of writes sent at {@code positions}. */
        synchronized void add(BatchWriteOutcome outcome, List<Integer> positions) {
            outcome.written().forEach(i -> written.add(positions.get(i)));
            outcome.failed()
                    .forEach(f -> failed.add(new BatchWriteOutcome.Failure(positions.get(f.index()), f.reason())));
            outcome.refused()
                    .forEach(r ->
                            refused.add(new BatchWriteOutcome.Refused(positions.get(r.index()), r.existingItem())));
        }

        synchronized BatchWriteOutcome outcome() {
            written.sort(null);
            return new BatchWriteOutcome(written, failed, refused, Map.of());
        }
    }

    /** An upper bound of an item's size as DynamoDB counts it (names and values in UTF-8 bytes). */
    static final class ItemSize {
        private ItemSize() {}

        static long of(Map<String, AttributeValue> item) {
            long size = 0;
            for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
                size += utf8(e.getKey()) + of(e.getValue());
            }
            return size;
        }

        private static long of(AttributeValue v) {
            return switch (v.type()) {
                case S -> utf8(v.s());
                case N -> v.n().length();
                case B -> v.b().asByteArray().length;
                case SS -> v.ss().stream().mapToLong(ItemSize::utf8).sum();
                case NS -> v.ns().stream().mapToLong(String::length).sum();
                case BS -> v.bs().stream()
                        .mapToLong(b -> b.asByteArray().length)
                        .sum();
                case L -> 3 + v.l().stream().mapToLong(x -> 1 + of(x)).sum();
                case M -> 3
                        + v.m().entrySet().stream()
                                .mapToLong(x -> 1 + utf8(x.getKey()) + of(x.getValue()))
                                .sum();
                default -> 1;
            };
        }

        private static long utf8(String s) {
            // At most 3 bytes per UTF-16 unit (a surrogate pair is 4 bytes for 2 units).
            long bytes = s.length();
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    bytes += 2;
                }
            }
            return bytes;
        }
    }
}
