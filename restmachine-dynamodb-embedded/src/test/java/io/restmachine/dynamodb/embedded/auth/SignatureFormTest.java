package io.restmachine.dynamodb.embedded.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureFormTest {
    private static final String CREDENTIAL = "Authorization header requires 'Credential' parameter. ";
    private static final String SIGNATURE = "Authorization header requires 'Signature' parameter. ";
    private static final String SIGNED_HEADERS = "Authorization header requires 'SignedHeaders' parameter. ";
    private static final String DATE =
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AWS4-HMAC-SHA256 Credential=a/b/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00",
                "AWS4-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=00",
                "AWS4-HMAC-SHA256 \tCredential=a, SignedHeaders\t=host, Signature=0=0",
                "AWS4-HMAC-SHA256 Signature=00, Credential=a, SignedHeaders=host, Signature=",
            })
    void headerProblems_ofACompleteHeaderWithADate_areNone(String authorization) {
        assertThat(SignatureForm.headerProblems(authorization, true)).isEmpty();
        assertThat(SignatureForm.headerProblems(authorization, false)).isEqualTo(DATE);
    }

    @Test
    void headerProblems_judgeTheFirstOccurrenceOfAParameter() {
        assertThat(SignatureForm.headerProblems(
                        "AWS4-HMAC-SHA256 Credential=, Credential=a, SignedHeaders=host, Signature=00", true))
                .isEqualTo(CREDENTIAL);
    }

    @Test
    void headerProblems_nameEachMissingOrEmptyParameter() {
        assertThat(SignatureForm.headerProblems("AWS4-HMAC-SHA256 Credential=a, SignedHeaders=host", true))
                .isEqualTo(SIGNATURE);
        assertThat(SignatureForm.headerProblems(
                        "AWS4-HMAC-SHA256 credential=a, SignedHeaders=host, Signature=00", true))
                .isEqualTo(CREDENTIAL);
        assertThat(SignatureForm.headerProblems(
                        "AWS4-HMAC-SHA256 Credential=a, SignedHeaders=host, Signature=\t", true))
                .isEqualTo(SIGNATURE);
        assertThat(SignatureForm.headerProblems("AWS4-HMAC-SHA256", true))
                .isEqualTo(CREDENTIAL + SIGNATURE + SIGNED_HEADERS);
        assertThat(SignatureForm.headerProblems("AWS4-HMAC-SHA256 ", false))
                .isEqualTo(CREDENTIAL + SIGNATURE + SIGNED_HEADERS + DATE);
    }
}
