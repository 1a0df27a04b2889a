package io.restmachine.dynamodb.embedded.protocol;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
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
    private static final JsonFactory JSON = RequestDecoder.JSON;

    private static final Shape.Struct SHAPE = request(
            "Name",
            string(),
            "Count",
            integer(min(1)),
            "Flag",
            bool(),
            "Total",
            longNumber(),
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
        int depth = RequestDecoder.MAX_JSON_DEPTH;
        String deep = "{\"Unknown\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
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
        Fields fields = decode(
                "{\"Flag\": true, \"Other\": {\"x\": [1]}, \"Name\": null," + " \"Count\": \"bad\", \"Count\": 2.0}");
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

    @Test
    void anIntegerMemberTakesOnlyAWholeNumberInItsJavaTypesRange() {
        assertThat(decode("{\"Count\": 2147483647}").integer("Count")).isEqualTo(Integer.MAX_VALUE);
        assertThat(decode("{\"Count\": -2147483648}").values()).containsEntry("Count", (long) Integer.MIN_VALUE);
        assertThat(decode("{\"Count\": 1e2}").integer("Count")).isEqualTo(100);
        // 4294967298 used to wrap to 2; 1.5 was floored to 1; 1e999999 became Integer.MAX_VALUE.
        assertThat(serializationMessage("{\"Count\": 4294967298}"))
                .isEqualTo("NUMBER_VALUE cannot be converted to Integer");
        assertThat(serializationMessage("{\"Count\": 2147483648}"))
                .isEqualTo("NUMBER_VALUE cannot be converted to Integer");
        assertThat(serializationMessage("{\"Count\": -2147483649}"))
                .isEqualTo("NUMBER_VALUE cannot be converted to Integer");
        assertThat(serializationMessage("{\"Count\": 1e10}")).isEqualTo("NUMBER_VALUE cannot be converted to Integer");
        assertThat(serializationMessage("{\"Count\": 1.5}")).isEqualTo("DECIMAL_VALUE cannot be converted to Integer");
        assertThat(serializationMessage("{\"Count\": 1e999999}"))
                .isEqualTo("DECIMAL_VALUE cannot be converted to Integer");
        assertThat(serializationMessage("{\"Count\": -1e999999}"))
                .isEqualTo("DECIMAL_VALUE cannot be converted to Integer");
        assertThat(serializationMessage("{\"Inner\": {\"B\": 0.5}}"))
                .isEqualTo("DECIMAL_VALUE cannot be converted to Integer");
    }

    @Test
    void aLongMemberTakesOnlyAWholeNumberInLongsRange() {
        assertThat(decode("{\"Total\": 9223372036854775807}").values()).containsEntry("Total", Long.MAX_VALUE);
        assertThat(decode("{\"Total\": 4294967298}").values()).containsEntry("Total", 4294967298L);
        assertThat(serializationMessage("{\"Total\": 9223372036854775808}"))
                .isEqualTo("NUMBER_VALUE cannot be converted to Long");
        assertThat(serializationMessage("{\"Total\": 2.5}")).isEqualTo("DECIMAL_VALUE cannot be converted to Long");
    }

    @Test
    void aBooleanIsOnlyJsonTrueOrFalse() {
        assertThat(decode("{\"Flag\": false}").values()).containsEntry("Flag", false);
        for (String text : List.of("yes", "no", "0", "1", "False", "true", "")) {
            assertThat(serializationMessage("{\"Flag\": \"" + text + "\"}"))
                    .as(text)
                    .isEqualTo("Unexpected token received from parser");
            assertThat(serializationMessage("{\"Item\": {\"b\": {\"BOOL\": \"" + text + "\"}}}"))
                    .as("BOOL " + text)
                    .isEqualTo("Unexpected token received from parser");
            assertThat(serializationMessage("{\"Item\": {\"z\": {\"NULL\": \"" + text + "\"}}}"))
                    .as("NULL " + text)
                    .isEqualTo("Unexpected token received from parser");
        }
        assertThat(serializationMessage("{\"Flag\": \"\\udc00\"}")).contains("unpaired surrogate");
        assertThat(serializationMessage("{\"Item\": {\"b\": {\"BOOL\": 1}}}"))
                .isEqualTo("NUMBER_VALUE cannot be converted to Boolean");
        Map<String, Object> item =
                decode("{\"Item\": {\"z\": {\"NULL\": false}}}").map("Item");
        assertThatThrownBy(() -> AttributeJson.item(item))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("Null attribute value types must have the value of true");
    }

    /** An attribute value nested {@code levels} deep, alternating maps and lists, a string at the bottom. */
    static String nested(int levels) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int level = 1; level < levels; level++) {
            open.append(level % 2 == 0 ? "{\"L\": [" : "{\"M\": {\"m\": ");
            close.insert(0, level % 2 == 0 ? "]}" : "}}");
        }
        return open + "{\"S\": \"leaf\"}" + close;
    }

    @Test
    void attributeValuesNestUpTo32LevelsAsDynamoDbDocuments() {
        Map<String, Object> item =
                decode("{\"Item\": {\"a\": " + nested(32) + "}}").map("Item");
        assertThat(Wire.json(item.get("a"))).contains("\"leaf\"");
        assertThat(AttributeJson.item(item)).containsKey("a");
        for (int levels : new int[] {33, 34, 200, 480}) {
            assertThatThrownBy(() -> decode("{\"Item\": {\"a\": " + nested(levels) + "}}"))
                    .as(levels + " levels")
                    .isInstanceOf(EngineException.class)
                    .hasMessage("ValidationException: " + RequestDecoder.NESTING_TOO_DEEP);
        }
        // The strings of a value past the limit are still checked for a UTF-8 form, and that comes first.
        assertThat(serializationMessage("{\"Item\": {\"a\": " + nested(40).replace("leaf", "\\ud800") + "}}"))
                .contains("unpaired surrogate");
        // A type error anywhere still comes first, as DynamoDB deserialises before it validates.
        assertThat(serializationMessage("{\"Name\": 1, \"Item\": {\"a\": " + nested(40) + "}}"))
                .isEqualTo("NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void aValueShownInAMessageIsCut_withoutRenderingAllOfIt() {
        String big = "x".repeat(5 * 1024 * 1024);
        String shown = Wire.shown(List.of(Map.of("k", big), big));
        assertThat(shown)
                .hasSize(Wire.MAX_SHOWN + Wire.CUT.length())
                .startsWith("[{k=xxx")
                .endsWith("x...");
        assertThat(Wire.shown(big)).hasSize(Wire.MAX_SHOWN + Wire.CUT.length());
        assertThat(Wire.shown(List.of("a", "b"))).isEqualTo("[a, b]");
        String exact = "y".repeat(Wire.MAX_SHOWN);
        assertThat(Wire.shown(exact)).isEqualTo(exact);
        assertThat(Wire.capped("z".repeat(Wire.MAX_MESSAGE + 1))).hasSize(Wire.MAX_MESSAGE + Wire.CUT.length());
        assertThat(Wire.capped("short")).isEqualTo("short");
    }
}
