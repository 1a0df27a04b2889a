/** Internal: the engine's protocol layer. May change at any time; use {@link io.restmachine.dynamodb.embedded.EmbeddedDynamoDB}. */
@NullMarked
package io.restmachine.dynamodb.embedded.protocol;

import org.jspecify.annotations.NullMarked;
