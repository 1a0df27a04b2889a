package io.restmachine.dynamodb.embedded.protocol;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one-pass decoder: JSON types checked in DynamoDB's order (members in the shape's order,
 * list and map entries in the document's), malformed JSON before any type error, declared members
 * only, and attribute values validated only when read.
 */
class RequestDecoderTest {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private static final Shape.Struct SHAPE = request(
            "Name",
            string(),
            "Count",
            integer(min(1)),
            "Flag",
            bool(),
            "Names",
            list(string()),
            "Item",
            optionalItem(),
            "Inner",
            field("Inner", List.of(), "A", string(), "B", integer()));

    private static Fields decode(String body) {
        try {
            return RequestDecoder.decode(JSON.createParser(body.getBytes(StandardCharsets.UTF_8)), SHAPE);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String serializationMessage(String body) {
        try {
            decode(body);
        } catch (EngineException e) {
            assertThat(e.error().type()).isEqualTo(ErrorType.SERIALIZATION);
            return e.error().message();
        }
        throw new AssertionError("no SerializationException for " + body);
    }

    @Test
    void theFirstMismatchInTheShapesOrderWinsOverTheDocumentsOrder() {
        assertThat(serializationMessage("{\"Count\": \"x\", \"Name\": 5}"))
                .isEqualTo("NUMBER_VALUE cannot be converted to String");
        assertThat(serializationMessage("{\"Inner\": {\"B\": \"x\", \"A\": true}}"))
                .isEqualTo("TRUE_VALUE cannot be converted to String");
    }

    @Test
    void theFirstMismatchInAListIsTheFirstInTheDocument() {
        assertThat(serializationMessage("{\"Names\": [\"a\", 1.5, true]}"))
                .isEqualTo("DECIMAL_VALUE cannot be converted to String");
    }

    @Test
    void malformedJsonAfterAMismatchIsStillMalformedJson() {
        assertThat(serializationMessage("{\"Name\": 5, \"Count\": }")).isEmpty();
        assertThat(serializationMessage("{\"Unknown\": [1, }")).isEmpty();
    }

    @Test
    void everyStringPassesTheUtf8CheckEvenInSkippedMembersAndAfterAMalformedBodyOnlyMalformedIsSaid() {
        assertThat(serializationMessage("{\"Unknown\": {\"x\": [\"\\ud800\"]}}"))
                .contains("unpaired surrogate \\uD800");
        // An ill-formed string comes before a type mismatch, and malformed JSON before both.
        assertThat(serializationMessage("{\"Name\": 5, \"Count\": \"\\udc00\"}"))
                .contains("unpaired surrogate");
        assertThat(serializationMessage("{\"Name\": \"\\ud800\", \"Count\": }")).isEmpty();
    }

    @Test
    void nestingBeyondTheLimitIsMalformed() {
        String deep = "{\"Unknown\": " + "[".repeat(70) + "]".repeat(70) + "}";
        assertThat(serializationMessage(deep)).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnObjectReadsAsAnEmptyOne() {
        assertThat(decode("[1, 2]").values()).isEmpty();
        assertThat(decode("  ").values()).isEmpty();
        assertThat(decode("\"text\"").values()).isEmpty();
    }

    @Test
    void onlyDeclaredNonNullMembersAreKeptInTheShapesOrderAndTheLastDuplicateWins() {
        Fields fields = decode("{\"Flag\": \"yes\", \"Other\": {\"x\": [1]}, \"Name\": null,"
                + " \"Count\": \"bad\", \"Count\": 2.7}");
        assertThat(fields.values()).containsExactly(Map.entry("Count", 2L), Map.entry("Flag", true));
        assertThat(fields.integer("Count")).isEqualTo(2);
    }

    @Test
    void attributeValuesAreTypeCheckedWhenDecodedAndValidatedWhenRead() {
        assertThat(serializationMessage("{\"Item\": {\"a\": {\"S\": 5}}}"))
                .isEqualTo("NUMBER_VALUE cannot be converted to String");
        Fields fields = decode("{\"Item\": {\"n\": {\"N\": \"01.50\"}, \"bad\": {\"N\": \"x\", \"S\": \"y\"}}}");
        Map<String, Object> item = fields.map("Item");
        assertThat(AttributeJson.value(item.get("n"))).isEqualTo(new DynamoValue.N(new BigDecimal("1.5")));
        // The members of a value keep the shape's order (S before N), which is the order DynamoDB checks them in.
        assertThat(Wire.json(item.get("bad"))).isEqualTo("{\"S\":\"y\",\"N\":\"x\"}");
        assertThatThrownBy(() -> AttributeJson.item(item))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("numeric value");
    }

    @Test
    void constraintsAreCheckedOnTheDecodedValuesAndShownAsDynamoDbShowsThem() {
        assertThatThrownBy(() -> ShapeRules.check(
                        decode("{\"Count\": 0, \"Names\": [\"a\", null]}"),
                        request("Count", integer(min(1)), "Names", list(string(notNull()), maxLength(1)))))
                .isInstanceOf(EngineException.class)
                .hasMessage("ValidationException: 3 validation errors detected: Value '0' at 'count' failed to satisfy"
                        + " constraint: Member must have value greater than or equal to 1; Value '[a, null]' at"
                        + " 'names' failed to satisfy constraint: Member must have length less than or equal to 1;"
                        + " Value null at 'names.2.member' failed to satisfy constraint: Member must not be null");
    }
}
