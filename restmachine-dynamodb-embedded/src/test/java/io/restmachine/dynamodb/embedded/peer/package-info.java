/**
 * The third-party DynamoDB-compatible servers the tests compare against (dynalite, moto), how they
 * are started, and {@link io.restmachine.dynamodb.embedded.peer.PeerCheck}: what a suite does when
 * one is missing.
 */
@NullMarked
package io.restmachine.dynamodb.embedded.peer;

import org.jspecify.annotations.NullMarked;
