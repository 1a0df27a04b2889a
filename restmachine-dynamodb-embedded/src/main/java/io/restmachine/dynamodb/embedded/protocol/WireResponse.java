package io.restmachine.dynamodb.embedded.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * One answer of the wire protocol, independent of the transport: status, headers and body.
 *
 * @param headers header name to value (one value each)
 */
public record WireResponse(int status, Map<String, String> headers, byte[] body) {
    public WireResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
