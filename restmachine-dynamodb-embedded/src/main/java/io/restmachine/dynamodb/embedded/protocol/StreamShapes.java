package io.restmachine.dynamodb.embedded.protocol;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import io.restmachine.dynamodb.embedded.protocol.Shape.Constraint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared request shapes of the DynamoDB Streams API, and CreateTable and UpdateTable with
 * their {@code StreamSpecification} member (added to the table shapes, so that the table actions'
 * own shapes stay where they are).
 */
final class StreamShapes {
    private StreamShapes() {}

    private static Shape streamSpecification() {
        return field(
                "StreamSpecification",
                List.of(),
                "StreamEnabled",
                bool(notNull()),
                "StreamViewType",
                string(oneOf("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY")));
    }

    static final Shape.Struct CREATE_TABLE = withStream(TableShapes.CREATE_TABLE);

    static final Shape.Struct UPDATE_TABLE = withStream(TableShapes.UPDATE_TABLE);

    private static Shape.Struct withStream(Shape.Struct table) {
        Map<String, Shape> members = new LinkedHashMap<>(table.members());
        members.put("StreamSpecification", streamSpecification());
        return new Shape.Struct(table.name(), table.value(), members, table.constraints());
    }

    private static Shape streamArn(Constraint... extra) {
        List<Constraint> constraints = new java.util.ArrayList<>(List.of(extra));
        constraints.add(minLength(37));
        constraints.add(maxLength(1024));
        return string(constraints.toArray(Constraint[]::new));
    }

    static final Shape.Struct LIST_STREAMS = request(
            "TableName", tableName(), "Limit", integer(min(1), max(100)), "ExclusiveStartStreamArn", streamArn());

    static final Shape.Struct DESCRIBE_STREAM = request(
            "StreamArn",
            streamArn(notNull()),
            "Limit",
            integer(min(1), max(100)),
            "ExclusiveStartShardId",
            string(minLength(28), maxLength(65)));

    static final Shape.Struct GET_SHARD_ITERATOR = request(
            "StreamArn",
            streamArn(notNull()),
            "ShardId",
            string(notNull(), minLength(28), maxLength(65)),
            "ShardIteratorType",
            string(notNull(), oneOf("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER")),
            "SequenceNumber",
            string(minLength(21), maxLength(40)));

    static final Shape.Struct GET_RECORDS = request(
            "ShardIterator", string(notNull(), minLength(1), maxLength(2048)), "Limit", integer(min(1), max(1000)));
}
