package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.action.StreamActions;
import io.restmachine.dynamodb.embedded.action.StreamTables;
import io.restmachine.dynamodb.embedded.stream.ViewType;
import org.jspecify.annotations.Nullable;

/** Reads decoded Streams API requests, and the stream member of CreateTable and UpdateTable. */
final class StreamRequests {
    private StreamRequests() {}

    static StreamTables.Create createTable(Fields request) {
        return new StreamTables.Create(TableRequests.createTable(request), specification(request));
    }

    static StreamTables.Update updateTable(Fields request) {
        return new StreamTables.Update(TableRequests.updateTable(request), specification(request));
    }

    private static StreamTables.@Nullable Specification specification(Fields request) {
        Fields spec = request.struct("StreamSpecification");
        if (spec == null) {
            return null;
        }
        String viewType = spec.string("StreamViewType");
        return new StreamTables.Specification(
                spec.flag("StreamEnabled"), viewType == null ? null : ViewType.valueOf(viewType));
    }

    static StreamActions.ListRequest listStreams(Fields request) {
        Integer limit = request.integer("Limit");
        return new StreamActions.ListRequest(
                request.string("TableName"), limit == null ? 100 : limit, request.string("ExclusiveStartStreamArn"));
    }

    static StreamActions.DescribeRequest describeStream(Fields request) {
        Integer limit = request.integer("Limit");
        return new StreamActions.DescribeRequest(
                request.text("StreamArn"), limit == null ? 100 : limit, request.string("ExclusiveStartShardId"));
    }

    static StreamActions.IteratorRequest getShardIterator(Fields request) {
        return new StreamActions.IteratorRequest(
                request.text("StreamArn"),
                request.text("ShardId"),
                request.text("ShardIteratorType"),
                request.string("SequenceNumber"));
    }

    static StreamActions.RecordsRequest getRecords(Fields request) {
        Integer limit = request.integer("Limit");
        return new StreamActions.RecordsRequest(request.text("ShardIterator"), limit == null ? 1000 : limit);
    }
}
