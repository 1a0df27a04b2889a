/** Robustness of the engine's wire protocol: bad input, concurrent clients, operation sequences. */
@NullMarked
package io.restmachine.dynamodb.embedded.robustness;

import org.jspecify.annotations.NullMarked;
