package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.stream.ChangeRecord;
import io.restmachine.dynamodb.embedded.stream.ChangeStream;
import io.restmachine.dynamodb.embedded.stream.StreamCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator and GetRecords over the
 * engine's {@link StreamCatalog}. Shard iterators are self-contained strings (stream, shard,
 * position, issue time), so they survive a restart of a persistent engine; each expires 15
 * minutes after it was issued, by the engine's clock.
 */
public final class StreamActions {
    private StreamActions() {}

    /** How long a shard iterator may be used, as DynamoDB documents it. */
    public static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);

    /** GetRecords returns at most this many bytes of records. */
    static final long MAX_PAGE_BYTES = 1024 * 1024;

    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws:dynamodb:[a-z0-9-]+:\\d{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/.+");

    public record ListRequest(@Nullable String tableName, int limit, @Nullable String exclusiveStartStreamArn) {}

    public record ListResult(List<ChangeStream> streams, @Nullable String lastEvaluatedStreamArn) {}

    public record DescribeRequest(String streamArn, int limit, @Nullable String exclusiveStartShardId) {}

    /** A stream's description; {@code shards} is empty when the page starts after its one shard. */
    public record Description(ChangeStream stream, boolean showShard, long endingSequence) {}

    public record IteratorRequest(String streamArn, String shardId, String type, @Nullable String sequenceNumber) {}

    public record IteratorResult(String shardIterator) {}

    public record RecordsRequest(String shardIterator, int limit) {}

    public record RecordsResult(List<ChangeRecord> records, @Nullable String nextShardIterator) {}

    public static final Action<ListRequest, ListResult> LIST_STREAMS = (request, engine) -> {
        StreamCatalog catalog = catalog(engine);
        String start = request.exclusiveStartStreamArn();
        if (start != null && !STREAM_ARN.matcher(start).matches()) {
            throw invalidArn(start);
        }
        List<ChangeStream> all = new ArrayList<>(catalog.all());
        all.sort(java.util.Comparator.comparing(ChangeStream::arn));
        List<ChangeStream> page = new ArrayList<>();
        String last = null;
        for (ChangeStream stream : all) {
            if (request.tableName() != null && !stream.tableName().equals(request.tableName())) {
                continue;
            }
            if (start != null && stream.arn().compareTo(start) <= 0) {
                continue;
            }
            if (page.size() == request.limit()) {
                last = page.get(page.size() - 1).arn();
                break;
            }
            page.add(stream);
        }
        return new ListResult(page, last);
    };

    public static final Action<DescribeRequest, Description> DESCRIBE_STREAM = (request, engine) -> {
        ChangeStream stream = stream(engine, request.streamArn());
        boolean showShard = request.exclusiveStartShardId() == null;
        long ending = Math.max(stream.lastSequence(), stream.startSequence());
        return new Description(stream, showShard, ending);
    };

    public static final Action<IteratorRequest, IteratorResult> GET_SHARD_ITERATOR = (request, engine) -> {
        String type = request.type();
        String sequenceNumber = request.sequenceNumber();
        boolean bySequence = type.equals("AT_SEQUENCE_NUMBER") || type.equals("AFTER_SEQUENCE_NUMBER");
        if (bySequence && sequenceNumber == null) {
            throw EngineException.validation("SequenceNumber is required when ShardIteratorType is " + type);
        }
        if (!bySequence && sequenceNumber != null) {
            throw EngineException.validation("SequenceNumber must not be given when ShardIteratorType is " + type);
        }
        ChangeStream stream = stream(engine, request.streamArn());
        if (!stream.shardId().equals(request.shardId())) {
            throw new DynamoError(
                            ErrorType.RESOURCE_NOT_FOUND,
                            "Requested resource not found: Shard does not exist: " + request.shardId())
                    .toException();
        }
        long position;
        if (bySequence) {
            long sequence = ChangeRecord.parse(sequenceNumber);
            if (sequence < stream.startSequence()) {
                throw EngineException.validation("Invalid SequenceNumber for ShardIteratorType " + type + ": "
                        + sequenceNumber + " is not a sequence number of shard " + stream.shardId());
            }
            if (sequence <= stream.trimmedThrough()) {
                throw trimmed();
            }
            position = type.equals("AT_SEQUENCE_NUMBER") ? sequence : sequence + 1;
        } else if (type.equals("TRIM_HORIZON")) {
            position = stream.trimmedThrough() + 1;
        } else {
            position = stream.latest(catalog(engine).nextSequenceWithoutTaking());
        }
        return new IteratorResult(ShardIterator.encode(stream.arn(), stream.shardId(), position, now(engine)));
    };

    public static final Action<RecordsRequest, RecordsResult> GET_RECORDS = (request, engine) -> {
        ShardIterator iterator = ShardIterator.decode(request.shardIterator());
        Instant now = now(engine);
        if (Duration.between(Instant.ofEpochMilli(iterator.issuedMillis()), now).compareTo(ITERATOR_LIFETIME) > 0) {
            throw new DynamoError(ErrorType.EXPIRED_ITERATOR, "The provided iterator exceeds the maximum age allowed.")
                    .toException();
        }
        ChangeStream stream = stream(engine, iterator.streamArn());
        if (iterator.position() <= stream.trimmedThrough()) {
            throw trimmed();
        }
        List<ChangeRecord> records = stream.read(iterator.position(), request.limit(), MAX_PAGE_BYTES);
        long next = records.isEmpty()
                ? iterator.position()
                : records.get(records.size() - 1).sequence() + 1;
        String nextIterator =
                stream.exhausted(next) ? null : ShardIterator.encode(stream.arn(), stream.shardId(), next, now);
        return new RecordsResult(records, nextIterator);
    };

    private static StreamCatalog catalog(Engine engine) {
        StreamCatalog catalog = engine.database().streams();
        catalog.trim(now(engine));
        return catalog;
    }

    private static Instant now(Engine engine) {
        return engine.database().clock().instant();
    }

    private static ChangeStream stream(Engine engine, String arn) {
        if (!STREAM_ARN.matcher(arn).matches()) {
            throw invalidArn(arn);
        }
        return catalog(engine).find(arn).orElseThrow(() -> new DynamoError(
                        ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Stream: " + arn + " not found")
                .toException());
    }

    private static EngineException invalidArn(String arn) {
        return EngineException.validation("Invalid StreamArn: " + arn);
    }

    private static EngineException trimmed() {
        return new DynamoError(
                        ErrorType.TRIMMED_DATA_ACCESS,
                        "The operation attempted to read past the oldest stream record in a shard.")
                .toException();
    }

    /** A shard iterator's content: {@code <stream ARN>|1|<base64 of shard, position, issue time>}. */
    record ShardIterator(String streamArn, String shardId, long position, long issuedMillis) {
        static String encode(String arn, String shardId, long position, Instant issued) {
            String payload = shardId + "\n" + position + "\n" + issued.toEpochMilli();
            return arn + "|1|"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        }

        static ShardIterator decode(String iterator) {
            int first = iterator.indexOf("|1|");
            try {
                if (first < 0) {
                    throw new IllegalArgumentException("no version mark");
                }
                String payload = new String(
                        Base64.getUrlDecoder().decode(iterator.substring(first + 3)), StandardCharsets.UTF_8);
                String[] parts = payload.split("\n", -1);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("wrong number of parts");
                }
                return new ShardIterator(
                        iterator.substring(0, first), parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            } catch (IllegalArgumentException e) {
                throw EngineException.validation(
                        "Invalid ShardIterator: it is not one GetShardIterator or GetRecords" + " returned");
            }
        }
    }
}
