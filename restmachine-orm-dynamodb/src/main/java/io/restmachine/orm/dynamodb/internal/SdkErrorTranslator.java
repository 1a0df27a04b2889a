package io.restmachine.orm.dynamodb.internal;

import io.restmachine.orm.BackendException;
import io.restmachine.orm.OrmException;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.spi.StoreItem;
import io.restmachine.orm.spi.TransactionCanceledByStoreException;
import io.restmachine.orm.spi.WriteRejectedByStoreException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one place where SDK exceptions become ours; the SDK exception is always kept as the cause.
 *
 * <ul>
 *   <li>ConditionalCheckFailed → {@link WriteRejectedByStoreException} with the stored item, if
 *       returned;
 *   <li>TransactionCanceled → {@link TransactionCanceledByStoreException}, one reason per action;
 *   <li>ResourceNotFound → {@link BackendException} naming the table and how to create it;
 *   <li>ItemCollectionSizeLimitExceeded → {@link BackendException} explaining the 10 GB limit of
 *       tables with a local secondary index and what to do;
 *   <li>a read of an index DynamoDB is still building → {@link BackendException} saying to wait for
 *       ACTIVE (and how);
 *   <li>the service's ValidationException → {@link ValidationException};
 *   <li>anything else → {@link BackendException}.
 * </ul>
 */
public final class SdkErrorTranslator {
    private final String tableName;

    public SdkErrorTranslator(String tableName) {
        this.tableName = tableName;
    }

    /**
     * Our exception for a failed call.
     *
     * @param operation the DynamoDB operation, e.g. {@code PutItem}, for the message
     */
    public RuntimeException translate(String operation, SdkException e) {
        if (e instanceof ConditionalCheckFailedException ccf) {
            return new WriteRejectedByStoreException(
                    operation + " on table '" + tableName + "': the condition did not hold",
                    ccf.hasItem() ? AttributeValueMapper.toStoreItem(ccf.item()) : null,
                    e);
        }
        if (e instanceof TransactionCanceledException tce) {
            return new TransactionCanceledByStoreException(
                    operation + " on table '" + tableName + "' was cancelled: " + serviceMessage(e), reasons(tce), e);
        }
        if (e instanceof ResourceNotFoundException) {
            return new BackendException(
                    operation + " failed: table '" + tableName + "' does not exist (" + serviceMessage(e)
                            + "). Create it with backend.createTable(), or check the table name and region"
                            + " the backend was built with",
                    e);
        }
        if (e instanceof ItemCollectionSizeLimitExceededException) {
            return new BackendException(
                    operation + " on table '" + tableName + "' was refused and nothing was written: the item"
                            + " collection (every item of one partition key value, with its local secondary"
                            + " index entries) would pass DynamoDB's 10 GB limit for tables with a local"
                            + " secondary index (" + serviceMessage(e) + "). Spread these items over more"
                            + " partition key values, or use a global secondary index, which has no such limit",
                    e);
        }
        if (e instanceof AwsServiceException service && isBackfilling(service)) {
            return new BackendException(
                    operation + " on table '" + tableName + "' read a global secondary index that DynamoDB is"
                            + " still building, and so cannot read yet (" + serviceMessage(e) + "). Wait until the"
                            + " index is ACTIVE, then retry: backend.createTable() returns once every index the"
                            + " registered models declare is ACTIVE, and backend.describeTable()"
                            + ".globalSecondaryIndexes() shows each index's status",
                    e);
        }
        if (e instanceof AwsServiceException service && isValidationError(service)) {
            ValidationException validation = new ValidationException(operation + " on table '" + tableName
                    + "' was rejected by DynamoDB: " + serviceMessage(e) + hint(serviceMessage(e)));
            validation.initCause(e);
            return validation;
        }
        if (e instanceof AwsServiceException service && service.isThrottlingException()) {
            return new BackendException(
                    operation + " on table '" + tableName + "' was still throttled after the SDK's retries: "
                            + serviceMessage(e) + " (retry later, or raise the table's capacity or account limits)",
                    e);
        }
        if (e instanceof SdkClientException) {
            return new BackendException(
                    operation + " on table '" + tableName + "' could not reach DynamoDB: " + e.getMessage()
                            + " (check the endpoint, region and network)",
                    e);
        }
        return new BackendException(operation + " on table '" + tableName + "' failed: " + serviceMessage(e), e);
    }

    /** Whether a failed batch call may succeed when sent again (throttling, server errors, I/O). */
    public static boolean isRetryable(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return e instanceof SdkClientException && e.getCause() instanceof java.io.IOException;
    }

    /** Whether the service rejected the request as invalid. */
    public static boolean isValidationError(AwsServiceException e) {
        return e.awsErrorDetails() != null
                && "ValidationException".equals(e.awsErrorDetails().errorCode());
    }

    /**
     * Whether the service refused to read a global secondary index that is still being built
     * (IndexStatus CREATING): DynamoDB's ValidationException {@code Cannot read from backfilling
     * global secondary index: NAME}. Not bad input: the same request succeeds once the index is ACTIVE.
     */
    static boolean isBackfilling(AwsServiceException e) {
        return isValidationError(e)
                && e.awsErrorDetails().errorMessage() != null
                && e.awsErrorDetails().errorMessage().startsWith("Cannot read from backfilling global secondary index");
    }

    /** Wraps an exception that is not an SDK one (e.g. from a batch worker) without losing it. */
    public RuntimeException unexpected(String operation, Throwable e) {
        if (e instanceof SdkException sdk) {
            return translate(operation, sdk);
        }
        if (e instanceof OrmException orm) {
            return orm;
        }
        return new BackendException(operation + " on table '" + tableName + "' failed: " + e, e);
    }

    private static String hint(String message) {
        if (message.contains("does not have the specified index")) {
            return ". The index is declared by a model registered after the table was created: call"
                    + " backend.createTable() again to add the missing global secondary indexes";
        }
        return "";
    }

    private static String serviceMessage(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String message = service.awsErrorDetails().errorMessage();
            if (message != null) {
                return message;
            }
        }
        return String.valueOf(e.getMessage());
    }

    private static List<TransactionCanceledByStoreException.Reason> reasons(TransactionCanceledException e) {
        List<TransactionCanceledByStoreException.Reason> reasons = new ArrayList<>();
        if (e.hasCancellationReasons()) {
            for (CancellationReason reason : e.cancellationReasons()) {
                reasons.add(new TransactionCanceledByStoreException.Reason(
                        reason.code() == null ? "None" : reason.code(),
                        reason.message() == null ? "" : reason.message(),
                        item(reason)));
            }
        }
        return reasons;
    }

    private static @Nullable StoreItem item(CancellationReason reason) {
        return reason.hasItem() ? AttributeValueMapper.toStoreItem(reason.item()) : null;
    }
}
