package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.action.BatchExecuteStatement;
import io.restmachine.dynamodb.embedded.action.BatchGetItem;
import io.restmachine.dynamodb.embedded.action.BatchWriteItem;
import io.restmachine.dynamodb.embedded.action.DeleteItem;
import io.restmachine.dynamodb.embedded.action.ExecuteStatement;
import io.restmachine.dynamodb.embedded.action.ExecuteTransaction;
import io.restmachine.dynamodb.embedded.action.GetItem;
import io.restmachine.dynamodb.embedded.action.PutItem;
import io.restmachine.dynamodb.embedded.action.Query;
import io.restmachine.dynamodb.embedded.action.Scan;
import io.restmachine.dynamodb.embedded.action.StreamActions;
import io.restmachine.dynamodb.embedded.action.StreamTables;
import io.restmachine.dynamodb.embedded.action.TableActions;
import io.restmachine.dynamodb.embedded.action.TransactGetItems;
import io.restmachine.dynamodb.embedded.action.TransactWriteItems;
import io.restmachine.dynamodb.embedded.action.UpdateItem;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The operations the engine implements, by the name in {@code X-Amz-Target}. */
final class Routes {
    static final String TARGET_PREFIX = "DynamoDB_20120810.";
    static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";

    private final Map<String, Route> routes = new HashMap<>();

    Routes() {
        add(new Route.Typed<>(
                "PutItem", ItemShapes.PUT_ITEM, true, ItemRequests::putItem, new PutItem(), Responses::write));
        add(new Route.Typed<>(
                "GetItem", ItemShapes.GET_ITEM, true, ItemRequests::getItem, new GetItem(), Responses::get));
        add(new Route.Typed<>(
                "DeleteItem",
                ItemShapes.DELETE_ITEM,
                true,
                ItemRequests::deleteItem,
                new DeleteItem(),
                Responses::write));
        add(new Route.Typed<>(
                "UpdateItem",
                ItemShapes.UPDATE_ITEM,
                true,
                ItemRequests::updateItem,
                new UpdateItem(),
                Responses::write));
        add(new Route.Typed<>("Query", ReadShapes.QUERY, true, ReadRequests::query, new Query(), Responses::page));
        add(new Route.Typed<>("Scan", ReadShapes.SCAN, true, ReadRequests::scan, new Scan(), Responses::page));
        add(new Route.Typed<>(
                "DescribeTable",
                TableShapes.DESCRIBE_TABLE,
                false,
                TableRequests::tableName,
                TableActions.DESCRIBE_TABLE,
                TableResponses.description("Table")));
        add(new Route.Typed<>(
                "DeleteTable",
                TableShapes.DELETE_TABLE,
                false,
                TableRequests::tableName,
                TableActions.DELETE_TABLE,
                TableResponses.description("TableDescription")));
        add(new Route.Typed<>(
                "ListTables",
                TableShapes.LIST_TABLES,
                false,
                TableRequests::listTables,
                TableActions.LIST_TABLES,
                TableResponses::list));
        add(new Route.Typed<>(
                "DescribeTimeToLive",
                TableShapes.DESCRIBE_TIME_TO_LIVE,
                false,
                TableRequests::tableName,
                TableActions.DESCRIBE_TIME_TO_LIVE,
                TableResponses::timeToLive));
        add(new Route.Typed<>(
                "UpdateTimeToLive",
                TableShapes.UPDATE_TIME_TO_LIVE,
                false,
                TableRequests::updateTimeToLive,
                TableActions.UPDATE_TIME_TO_LIVE,
                TableResponses::timeToLiveUpdate));
        add(new Route.Typed<>(
                "BatchGetItem",
                BatchShapes.BATCH_GET_ITEM,
                true,
                BatchRequests::batchGetItem,
                new BatchGetItem(),
                BatchResponses::batchGetItem));
        add(new Route.Typed<>(
                "BatchWriteItem",
                BatchShapes.BATCH_WRITE_ITEM,
                true,
                BatchRequests::batchWriteItem,
                new BatchWriteItem(),
                BatchResponses::batchWriteItem));
        add(new Route.Typed<>(
                "TransactGetItems",
                BatchShapes.TRANSACT_GET_ITEMS,
                true,
                BatchRequests::transactGetItems,
                new TransactGetItems(),
                BatchResponses::transactGetItems));
        add(new Route.Typed<>(
                "TransactWriteItems",
                BatchShapes.TRANSACT_WRITE_ITEMS,
                true,
                BatchRequests::transactWriteItems,
                new TransactWriteItems(),
                BatchResponses::transactWriteItems));
        // CreateTable and UpdateTable with their StreamSpecification (StreamTables runs the table actions).
        add(new Route.Typed<>(
                "CreateTable",
                StreamShapes.CREATE_TABLE,
                false,
                StreamRequests::createTable,
                StreamTables.CREATE,
                TableResponses.description("TableDescription")));
        add(new Route.Typed<>(
                "UpdateTable",
                StreamShapes.UPDATE_TABLE,
                false,
                StreamRequests::updateTable,
                StreamTables.UPDATE,
                TableResponses.description("TableDescription")));
        addPartiql();
        addStream(new Route.Typed<>(
                "ListStreams",
                StreamShapes.LIST_STREAMS,
                false,
                StreamRequests::listStreams,
                StreamActions.LIST_STREAMS,
                StreamResponses::listStreams));
        addStream(new Route.Typed<>(
                "DescribeStream",
                StreamShapes.DESCRIBE_STREAM,
                false,
                StreamRequests::describeStream,
                StreamActions.DESCRIBE_STREAM,
                StreamResponses::describeStream));
        addStream(new Route.Typed<>(
                "GetShardIterator",
                StreamShapes.GET_SHARD_ITERATOR,
                false,
                StreamRequests::getShardIterator,
                StreamActions.GET_SHARD_ITERATOR,
                StreamResponses::shardIterator));
        addStream(new Route.Typed<>(
                "GetRecords",
                StreamShapes.GET_RECORDS,
                false,
                StreamRequests::getRecords,
                StreamActions.GET_RECORDS,
                StreamResponses::records));
        TagRoutes.routes().forEach(this::add);
    }

    /** The DynamoDB Streams operations ({@code DynamoDBStreams_20120810.*}), on the same endpoint. */
    private final Map<String, Route> streamRoutes = new HashMap<>();

    private void addStream(Route route) {
        streamRoutes.put(route.name(), route);
    }

    /** The operation an {@code X-Amz-Target} names, DynamoDB's or DynamoDB Streams'. */
    Optional<Route> target(String target) {
        if (target.startsWith(TARGET_PREFIX)) {
            return route(target.substring(TARGET_PREFIX.length()));
        }
        if (target.startsWith(STREAMS_PREFIX)) {
            return Optional.ofNullable(streamRoutes.get(target.substring(STREAMS_PREFIX.length())));
        }
        return Optional.empty();
    }

    private void addPartiql() {
        add(new Route.Typed<>(
                "ExecuteStatement",
                PartiqlShapes.EXECUTE_STATEMENT,
                true,
                PartiqlRequests::executeStatement,
                new ExecuteStatement(),
                PartiqlResponses::executeStatement));
        add(new Route.Typed<>(
                "BatchExecuteStatement",
                PartiqlShapes.BATCH_EXECUTE_STATEMENT,
                true,
                PartiqlRequests::batchExecuteStatement,
                new BatchExecuteStatement(),
                PartiqlResponses::batchExecuteStatement));
        add(new Route.Typed<>(
                "ExecuteTransaction",
                PartiqlShapes.EXECUTE_TRANSACTION,
                true,
                PartiqlRequests::executeTransaction,
                new ExecuteTransaction(),
                PartiqlResponses::executeTransaction));
    }

    private void add(Route route) {
        routes.put(route.name(), route);
    }

    Optional<Route> route(String name) {
        return Optional.ofNullable(routes.get(name));
    }
}
