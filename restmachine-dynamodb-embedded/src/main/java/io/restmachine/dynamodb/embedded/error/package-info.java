/** Internal: the closed set of errors the engine can answer with, as values. May change at any time. */
@NullMarked
package io.restmachine.dynamodb.embedded.error;

import org.jspecify.annotations.NullMarked;
