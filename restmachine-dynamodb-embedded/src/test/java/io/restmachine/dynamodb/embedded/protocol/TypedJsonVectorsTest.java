package io.restmachine.dynamodb.embedded.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.action.PutItem;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.vectors.Vectors;
import io.restmachine.dynamodb.embedded.vectors.Vectors.TypedValueCase;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's typed-JSON rules against the shared vectors (typed-json.tsv in this test jar, also
 * checked by the core and the CLI): each value goes in as a PutItem attribute through the wire's
 * own decoding (the streaming {@link RequestDecoder}, {@link ShapeRules}, then {@link
 * ItemRequests#putItem}, where {@link AttributeJson} validates it) and comes back out through the
 * renderer ({@link AttributeJson#write}, as {@link Responses} answers items).
 */
class TypedJsonVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<TypedValueCase> typedValues() {
        return Vectors.typedValues();
    }

    @Test
    void theVectorsHoldBothOutcomes() {
        assertThat(typedValues()).extracting(TypedValueCase::valid).contains(true, false);
    }

    @ParameterizedTest
    @MethodSource("typedValues")
    void decodingAPutItem_acceptsOrRejectsEachVector_andRendersTheCanonicalValue(TypedValueCase value)
            throws IOException {
        String body = "{\"TableName\": \"vectors\", \"Item\": {\"pk\": {\"S\": \"k\"}, \"v\": " + value.json() + "}}";
        if (!value.valid()) {
            assertThatThrownBy(() -> putItem(body))
                    .isInstanceOf(EngineException.class)
                    .satisfies(e ->
                            assertThat(((EngineException) e).error().type()).isEqualTo(ErrorType.VALIDATION));
            return;
        }
        DynamoValue decoded = putItem(body).item().get("v");
        assertThat(decoded).as("the decoded attribute").isNotNull();

        StringWriter rendered = new StringWriter();
        try (JsonGenerator out = JSON.getFactory().createGenerator(rendered)) {
            AttributeJson.write(out, decoded);
        }
        assertThat(setsSorted(JSON.readTree(rendered.toString())))
                .isEqualTo(setsSorted(JSON.readTree(value.canonical())));
    }

    /** The request record PutItem's route builds from this body, with every check before the table. */
    private static PutItem.Request putItem(String body) throws IOException {
        Fields fields = RequestDecoder.decode(
                RequestDecoder.JSON.createParser(body.getBytes(StandardCharsets.UTF_8)), ItemShapes.PUT_ITEM);
        ShapeRules.check(fields, ItemShapes.PUT_ITEM);
        return ItemRequests.putItem(fields);
    }

    /** The value with the elements of every set in text order: DynamoDB's sets have no order. */
    private static JsonNode setsSorted(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(element -> out.add(setsSorted(element)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JSON.createObjectNode();
        node.fields().forEachRemaining(field -> {
            JsonNode v = setsSorted(field.getValue());
            if (Set.of("SS", "NS", "BS").contains(field.getKey())) {
                List<String> elements = new ArrayList<>();
                v.forEach(e -> elements.add(e.asText()));
                elements.sort(null);
                ArrayNode sorted = JSON.createArrayNode();
                elements.forEach(sorted::add);
                v = sorted;
            }
            out.set(field.getKey(), v);
        });
        return out;
    }
}
