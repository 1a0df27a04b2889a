package io.restmachine.dynamodb.embedded.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each kind of value as DynamoDB's Java front end prints it inside a validation message
 * (docs/conformance.md, "Values in messages"): read from JSON against a shape, then shown.
 */
class ModelTextTest {

    private static String shown(String json, Shape shape) {
        Shape.Struct request = Shapes.request("V", shape);
        try {
            Fields fields = RequestDecoder.decode(
                    RequestDecoder.JSON.createParser(("{\"V\": " + json + "}").getBytes(StandardCharsets.UTF_8)),
                    request);
            return Wire.shown(fields.get("V"), shape);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void scalars_areTheirTextUnquoted() {
        assertThat(shown("\"ab\"", Shapes.string())).isEqualTo("ab");
        assertThat(shown("0", Shapes.integer())).isEqualTo("0");
        assertThat(shown("true", Shapes.bool())).isEqualTo("true");
        assertThat(Wire.shown(null)).isEqualTo("null");
    }

    @Test
    void listsAndMaps_areJavaCollections() {
        assertThat(shown("[\"a\", \"b\"]", Shapes.list(Shapes.string()))).isEqualTo("[a, b]");
        assertThat(shown("[]", Shapes.list(Shapes.string()))).isEqualTo("[]");
        assertThat(shown("{\"#a\": \"x\", \"#b\": \"y\"}", Shapes.expressionNames()))
                .isEqualTo("{#a=x, #b=y}");
    }

    @Test
    void aStructure_printsEveryModelMember_absentOnesNull() {
        Shape schema = Shapes.keySchema(true);
        assertThat(shown("[{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"sk\"}]", schema))
                .isEqualTo("[KeySchemaElement(attributeName=pk, keyType=HASH), KeySchemaElement(attributeName=sk,"
                        + " keyType=null)]");
    }

    @Test
    void anAttributeValue_printsItsSixteenMembers_nestedValuesInTheirOwnForm() {
        String nulls = "iNT=null, dECIMAL=null, dOUBLE=null";
        String sets = "iNTSET=null, dECIMALSET=null, dOUBLESET=null";
        assertThat(shown("{\"S\": \"x\"}", Shapes.attributeValue()))
                .isEqualTo("AttributeValue(s=x, n=null, b=null, " + nulls + ", sS=null, nS=null, bS=null, " + sets
                        + ", m=null, l=null, nULL=null, bOOL=null)");
        assertThat(shown("{\"SS\": [\"a\", \"b\"]}", Shapes.attributeValue())).contains("sS=[a, b], nS=null");
        assertThat(shown("{\"BOOL\": false}", Shapes.attributeValue())).endsWith("nULL=null, bOOL=false)");
        assertThat(shown("{\"NULL\": true}", Shapes.attributeValue())).endsWith("nULL=true, bOOL=null)");
        assertThat(shown("{\"B\": \"YWJj\"}", Shapes.attributeValue()))
                .contains("b=java.nio.HeapByteBuffer[pos=0 lim=3 cap=3], iNT=null");
        assertThat(shown("{\"BS\": [\"Yg==\"]}", Shapes.attributeValue()))
                .contains("bS=[java.nio.HeapByteBuffer[pos=0 lim=1 cap=1]]");
        assertThat(shown("{\"M\": {\"k\": {\"N\": \"1\"}}}", Shapes.attributeValue()))
                .contains("m={k=AttributeValue(s=null, n=1, ")
                .endsWith("bOOL=null)}, l=null, nULL=null, bOOL=null)");
        assertThat(shown("{\"L\": [{\"S\": \"e\"}]}", Shapes.attributeValue())).contains("l=[AttributeValue(s=e, ");
    }

    @Test
    void aPlainList_isShownWithoutAShape() {
        assertThat(Wire.shown(List.of("a", "a"))).isEqualTo("[a, a]");
    }
}
