package io.restmachine.orm.test;

/** The names of the settings that {@link DynamoDBTest} reads. */
public final class DynamoDBTestSettings {
    /** System property or JUnit configuration parameter: run against this endpoint instead of the embedded engine. */
    public static final String ENDPOINT_PROPERTY = "restmachine.dynamodb.endpoint";

    /** Environment variable with the same meaning as {@link #ENDPOINT_PROPERTY} (the property wins). */
    public static final String ENDPOINT_VARIABLE = "RESTMACHINE_DYNAMODB_ENDPOINT";

    /** System property or JUnit configuration parameter: the region for the endpoint (default us-east-1, or AWS_REGION). */
    public static final String REGION_PROPERTY = "restmachine.dynamodb.region";

    private DynamoDBTestSettings() {}
}
