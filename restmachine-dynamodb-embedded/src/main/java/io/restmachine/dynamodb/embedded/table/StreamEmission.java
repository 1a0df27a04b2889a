package io.restmachine.dynamodb.embedded.table;

import io.restmachine.dynamodb.embedded.stream.ChangeStream;
import io.restmachine.dynamodb.embedded.stream.StreamCatalog;
import io.restmachine.dynamodb.embedded.stream.StreamSetting;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which stream records a commit emits: one per item change of a table whose stream is enabled,
 * none for a change that left the item as it was. Called by {@link Database} alone, under the
 * locks of the change, so an item's records are reserved in the order of its writes.
 */
final class StreamEmission {
    private StreamEmission() {}

    static List<StreamCatalog.Pending> reserve(
            StreamCatalog streams, List<ItemWrite> writes, Instant now, boolean byService) {
        List<StreamCatalog.Pending> pending = List.of();
        for (ItemWrite write : writes) {
            TableDefinition definition = write.table().definition();
            StreamSetting setting = definition.stream();
            if (setting == null || !setting.enabled()) {
                continue;
            }
            Optional<ChangeStream> stream = streams.find(setting.arn(definition.arn()));
            if (stream.isEmpty()) {
                continue;
            }
            Map<String, DynamoValue> item = write.after() != null ? write.after() : write.before();
            if (item == null) {
                continue;
            }
            StreamCatalog.Pending reserved = streams.reserve(
                    stream.get(), now, keys(definition.key(), item), write.before(), write.after(), byService);
            if (reserved != null) {
                if (pending.isEmpty()) {
                    pending = new ArrayList<>(writes.size());
                }
                pending.add(reserved);
            }
        }
        return pending;
    }

    static List<StreamCatalog.Emitted> emitted(List<StreamCatalog.Pending> pending) {
        List<StreamCatalog.Emitted> emitted = new ArrayList<>(pending.size());
        for (StreamCatalog.Pending p : pending) {
            emitted.add(new StreamCatalog.Emitted(p.stream().arn(), p.record()));
        }
        return emitted;
    }

    private static Map<String, DynamoValue> keys(KeySchema key, Map<String, DynamoValue> item) {
        Map<String, DynamoValue> keys = new LinkedHashMap<>(2);
        keys.put(key.hashName(), item.get(key.hashName()));
        if (key.rangeName() != null) {
            keys.put(key.rangeName(), item.get(key.rangeName()));
        }
        return keys;
    }
}
