package io.restmachine.orm.cli;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** {@code query}: the items of one partition, optionally narrowed by a sort-key prefix. */
@Command(
        name = "query",
        description = "Print the items of one partition as JSON Lines, in sort-key order.",
        footer = {"", "Example: restmachine-orm query --table T --pk USER#1 --sk-begins-with ORDER#%n"})
final class QueryCommand extends ItemTableCommand {
    @Option(names = "--pk", required = true, paramLabel = "VALUE", description = "Partition key value")
    String partition = "";

    @Option(names = "--sk-begins-with", paramLabel = "PREFIX", description = "Only sort keys starting with PREFIX")
    @Nullable
    String sortPrefix;

    @Option(names = "--index", paramLabel = "NAME", description = "Query this secondary index instead of the table")
    @Nullable
    String index;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N items")
    @Nullable
    Integer limit;

    @Option(names = "--descending", description = "Reverse sort-key order")
    boolean descending;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw CliException.badInput("--limit must be at least 1, not " + limit);
        }
        try (ItemPrinter printer = new ItemPrinter(Streams.of(spec), format.json(), "read")) {
            target.call(client -> {
                TableKeys keys = TableKeys.of(client, target.table, index);
                QueryRequest.Builder request = request(keys);
                Map<String, AttributeValue> start = null;
                do {
                    if (limit != null) {
                        request.limit((int) Math.min(limit - printer.count(), 1000));
                    }
                    QueryResponse page =
                            client.query(request.exclusiveStartKey(start).build());
                    printer.print(page.items());
                    start = page.hasLastEvaluatedKey()
                                    && !page.lastEvaluatedKey().isEmpty()
                            ? page.lastEvaluatedKey()
                            : null;
                } while (start != null && (limit == null || printer.count() < limit));
                return null;
            });
        }
        return 0;
    }

    private QueryRequest.Builder request(TableKeys keys) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#pk", keys.partitionKey());
        values.put(":pk", TableKeys.keyValue(partition, keys.partitionType(), "--pk"));
        String condition = "#pk = :pk";
        if (sortPrefix != null) {
            if (keys.sortKey() == null) {
                throw CliException.badInput("--sk-begins-with needs a sort key, and "
                        + (index == null ? "table '" + target.table + "'" : "index '" + index + "'") + " has none");
            }
            if (!"S".equals(keys.sortType()) && !"B".equals(keys.sortType())) {
                throw CliException.badInput(
                        "--sk-begins-with needs a string or binary sort key, and '" + keys.sortKey() + "' is numeric");
            }
            names.put("#sk", keys.sortKey());
            values.put(":prefix", TableKeys.keyValue(sortPrefix, keys.sortType(), "--sk-begins-with"));
            condition += " AND begins_with(#sk, :prefix)";
        }
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(target.table)
                .keyConditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(!descending);
        if (index != null) {
            request.indexName(index);
        }
        return request;
    }
}
