/**
 * Internal: DynamoDB's PartiQL dialect, one parser for the statements of ExecuteStatement,
 * BatchExecuteStatement and ExecuteTransaction (tokens, then a {@link
 * io.restmachine.dynamodb.embedded.partiql.Statement} with its {@code ?} parameters bound, then
 * conditions and updates handed to the expression layer, whose evaluator runs them). Entry point:
 * {@link io.restmachine.dynamodb.embedded.partiql.Partiql}. May change at any time.
 */
@NullMarked
package io.restmachine.dynamodb.embedded.partiql;

import org.jspecify.annotations.NullMarked;
