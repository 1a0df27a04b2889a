package io.restmachine.orm.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code import}: puts every item of a JSON Lines stream into the table.
 *
 * <p>The whole input is read and checked first (valid JSON, both key attributes present), so bad
 * input writes nothing. Items then go out in BatchWriteItem requests of 25; unprocessed items are
 * retried with exponential backoff. Two lines with the same key: the later one wins, as with
 * successive puts.
 */
@Command(
        name = "import",
        description = "Put every item of a JSON Lines file (or stdin) into the table; bad input writes nothing.",
        footer = {"", "Example: restmachine-orm import --table T < items.jsonl%n"})
final class ImportCommand extends ItemTableCommand {
    private static final int BATCH = 25;
    private static final int MAX_ATTEMPTS = 10;

    @Option(names = "--file", paramLabel = "FILE", description = "Read this file instead of stdin")
    @Nullable
    Path file;

    @Override
    public Integer call() {
        Streams streams = Streams.of(spec);
        List<Map<String, AttributeValue>> items = read(streams);
        target.call(client -> {
            TableKeys keys = TableKeys.of(client, target.table, null);
            List<Map<String, AttributeValue>> unique = checkedAndUnique(items, keys);
            try (Progress progress = new Progress(streams, "imported")) {
                for (int from = 0; from < unique.size(); from += BATCH) {
                    write(client, unique.subList(from, Math.min(from + BATCH, unique.size())));
                    progress.add(Math.min(BATCH, unique.size() - from));
                }
            }
            int repeated = items.size() - unique.size();
            streams.out()
                    .println("imported " + unique.size() + " item" + (unique.size() == 1 ? "" : "s") + " into table '"
                            + target.table + "'"
                            + (repeated == 0
                                    ? ""
                                    : " (" + repeated + " line" + (repeated == 1 ? "" : "s")
                                            + " repeated an earlier key; the last line of each key was written)"));
            return null;
        });
        return 0;
    }

    private List<Map<String, AttributeValue>> read(Streams streams) {
        String sourceName = file == null ? "stdin" : file.toString();
        ItemJson json = format.json();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(open(streams))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    items.add(json.parseItem(line, "line " + number + " of " + sourceName));
                }
            }
        } catch (IOException e) {
            throw CliException.badInput("cannot read " + sourceName + ": " + Failures.oneLine(e));
        }
        return items;
    }

    private Reader open(Streams streams) throws IOException {
        if (file == null) {
            return new InputStreamReader(streams.in(), StandardCharsets.UTF_8);
        }
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CliException.badInput("--file " + file + " does not exist");
        }
    }

    private static List<Map<String, AttributeValue>> checkedAndUnique(
            List<Map<String, AttributeValue>> items, TableKeys keys) {
        Map<List<AttributeValue>, Map<String, AttributeValue>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, AttributeValue> item = items.get(i);
            keys.check(item, "item " + (i + 1));
            List<AttributeValue> key = new ArrayList<>();
            key.add(item.get(keys.partitionKey()));
            if (keys.sortKey() != null) {
                key.add(item.get(keys.sortKey()));
            }
            byKey.remove(key);
            byKey.put(key, item);
        }
        return new ArrayList<>(byKey.values());
    }

    private void write(DynamoDbClient client, List<Map<String, AttributeValue>> chunk) {
        List<WriteRequest> pending = chunk.stream()
                .map(item -> WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build())
                .toList();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw CliException.failed(pending.size() + " item(s) were still unprocessed after " + MAX_ATTEMPTS
                        + " attempts (the table is throttling); the items before them were written."
                        + " Run the import again: it overwrites what is already there");
            }
            if (attempt > 1) {
                backoff(attempt);
            }
            List<WriteRequest> batch = pending;
            BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(target.table, batch)));
            pending = response.unprocessedItems().getOrDefault(target.table, List.of());
        }
    }

    /** Waits before retrying unprocessed items, as DynamoDB asks: 50 ms doubling, at most 2 s. */
    private static void backoff(int attempt) {
        long millis = Math.min(2_000L, 50L << Math.min(attempt - 2, 10));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("import interrupted"));
        }
    }
}
