/**
 * Internal: DynamoDB's expression language, one parser for condition, filter, key-condition, update
 * and projection expressions (tokens, then an AST with {@code #names} and {@code :values} resolved,
 * then evaluation against items). Entry point: {@link io.restmachine.dynamodb.embedded.expression.Expressions}.
 * May change at any time.
 */
@NullMarked
package io.restmachine.dynamodb.embedded.expression;

import org.jspecify.annotations.NullMarked;
