/**
 * Internal: durable storage for a persistent engine (write-ahead log with group commit, snapshots,
 * recovery). May change at any time; use {@link io.restmachine.dynamodb.embedded.EmbeddedDynamoDB#persistent}.
 * The file format is described in {@code docs/persistence.md}.
 */
@NullMarked
package io.restmachine.dynamodb.embedded.persistence;

import org.jspecify.annotations.NullMarked;
