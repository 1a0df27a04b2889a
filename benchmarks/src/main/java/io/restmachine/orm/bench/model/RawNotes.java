package io.restmachine.orm.bench.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** {@link Note}s through the raw client with hand-written mapping: the same items the repository writes. */
public final class RawNotes {
    private RawNotes() {}

    /** Puts the note unless its key exists (as {@code Repository.create} does). */
    public static void create(DynamoDbClient client, Note note) {
        client.putItem(
                b -> b.tableName(RawOrders.TABLE).item(item(note)).conditionExpression("attribute_not_exists(pk)"));
    }

    /** Reads the note of this id back, or empty. */
    public static Optional<Note> get(DynamoDbClient client, String id) {
        GetItemResponse response = client.getItem(b -> b.tableName(RawOrders.TABLE)
                .key(Map.of("pk", AttributeValue.fromS("NOTE#" + id), "sk", AttributeValue.fromS("NOTE"))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(note(response.item())) : Optional.empty();
    }

    /** The item of a note. */
    public static Map<String, AttributeValue> item(Note note) {
        Map<String, AttributeValue> item = new HashMap<>(16);
        item.put("pk", AttributeValue.fromS("NOTE#" + note.id()));
        item.put("sk", AttributeValue.fromS("NOTE"));
        item.put("entity_type", AttributeValue.fromS("Note"));
        item.put("id", AttributeValue.fromS(note.id()));
        item.put("title", AttributeValue.fromS(note.title()));
        item.put("owner", AttributeValue.fromS(note.owner()));
        item.put("rank", AttributeValue.fromN(Integer.toString(note.rank())));
        item.put("done", AttributeValue.fromBool(note.done()));
        return item;
    }

    /** The note of an item. */
    public static Note note(Map<String, AttributeValue> item) {
        return new Note(
                item.get("id").s(),
                item.get("title").s(),
                item.get("owner").s(),
                Integer.parseInt(item.get("rank").n()),
                item.get("done").bool());
    }
}
