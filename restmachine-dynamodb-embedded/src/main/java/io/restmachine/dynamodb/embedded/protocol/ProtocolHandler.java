package io.restmachine.dynamodb.embedded.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.restmachine.dynamodb.embedded.action.Engine;
import io.restmachine.dynamodb.embedded.action.EngineFailure;
import io.restmachine.dynamodb.embedded.action.Failure;
import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB's JSON 1.0 protocol over any transport: the in-process SDK client and the HTTP server
 * both hand their requests here. It answers the health check, checks content type, JSON, target
 * and authentication header in DynamoDB's order, type-checks the body against the action's shape,
 * runs the action, and renders every error (in this one place) as
 * {@code {"__type": "<namespace>#<Name>", "message": "..."}} with {@code x-amz-crc32} and
 * {@code x-amzn-RequestId} headers.
 */
public final class ProtocolHandler {
    /** DynamoDB's maximum request body size. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolHandler.class);
    private static final byte[] HEALTHY = "healthy: dynamodb.us-east-1.amazonaws.com ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNKNOWN_OPERATION = "<UnknownOperationException/>\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".getBytes(StandardCharsets.US_ASCII);

    private final Engine engine;
    private final Routes routes = new Routes();
    private final JsonFactory factory;

    public ProtocolHandler(Engine engine) {
        this.engine = engine;
        this.factory = RequestDecoder.JSON;
    }

    /**
     * Handles one request.
     *
     * @param method the HTTP method
     * @param headers header values by lower-case name
     * @param body the request body
     */
    public WireResponse handle(String method, Map<String, String> headers, byte[] body) {
        return handle(method, headers, body, false);
    }

    /**
     * Handles one request, which may be authenticated by query-string parameters (a presigned
     * request, whose form the transport has checked) instead of an Authorization header.
     */
    public WireResponse handle(String method, Map<String, String> headers, byte[] body, boolean signedInQuery) {
        return handle(method, headers, body, signedInQuery, true);
    }

    /**
     * Handles one request of the in-process SDK client ({@link InProcessHttpClient}): as {@link
     * #handle(String, Map, byte[])}, but trusted, since the caller is in this JVM (no Authorization
     * header is asked for, so the client need not sign), and without {@code x-amz-crc32} on the
     * answer (the SDK checks it only when present; no bytes crossed a wire).
     */
    public WireResponse handleInProcess(String method, Map<String, String> headers, byte[] body) {
        return handle(method, headers, body, true, false);
    }

    private WireResponse handle(
            String method, Map<String, String> headers, byte[] body, boolean trusted, boolean checksum) {
        if (method.equals("GET")) {
            return respond(200, "text/plain", HEALTHY, checksum);
        }
        if (body.length > MAX_BODY_BYTES) {
            return new WireResponse(413, Map.of("x-amzn-RequestId", requestId()), new byte[0]);
        }
        String contentType = contentType(headers.get("content-type"));
        boolean knownType = contentType.equals("application/x-amz-json-1.0")
                || contentType.equals("application/x-amz-json-1.1")
                || contentType.equals("application/json");
        if (!method.equals("POST") || (body.length > 0 && !knownType)) {
            return respond(404, "text/plain", UNKNOWN_OPERATION, checksum);
        }
        // DynamoDB answers a JSON 1.1 request whose body is not JSON as it answers an unknown
        // content type (JSON 1.0 gets SerializationException).
        if (contentType.equals("application/x-amz-json-1.1") && body.length > 0 && !wellFormed(body)) {
            return respond(404, "text/plain", UNKNOWN_OPERATION, checksum);
        }
        String responseType = knownType && !contentType.equals("application/json") ? contentType : "application/json";
        try {
            String target = headers.getOrDefault("x-amz-target", "");
            Optional<Route> action = routes.target(target);
            // DynamoDB reports malformed JSON before an unknown target or a missing signature; the
            // body is only decoded once those pass, so here it is just scanned for its syntax.
            if (action.isEmpty()) {
                requireWellFormed(body);
                throw new DynamoError(ErrorType.UNKNOWN_OPERATION, "").toException();
            }
            String authorization = headers.get("authorization");
            if (!trusted && (authorization == null || !authorization.trim().startsWith("AWS4-"))) {
                requireWellFormed(body);
                throw new DynamoError(ErrorType.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token")
                        .toException();
            }
            if (body.length == 0) {
                throw new DynamoError(ErrorType.SERIALIZATION, "").toException();
            }
            return respond(200, responseType, run(action.get(), body), checksum);
        } catch (EngineException e) {
            return error(responseType, new Failure.Rejected(e.error()), checksum);
        } catch (EngineFailure e) {
            return error(responseType, e.failure(), checksum);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure handling {}", headers.get("x-amz-target"), e);
            return error(
                    responseType,
                    new Failure.Rejected(new DynamoError(ErrorType.INTERNAL_SERVER_ERROR, "Internal server error")),
                    checksum);
        }
    }

    /**
     * DynamoDB's answer refusing a request with {@code error} (e.g. a failed signature check),
     * rendered as every other error is.
     *
     * @param headers the request's header values by lower-case name
     */
    public WireResponse refuse(Map<String, String> headers, DynamoError error) {
        String contentType = contentType(headers.get("content-type"));
        boolean amzJson =
                contentType.equals("application/x-amz-json-1.0") || contentType.equals("application/x-amz-json-1.1");
        return error(amzJson ? contentType : "application/json", new Failure.Rejected(error), true);
    }

    private boolean wellFormed(byte[] body) {
        try {
            requireWellFormed(body);
            return true;
        } catch (EngineException e) {
            return false;
        }
    }

    private void requireWellFormed(byte[] body) {
        if (body.length > 0) {
            RequestDecoder.requireWellFormed(parser(body));
        }
    }

    private JsonParser parser(byte[] body) {
        try {
            return factory.createParser(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes the body against {@code shape} in one streaming pass, then checks its constraints. */
    private Fields decode(byte[] body, Shape.Struct shape) {
        try (JsonParser parser = parser(body)) {
            Fields fields = RequestDecoder.decode(parser, shape);
            ShapeRules.check(fields, shape);
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] run(Route action, byte[] body) {
        boolean throttle = engine.faults().throttle();
        Duration latency = engine.faults().latency();
        if (throttle || !latency.isZero()) {
            requireWellFormed(body);
        }
        if (throttle) {
            throw (action.dataPlane()
                            ? new DynamoError(
                                    ErrorType.PROVISIONED_THROUGHPUT_EXCEEDED,
                                    "The level of configured provisioned throughput for the table was exceeded."
                                            + " Consider increasing your provisioning level with the UpdateTable API.")
                            : new DynamoError(ErrorType.THROTTLING, "Rate of requests exceeds the allowed throughput."))
                    .toException();
        }
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Fields request = decode(body, action.shape());
        ResponseBuffer buffer = ResponseBuffer.acquire();
        try (JsonGenerator out = factory.createGenerator(buffer)) {
            action.run(request, engine, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the response of " + action.name(), e);
        }
        return buffer.toByteArray();
    }

    /**
     * Renders a failure, in this one place: {@code {"__type": "<namespace>#<Name>", "message": "..."}}
     * ({@code Message} for the two types DynamoDB writes so), with the stored item of a failed
     * condition or the reasons of a canceled transaction.
     */
    private WireResponse error(String contentType, Failure failure, boolean checksum) {
        DynamoError error = failure.error();
        Map<String, DynamoValue> item =
                failure instanceof Failure.ConditionFailed conditionFailed ? conditionFailed.item() : null;
        List<Failure.Reason> reasons = failure instanceof Failure.Canceled canceled ? canceled.reasons() : null;
        ResponseBuffer buffer = ResponseBuffer.acquire();
        try (JsonGenerator out = factory.createGenerator(buffer)) {
            out.writeStartObject();
            out.writeStringField("__type", error.type().qualifiedName());
            if (!error.message().isEmpty()) {
                boolean capital = error.type() == ErrorType.SERIALIZATION
                        || error.type() == ErrorType.TRANSACTION_CANCELED
                        || error.type() == ErrorType.ACCESS_DENIED;
                out.writeStringField(capital ? "Message" : "message", Wire.capped(error.message()));
            }
            if (item != null) {
                out.writeFieldName("Item");
                AttributeJson.writeItem(out, item);
            }
            if (reasons != null) {
                out.writeArrayFieldStart("CancellationReasons");
                for (Failure.Reason reason : reasons) {
                    out.writeStartObject();
                    out.writeStringField("Code", reason.code());
                    if (reason.message() != null) {
                        out.writeStringField("Message", Wire.capped(reason.message()));
                    }
                    if (reason.item() != null) {
                        out.writeFieldName("Item");
                        AttributeJson.writeItem(out, reason.item());
                    }
                    out.writeEndObject();
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render error " + error, e);
        }
        return respond(error.type().httpStatus(), contentType, buffer.toByteArray(), checksum);
    }

    private static WireResponse respond(int status, String contentType, byte[] body, boolean checksum) {
        // Immutable maps, which the WireResponse keeps as they are instead of copying.
        if (!checksum) {
            return new WireResponse(status, Map.of("Content-Type", contentType, "x-amzn-RequestId", requestId()), body);
        }
        CRC32 crc = new CRC32();
        crc.update(body);
        return new WireResponse(
                status,
                Map.of(
                        "Content-Type",
                        contentType,
                        "x-amzn-RequestId",
                        requestId(),
                        "x-amz-crc32",
                        Long.toString(crc.getValue())),
                body);
    }

    private static String contentType(@Nullable String header) {
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
    }

    /** A fresh 52-character request id, as DynamoDB's {@code x-amzn-RequestId}. */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] id = new byte[52];
        // Twelve base-36 digits from each random 63-bit number (36^12 < 2^63), rather than one
        // bounded random number per character: this runs on every request.
        long bits = 0;
        for (int i = 0; i < id.length; i++) {
            if (i % 12 == 0) {
                bits = random.nextLong() >>> 1;
            }
            id[i] = ID_CHARS[(int) (bits % ID_CHARS.length)];
            bits /= ID_CHARS.length;
        }
        return new String(id, StandardCharsets.US_ASCII);
    }
}
