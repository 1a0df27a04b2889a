package io.restmachine.dynamodb.embedded.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.value.WellFormedText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Arbitrary strings, every surrogate edge included, written as keys, values, attribute names,
 * set members and nested map members of a persistent engine: what is acknowledged comes back
 * char for char after a restart (from the log and from a snapshot), and what is refused
 * (unpaired surrogates, with SerializationException) is not there.
 */
class TextRoundTripPropertiesTest {
    /** The chars around the surrogate block and a few pairs, mixed with arbitrary UTF-16 units. */
    private static final char[] EDGES = {
        '\u0000', '?', '\u007F', '\u0080', '\u07FF', '\u0800', '\uD7FF', '\uD800', '\uDB7F', '\uDB80', '\uDBFF',
        '\uDC00', '\uDFFF', '\uE000', '\uFFFD', '\uFFFF'
    };

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> edges = Arbitraries.of(new String(EDGES)
                .chars()
                .mapToObj(c -> String.valueOf((char) c))
                .toList());
        Arbitrary<String> pairs = Arbitraries.of("\uD800\uDC00", "\uD83D\uDE00", "\uDBFF\uDFFF", "\uDC00\uD800");
        Arbitrary<String> anyUnit = Arbitraries.chars().map(String::valueOf);
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, edges),
                net.jqwik.api.Tuple.of(2, pairs),
                net.jqwik.api.Tuple.of(3, anyUnit),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().alpha().ofMaxLength(3)));
        return piece.list().ofMinSize(1).ofMaxSize(6).map(parts -> "t" + String.join("", parts));
    }

    @Property(tries = 25)
    void acknowledgedText_comesBackExactlyAfterARestart_andRefusedTextIsAbsent(
            @ForAll @Size(min = 1, max = 8) List<@net.jqwik.api.From("texts") String> texts) throws IOException {
        Path dir = Files.createTempDirectory("text-round-trip");
        try {
            Map<String, Map<String, AttributeValue>> acknowledged = new LinkedHashMap<>();
            List<String> refused = new ArrayList<>();
            Path crashImage;
            try (EmbeddedDynamoDB db = open(dir)) {
                DynamoDbClient client = db.client();
                PersistenceTest.createTable(client, "things", null);
                for (String text : texts) {
                    Map<String, AttributeValue> item = Map.of(
                            "pk",
                            AttributeValue.fromS(text),
                            "v",
                            AttributeValue.fromS(text),
                            "n" + text,
                            AttributeValue.fromS("named"),
                            "ss",
                            AttributeValue.fromSs(List.of(text, text + "x")),
                            "m",
                            AttributeValue.fromM(
                                    Map.of(text, AttributeValue.fromL(List.of(AttributeValue.fromS(text))))));
                    boolean wellFormed = WellFormedText.firstUnpairedSurrogate(text) < 0;
                    if (wellFormed) {
                        client.putItem(b -> b.tableName("things").item(item));
                        acknowledged.put(text, item);
                    } else {
                        assertThatThrownBy(() -> client.putItem(
                                        b -> b.tableName("things").item(item)))
                                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                                                e.awsErrorDetails().errorCode())
                                        .isEqualTo("SerializationException"));
                        refused.add(text);
                    }
                }
                crashImage = copy(dir);
            }
            for (Path reopened : List.of(crashImage, dir)) {
                try (EmbeddedDynamoDB db = open(reopened)) {
                    DynamoDbClient client = db.client();
                    List<Map<String, AttributeValue>> stored =
                            client.scan(b -> b.tableName("things")).items();
                    assertThat(stored).hasSize(acknowledged.size());
                    for (Map.Entry<String, Map<String, AttributeValue>> entry : acknowledged.entrySet()) {
                        Map<String, AttributeValue> back = client.getItem(b -> b.tableName("things")
                                        .key(Map.of("pk", AttributeValue.fromS(entry.getKey())))
                                        .consistentRead(true))
                                .item();
                        assertThat(back.get("v").s()).isEqualTo(entry.getKey());
                        assertThat(back.keySet()).isEqualTo(entry.getValue().keySet());
                        assertThat(back.get("ss").ss())
                                .containsExactlyInAnyOrderElementsOf(
                                        entry.getValue().get("ss").ss());
                        assertThat(back.get("m")).isEqualTo(entry.getValue().get("m"));
                    }
                }
            }
        } finally {
            delete(dir);
        }
    }

    private static EmbeddedDynamoDB open(Path dir) {
        return EmbeddedDynamoDB.builder()
                .persistent(dir)
                .expiryInterval(Duration.ZERO)
                .build();
    }

    /** The files as a crash would leave them (every acknowledged write is synced): reopening replays the log. */
    private static Path copy(Path dir) throws IOException {
        Path image = Files.createTempDirectory("text-round-trip-image");
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("lock")) {
                    Files.copy(file, image.resolve(file.getFileName()));
                }
            }
        }
        return image;
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
