package io.restmachine.orm.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** {@code get}: reads one item by its full key and prints it as one line of JSON. */
@Command(
        name = "get",
        description = "Print one item, found by its key, as JSON (exit 5 if there is none).",
        footer = {"", "Example: restmachine-orm get --table T --key '{\"pk\":\"USER#1\",\"sk\":\"PROFILE\"}'%n"})
final class GetCommand extends ItemTableCommand {
    @Option(names = "--key", required = true, paramLabel = "JSON", description = "The key attributes as a JSON object")
    String key = "";

    @Option(names = "--consistent", description = "Strongly consistent read")
    boolean consistent;

    @Override
    public Integer call() {
        ItemJson json = format.json();
        Map<String, AttributeValue> parsed = json.parseItem(key, "--key");
        GetItemResponse response = target.call(client -> {
            // Checked here, as put does, so that a wrong key is bad input (exit 2), not DynamoDB's error.
            TableKeys.of(client, target.table, null).checkKey(parsed, "--key");
            return client.getItem(b -> b.tableName(target.table).key(parsed).consistentRead(consistent));
        });
        if (!response.hasItem() || response.item().isEmpty()) {
            throw new CliException(
                    ExitCode.NO_ITEM, "no item with key " + key + " in table '" + target.table + "'", null);
        }
        Streams.of(spec).out().println(json.write(response.item()));
        return 0;
    }
}
