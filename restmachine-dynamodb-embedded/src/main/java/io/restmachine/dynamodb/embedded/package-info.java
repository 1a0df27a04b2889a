/** A pure-Java DynamoDB-compatible engine: {@link io.restmachine.dynamodb.embedded.EmbeddedDynamoDB}, in-process or over HTTP. */
@NullMarked
package io.restmachine.dynamodb.embedded;

import org.jspecify.annotations.NullMarked;
