/**
 * Internal: DynamoDB Streams storage. Each enabled stream of a table keeps the change records the
 * table's writes emitted (one shard per stream), trims them after 24 hours of the engine's clock,
 * and answers reads by sequence number. May change at any time; the wire API is the way in.
 */
@NullMarked
package io.restmachine.dynamodb.embedded.stream;

import org.jspecify.annotations.NullMarked;
