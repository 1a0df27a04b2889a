package io.restmachine.orm.dynamodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.orm.BackendException;
import io.restmachine.orm.ValidationException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;

class SdkErrorTranslatorTest {
    private final SdkErrorTranslator translator = new SdkErrorTranslator("app");

    @Test
    void aFullItemCollection_becomesABackendError_thatExplainsTheLimitAndWhatToDo() {
        ItemCollectionSizeLimitExceededException full = ItemCollectionSizeLimitExceededException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ItemCollectionSizeLimitExceededException")
                        .errorMessage("Collection size exceeded.")
                        .build())
                .statusCode(400)
                .build();

        RuntimeException translated = translator.translate("PutItem", full);

        assertThat(translated)
                .isInstanceOf(BackendException.class)
                .hasCause(full)
                .hasMessageContaining("PutItem on table 'app' was refused and nothing was written")
                .hasMessageContaining("10 GB limit for tables with a local secondary index")
                .hasMessageContaining("(Collection size exceeded.)")
                .hasMessageContaining("more partition key values");
    }

    @Test
    void theServicesValidationError_becomesAValidationException_withTheServicesMessage() {
        DynamoDbException invalid = (DynamoDbException) DynamoDbException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ValidationException")
                        .errorMessage("One or more parameter values were invalid")
                        .build())
                .statusCode(400)
                .build();

        RuntimeException translated = translator.translate("PutItem", invalid);

        assertThat(translated)
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("PutItem on table 'app' was rejected by DynamoDB")
                .hasMessageContaining("One or more parameter values were invalid");
    }
}
