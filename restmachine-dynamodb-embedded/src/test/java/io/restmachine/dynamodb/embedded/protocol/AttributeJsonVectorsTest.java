package io.restmachine.dynamodb.embedded.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.vectors.Vectors;
import io.restmachine.dynamodb.embedded.vectors.Vectors.TypedValueCase;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine's typed-JSON rules against the shared vectors (typed-json.tsv). */
class AttributeJsonVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<TypedValueCase> typedValues() {
        return Vectors.typedValues();
    }

    @ParameterizedTest
    @MethodSource("typedValues")
    void read_acceptsOrRejectsEachVector_andAnswersTheCanonicalValue(TypedValueCase value) throws IOException {
        JsonNode node = JSON.readTree(value.json());
        if (!value.valid()) {
            assertThatThrownBy(() -> AttributeJson.read(node))
                    .isInstanceOf(EngineException.class)
                    .satisfies(e ->
                            assertThat(((EngineException) e).error().type()).isEqualTo(ErrorType.VALIDATION));
            return;
        }
        StringWriter written = new StringWriter();
        try (JsonGenerator out = JSON.getFactory().createGenerator(written)) {
            AttributeJson.write(out, AttributeJson.read(node));
        }
        assertThat(setsSorted(JSON.readTree(written.toString())))
                .isEqualTo(setsSorted(JSON.readTree(value.canonical())));
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
