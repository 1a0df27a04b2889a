package io.restmachine.orm.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** {@code put}: writes one item, replacing any item with the same key. */
@Command(
        name = "put",
        description = "Write one item (replacing any item with the same key).",
        footer = {
            "",
            "Example: restmachine-orm put --table T --item '{\"pk\":\"USER#1\",\"sk\":\"PROFILE\",\"name\":\"Alice\"}'%n"
        })
final class PutCommand extends ItemTableCommand {
    @Option(
            names = "--item",
            required = true,
            paramLabel = "JSON",
            description = "The item as a JSON object, or - to read it from stdin")
    String item = "";

    @Option(names = "--if-not-exists", description = "Fail (exit 1) instead of replacing an existing item")
    boolean ifNotExists;

    @Override
    public Integer call() {
        String text = item.equals("-") ? readStdin() : item;
        Map<String, AttributeValue> parsed = format.json().parseItem(text, item.equals("-") ? "stdin" : "--item");
        return target.call(client -> {
            TableKeys keys = TableKeys.of(client, target.table, null);
            keys.check(parsed, "--item");
            PutItemRequest.Builder request =
                    PutItemRequest.builder().tableName(target.table).item(parsed);
            if (ifNotExists) {
                request.conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", keys.partitionKey()));
            }
            try {
                client.putItem(request.build());
            } catch (ConditionalCheckFailedException exists) {
                throw CliException.failed("an item with this key already exists in table '" + target.table
                        + "' (drop --if-not-exists to replace it)");
            }
            return 0;
        });
    }

    private String readStdin() {
        try {
            return new String(Streams.of(spec).in().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stdin", e);
        }
    }
}
