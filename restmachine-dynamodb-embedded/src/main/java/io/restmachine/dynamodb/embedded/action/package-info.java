/** Internal: the engine's action layer. May change at any time; use {@link io.restmachine.dynamodb.embedded.EmbeddedDynamoDB}. */
@NullMarked
package io.restmachine.dynamodb.embedded.action;

import org.jspecify.annotations.NullMarked;
