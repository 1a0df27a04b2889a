package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.restmachine.dynamodb.embedded.action.StreamActions;
import io.restmachine.dynamodb.embedded.stream.ChangeRecord;
import io.restmachine.dynamodb.embedded.stream.ChangeStream;
import io.restmachine.dynamodb.embedded.stream.StreamSetting;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import java.io.IOException;

/** Renders the Streams API results, and a table's stream members in its description. */
final class StreamResponses {
    private StreamResponses() {}

    /** DynamoDB's region for the dummy account the engine reports. */
    private static final String REGION = "us-east-1";

    /** {@code StreamSpecification} (while enabled), {@code LatestStreamLabel} and {@code LatestStreamArn}. */
    static void tableStream(JsonGenerator out, TableDefinition definition) throws IOException {
        StreamSetting stream = definition.stream();
        if (stream == null) {
            return;
        }
        if (stream.enabled()) {
            out.writeObjectFieldStart("StreamSpecification");
            out.writeBooleanField("StreamEnabled", true);
            out.writeStringField("StreamViewType", stream.viewType().name());
            out.writeEndObject();
        }
        out.writeStringField("LatestStreamLabel", stream.label());
        out.writeStringField("LatestStreamArn", stream.arn(definition.arn()));
    }

    static void listStreams(JsonGenerator out, StreamActions.ListResult result) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("Streams");
        for (ChangeStream stream : result.streams()) {
            out.writeStartObject();
            out.writeStringField("StreamArn", stream.arn());
            out.writeStringField("TableName", stream.tableName());
            out.writeStringField("StreamLabel", stream.label());
            out.writeEndObject();
        }
        out.writeEndArray();
        if (result.lastEvaluatedStreamArn() != null) {
            out.writeStringField("LastEvaluatedStreamArn", result.lastEvaluatedStreamArn());
        }
        out.writeEndObject();
    }

    static void describeStream(JsonGenerator out, StreamActions.Description description) throws IOException {
        ChangeStream stream = description.stream();
        boolean closed = stream.disabledAt() != null;
        out.writeStartObject();
        out.writeObjectFieldStart("StreamDescription");
        out.writeStringField("StreamArn", stream.arn());
        out.writeStringField("StreamLabel", stream.label());
        out.writeStringField("StreamStatus", closed ? "DISABLED" : "ENABLED");
        out.writeStringField("StreamViewType", stream.viewType().name());
        out.writeNumberField("CreationRequestDateTime", stream.createdMillis() / 1000.0);
        out.writeStringField("TableName", stream.tableName());
        out.writeArrayFieldStart("KeySchema");
        keyElement(out, stream.hashKey(), "HASH");
        if (stream.rangeKey() != null) {
            keyElement(out, stream.rangeKey(), "RANGE");
        }
        out.writeEndArray();
        out.writeArrayFieldStart("Shards");
        if (description.showShard()) {
            out.writeStartObject();
            out.writeStringField("ShardId", stream.shardId());
            out.writeObjectFieldStart("SequenceNumberRange");
            out.writeStringField("StartingSequenceNumber", ChangeRecord.format(stream.startSequence()));
            if (closed) {
                out.writeStringField("EndingSequenceNumber", ChangeRecord.format(description.endingSequence()));
            }
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void keyElement(JsonGenerator out, String name, String type) throws IOException {
        out.writeStartObject();
        out.writeStringField("AttributeName", name);
        out.writeStringField("KeyType", type);
        out.writeEndObject();
    }

    static void shardIterator(JsonGenerator out, StreamActions.IteratorResult result) throws IOException {
        out.writeStartObject();
        out.writeStringField("ShardIterator", result.shardIterator());
        out.writeEndObject();
    }

    static void records(JsonGenerator out, StreamActions.RecordsResult result) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("Records");
        for (ChangeRecord record : result.records()) {
            record(out, record);
        }
        out.writeEndArray();
        if (result.nextShardIterator() != null) {
            out.writeStringField("NextShardIterator", result.nextShardIterator());
        }
        out.writeEndObject();
    }

    private static void record(JsonGenerator out, ChangeRecord record) throws IOException {
        out.writeStartObject();
        out.writeStringField("eventID", record.eventId());
        out.writeStringField("eventName", record.event().name());
        out.writeStringField("eventVersion", "1.1");
        out.writeStringField("eventSource", "aws:dynamodb");
        out.writeStringField("awsRegion", REGION);
        out.writeObjectFieldStart("dynamodb");
        out.writeNumberField("ApproximateCreationDateTime", record.createdSeconds());
        out.writeFieldName("Keys");
        AttributeJson.writeItem(out, record.keys());
        if (record.newImage() != null) {
            out.writeFieldName("NewImage");
            AttributeJson.writeItem(out, record.newImage());
        }
        if (record.oldImage() != null) {
            out.writeFieldName("OldImage");
            AttributeJson.writeItem(out, record.oldImage());
        }
        out.writeStringField("SequenceNumber", record.sequenceNumber());
        out.writeNumberField("SizeBytes", record.sizeBytes());
        out.writeStringField("StreamViewType", record.viewType().name());
        out.writeEndObject();
        if (record.byService()) {
            out.writeObjectFieldStart("userIdentity");
            out.writeStringField("PrincipalId", "dynamodb.amazonaws.com");
            out.writeStringField("Type", "Service");
            out.writeEndObject();
        }
        out.writeEndObject();
    }
}
