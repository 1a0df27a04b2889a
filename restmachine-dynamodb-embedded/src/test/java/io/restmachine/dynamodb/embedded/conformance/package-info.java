/**
 * The differential conformance suite: request scenarios (JSON files under {@code
 * src/test/resources/conformance/}) sent over HTTP to dynalite and to the embedded engine, whose
 * normalised responses must match. See {@code docs/conformance.md}.
 */
@NullMarked
package io.restmachine.dynamodb.embedded.conformance;

import org.jspecify.annotations.NullMarked;
