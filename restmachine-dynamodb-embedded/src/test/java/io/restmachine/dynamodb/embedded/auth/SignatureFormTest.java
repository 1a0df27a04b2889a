package io.restmachine.dynamodb.embedded.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureFormTest {

    /** What the header lacks, computed from the map of its parameters alone (the slow path). */
    private static String fromParameters(String authorization, boolean hasDate) {
        var parts = SignatureForm.parameters(authorization);
        StringBuilder missing = new StringBuilder();
        for (String name : new String[] {"Credential", "Signature", "SignedHeaders"}) {
            String value = parts.get(name);
            if (value == null || value.isEmpty()) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (!hasDate) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        return missing.toString();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AWS4-HMAC-SHA256 Credential=a/b/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00",
                "AWS4-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=00",
                "AWS4-HMAC-SHA256 Credential=, Credential=a, SignedHeaders=host, Signature=00",
                "AWS4-HMAC-SHA256 Credential=a, SignedHeaders=host",
                "AWS4-HMAC-SHA256 credential=a, SignedHeaders=host, Signature=00",
                "AWS4-HMAC-SHA256 Credential=a, SignedHeaders=host, Signature=\t",
                "AWS4-HMAC-SHA256 \tCredential=a, SignedHeaders\t=host, Signature=0=0",
                "AWS4-HMAC-SHA256",
                "AWS4-HMAC-SHA256 ",
                "AWS4-HMAC-SHA256 Credential=a, Signature=00, SignedHeaders=host, Signature=",
            })
    void headerProblems_agreeWithTheMapOfParameters(String authorization) {
        for (boolean hasDate : new boolean[] {true, false}) {
            assertThat(SignatureForm.headerProblems(authorization, hasDate))
                    .as("%s (date: %s)", authorization, hasDate)
                    .isEqualTo(fromParameters(authorization, hasDate));
        }
    }
}
