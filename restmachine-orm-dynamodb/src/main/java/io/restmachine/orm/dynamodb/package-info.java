/**
 * The DynamoDB backend: {@link io.restmachine.orm.dynamodb.DynamoDBBackend} stores models in one
 * DynamoDB table through the AWS SDK for Java v2 {@code DynamoDbClient}.
 *
 * <pre>{@code
 * try (DynamoDBBackend backend = DynamoDBBackend.builder().tableName("my-app-table").build()) {
 *     backend.createTable();
 *     Repository<User> users = backend.repository(User.class);
 * }
 * }</pre>
 */
@NullMarked
package io.restmachine.orm.dynamodb;

import org.jspecify.annotations.NullMarked;
