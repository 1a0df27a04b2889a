package io.restmachine.orm.bench.measure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.restmachine.orm.bench.model.Orders;
import io.restmachine.orm.bench.model.RawOrders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB JSON 1.0 bodies and raw HTTP/1.1 requests of measurement 4, rendered once so that the
 * lean load generator only writes bytes: the same items and requests the SDK client sends.
 */
final class WireJson {
    private static final JsonFactory JSON = new JsonFactory();
    /** A well-formed SigV4 header; both servers run without authentication and only check its form. */
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=bench/20261125/us-east-1/dynamodb/"
            + "aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private WireJson() {}

    /** The n-th item of the GetItem phase ({@code GET#n}). */
    static Map<String, AttributeValue> getItem(int n) {
        Map<String, AttributeValue> item = new HashMap<>(RawOrders.item(Orders.sample(n)));
        item.put("pk", AttributeValue.fromS("GET#" + n));
        return item;
    }

    /** The n-th item of the Query phase's partition ({@code QUERY#1}, {@code ITEM#0000n}). */
    static Map<String, AttributeValue> queryItem(int n) {
        Map<String, AttributeValue> item = new HashMap<>(RawOrders.item(Orders.sample(n)));
        item.put("pk", AttributeValue.fromS("QUERY#1"));
        item.put("sk", AttributeValue.fromS(querySortKey(n)));
        return item;
    }

    static String querySortKey(int n) {
        return String.format(Locale.ROOT, "ITEM#%05d", n);
    }

    /** The PutItem request of one item, split around its partition key's value. */
    static byte[][] putItemAround(Map<String, AttributeValue> item) {
        String marker = "\u0001PK\u0001";
        Map<String, AttributeValue> marked = new HashMap<>(item);
        marked.put("pk", AttributeValue.fromS(marker));
        String body = render(out -> {
            out.writeStartObject();
            out.writeStringField("TableName", Http.TABLE);
            out.writeFieldName("Item");
            writeItem(out, marked);
            out.writeEndObject();
        });
        String escaped = "\\u0001PK\\u0001";
        int at = body.indexOf(escaped);
        return new byte[][] {
            body.substring(0, at).getBytes(StandardCharsets.UTF_8),
            body.substring(at + escaped.length()).getBytes(StandardCharsets.UTF_8)
        };
    }

    /** The GetItem request body of {@code GET#n}. */
    static String getItemBody(int n) {
        return render(out -> {
            out.writeStartObject();
            out.writeStringField("TableName", Http.TABLE);
            out.writeObjectFieldStart("Key");
            out.writeObjectFieldStart("pk");
            out.writeStringField("S", "GET#" + n);
            out.writeEndObject();
            out.writeObjectFieldStart("sk");
            out.writeStringField("S", "DETAILS");
            out.writeEndObject();
            out.writeEndObject();
            out.writeEndObject();
        });
    }

    /** The Query request body of one page of 100, starting after {@code ITEM#after} (-1: first page). */
    static String queryBody(int after) {
        return render(out -> {
            out.writeStartObject();
            out.writeStringField("TableName", Http.TABLE);
            out.writeStringField("KeyConditionExpression", "pk = :p");
            out.writeObjectFieldStart("ExpressionAttributeValues");
            out.writeObjectFieldStart(":p");
            out.writeStringField("S", "QUERY#1");
            out.writeEndObject();
            out.writeEndObject();
            out.writeNumberField("Limit", Http.PAGE);
            if (after >= 0) {
                out.writeFieldName("ExclusiveStartKey");
                writeItem(out, queryKey(after));
            }
            out.writeEndObject();
        });
    }

    static Map<String, AttributeValue> queryKey(int n) {
        return Map.of("pk", AttributeValue.fromS("QUERY#1"), "sk", AttributeValue.fromS(querySortKey(n)));
    }

    /** A complete HTTP/1.1 request of {@code operation} with this body. */
    static byte[] request(String hostPort, String operation, byte[] body) {
        byte[] head = ("POST / HTTP/1.1\r\n"
                        + "Host: " + hostPort + "\r\n"
                        + "Content-Type: application/x-amz-json-1.0\r\n"
                        + "X-Amz-Target: DynamoDB_20120810." + operation + "\r\n"
                        + "X-Amz-Date: 20261125T120000Z\r\n"
                        + "Authorization: " + AUTHORIZATION + "\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    static byte[] request(String hostPort, String operation, String body) {
        return request(hostPort, operation, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Renders with a generator; the lambda only writes. */
    static String render(Writer writer) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
        try (JsonGenerator out = JSON.createGenerator(buffer)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Writes one item in DynamoDB JSON (the types the sample orders use: S, N, BOOL, NULL, L, M). */
    static void writeItem(JsonGenerator out, Map<String, AttributeValue> item) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            out.writeFieldName(attribute.getKey());
            writeValue(out, attribute.getValue());
        }
        out.writeEndObject();
    }

    private static void writeValue(JsonGenerator out, AttributeValue value) throws IOException {
        out.writeStartObject();
        switch (value.type()) {
            case S -> out.writeStringField("S", value.s());
            case N -> out.writeStringField("N", value.n());
            case BOOL -> out.writeBooleanField("BOOL", value.bool());
            case NUL -> out.writeBooleanField("NULL", true);
            case L -> {
                out.writeArrayFieldStart("L");
                for (AttributeValue element : value.l()) {
                    writeValue(out, element);
                }
                out.writeEndArray();
            }
            case M -> {
                out.writeFieldName("M");
                writeItem(out, value.m());
            }
            default -> throw new IllegalArgumentException("the benchmark items hold no " + value.type() + " values");
        }
        out.writeEndObject();
    }

    /** Writes JSON. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator out) throws IOException;
    }
}
