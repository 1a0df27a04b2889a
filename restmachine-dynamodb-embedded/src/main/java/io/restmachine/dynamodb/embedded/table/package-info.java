/** Internal: the engine's table layer. May change at any time; use {@link io.restmachine.dynamodb.embedded.EmbeddedDynamoDB}. */
@NullMarked
package io.restmachine.dynamodb.embedded.table;

import org.jspecify.annotations.NullMarked;
