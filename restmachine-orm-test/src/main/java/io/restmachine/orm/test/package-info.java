/**
 * JUnit 5 support: {@link io.restmachine.orm.test.DynamoDBTest} gives each test a fresh table on an
 * embedded DynamoDB-compatible engine (or on any server named by {@code
 * -Drestmachine.dynamodb.endpoint=URL}) and injects the backend, client and repositories.
 */
@NullMarked
package io.restmachine.orm.test;

import org.jspecify.annotations.NullMarked;
