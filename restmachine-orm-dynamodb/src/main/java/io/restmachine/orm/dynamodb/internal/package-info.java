/**
 * Internals of the DynamoDB backend: the {@code Store} over the SDK client, value mapping, batch
 * chunking and retries, error translation and table administration. Not API: anything here may
 * change at any time.
 */
@NullMarked
package io.restmachine.orm.dynamodb.internal;

import org.jspecify.annotations.NullMarked;
