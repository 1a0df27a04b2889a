package io.restmachine.dynamodb.embedded.error;

/**
 * The closed set of error types the engine can answer with: each knows its wire type name, its
 * namespace prefix as DynamoDB sends it in {@code __type}, and its HTTP status.
 */
public enum ErrorType {
    VALIDATION("com.amazon.coral.validate#", "ValidationException", 400),
    SERIALIZATION("com.amazon.coral.service#", "SerializationException", 400),
    UNKNOWN_OPERATION("com.amazon.coral.service#", "UnknownOperationException", 400),
    MISSING_AUTHENTICATION_TOKEN("com.amazon.coral.service#", "MissingAuthenticationTokenException", 400),
    INCOMPLETE_SIGNATURE("com.amazon.coral.service#", "IncompleteSignatureException", 400),
    INVALID_SIGNATURE("com.amazon.coral.service#", "InvalidSignatureException", 400),
    UNRECOGNIZED_CLIENT("com.amazon.coral.service#", "UnrecognizedClientException", 400),
    ACCESS_DENIED("com.amazon.coral.service#", "AccessDeniedException", 400),
    CONDITIONAL_CHECK_FAILED("com.amazonaws.dynamodb.v20120810#", "ConditionalCheckFailedException", 400),
    RESOURCE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#", "ResourceNotFoundException", 400),
    RESOURCE_IN_USE("com.amazonaws.dynamodb.v20120810#", "ResourceInUseException", 400),
    LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810#", "LimitExceededException", 400),
    DUPLICATE_ITEM("com.amazonaws.dynamodb.v20120810#", "DuplicateItemException", 400),
    TRANSACTION_CANCELED("com.amazonaws.dynamodb.v20120810#", "TransactionCanceledException", 400),
    TRANSACTION_CONFLICT("com.amazonaws.dynamodb.v20120810#", "TransactionConflictException", 400),
    TRANSACTION_IN_PROGRESS("com.amazonaws.dynamodb.v20120810#", "TransactionInProgressException", 400),
    IDEMPOTENT_PARAMETER_MISMATCH("com.amazonaws.dynamodb.v20120810#", "IdempotentParameterMismatchException", 400),
    ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED(
            "com.amazonaws.dynamodb.v20120810#", "ItemCollectionSizeLimitExceededException", 400),
    PROVISIONED_THROUGHPUT_EXCEEDED("com.amazonaws.dynamodb.v20120810#", "ProvisionedThroughputExceededException", 400),
    THROTTLING("com.amazon.coral.availability#", "ThrottlingException", 400),
    REQUEST_LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810#", "RequestLimitExceeded", 400),
    EXPIRED_ITERATOR("com.amazonaws.dynamodb.v20120810#", "ExpiredIteratorException", 400),
    TRIMMED_DATA_ACCESS("com.amazonaws.dynamodb.v20120810#", "TrimmedDataAccessException", 400),
    INTERNAL_SERVER_ERROR("com.amazonaws.dynamodb.v20120810#", "InternalServerError", 500);

    private final String namespace;
    private final String wireName;
    private final int httpStatus;

    ErrorType(String namespace, String wireName, int httpStatus) {
        this.namespace = namespace;
        this.wireName = wireName;
        this.httpStatus = httpStatus;
    }

    /** The short type name, e.g. {@code ValidationException}. */
    public String wireName() {
        return wireName;
    }

    /** The {@code __type} value, e.g. {@code com.amazon.coral.validate#ValidationException}. */
    public String qualifiedName() {
        return namespace + wireName;
    }

    /** The HTTP status DynamoDB answers this error with. */
    public int httpStatus() {
        return httpStatus;
    }
}
