/**
 * Who may call the HTTP server: AWS Signature Version 4 checked against configured access keys,
 * before a request reaches the engine. See {@link io.restmachine.dynamodb.embedded.auth.SignatureVerifier}.
 */
@NullMarked
package io.restmachine.dynamodb.embedded.auth;

import org.jspecify.annotations.NullMarked;
