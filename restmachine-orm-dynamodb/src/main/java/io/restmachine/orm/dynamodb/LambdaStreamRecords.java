package io.restmachine.orm.dynamodb;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Converts the records AWS Lambda hands a DynamoDB stream handler ({@code aws-lambda-java-events}'s
 * {@link DynamodbEvent}) into the AWS SDK v2 form that {@link StreamImages} reads. Needs
 * {@code com.amazonaws:aws-lambda-java-events} on the class path, which a Lambda handler has
 * anyway; restmachine-orm-dynamodb declares it optional, so nobody else gets it.
 *
 * <pre>{@code
 * public Void handleRequest(DynamodbEvent event, Context context) {
 *     for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
 *         orders.change(LambdaStreamRecords.toSdk(record)).ifPresent(this::apply);
 *     }
 *     return null;
 * }
 * }</pre>
 */
public final class LambdaStreamRecords {
    private LambdaStreamRecords() {}

    /** The record in the SDK v2 form, images and identity included. */
    public static Record toSdk(com.amazonaws.services.lambda.runtime.events.models.dynamodb.Record record) {
        Objects.requireNonNull(record, "record");
        Record.Builder out = Record.builder()
                .eventID(record.getEventID())
                .eventName(record.getEventName())
                .eventVersion(record.getEventVersion())
                .eventSource(record.getEventSource())
                .awsRegion(record.getAwsRegion());
        var identity = record.getUserIdentity();
        if (identity != null) {
            out.userIdentity(Identity.builder()
                    .type(identity.getType())
                    .principalId(identity.getPrincipalId())
                    .build());
        }
        var body = record.getDynamodb();
        if (body != null) {
            StreamRecord.Builder sdk = StreamRecord.builder()
                    .sequenceNumber(body.getSequenceNumber())
                    .sizeBytes(body.getSizeBytes())
                    .streamViewType(body.getStreamViewType());
            if (body.getApproximateCreationDateTime() != null) {
                sdk.approximateCreationDateTime(
                        body.getApproximateCreationDateTime().toInstant());
            }
            if (body.getKeys() != null) {
                sdk.keys(toSdk(body.getKeys()));
            }
            if (body.getOldImage() != null) {
                sdk.oldImage(toSdk(body.getOldImage()));
            }
            if (body.getNewImage() != null) {
                sdk.newImage(toSdk(body.getNewImage()));
            }
            out.dynamodb(sdk.build());
        }
        return out.build();
    }

    /** An image (or keys) in the SDK v2 form. */
    public static Map<String, AttributeValue> toSdk(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        image.forEach((name, value) -> out.put(name, toSdk(value)));
        return out;
    }

    /** One value in the SDK v2 form; IllegalArgumentException if it sets no type. */
    public static AttributeValue toSdk(
            com.amazonaws.services.lambda.runtime.events.models.dynamodb.@Nullable AttributeValue value) {
        if (value == null) {
            throw new IllegalArgumentException("an attribute value is null: a stream image never holds one");
        }
        if (value.getS() != null) {
            return AttributeValue.fromS(value.getS());
        }
        if (value.getN() != null) {
            return AttributeValue.fromN(value.getN());
        }
        if (value.getB() != null) {
            return AttributeValue.fromB(bytes(value.getB()));
        }
        if (value.getSS() != null) {
            return AttributeValue.fromSs(value.getSS());
        }
        if (value.getNS() != null) {
            return AttributeValue.fromNs(value.getNS());
        }
        if (value.getBS() != null) {
            List<SdkBytes> set = new ArrayList<>(value.getBS().size());
            value.getBS().forEach(b -> set.add(bytes(b)));
            return AttributeValue.fromBs(set);
        }
        if (value.getM() != null) {
            return AttributeValue.fromM(toSdk(value.getM()));
        }
        if (value.getL() != null) {
            List<AttributeValue> list = new ArrayList<>(value.getL().size());
            value.getL().forEach(v -> list.add(toSdk(v)));
            return AttributeValue.fromL(list);
        }
        if (value.getBOOL() != null) {
            return AttributeValue.fromBool(value.getBOOL());
        }
        if (Boolean.TRUE.equals(value.getNULL())) {
            return AttributeValue.fromNul(true);
        }
        throw new IllegalArgumentException("an attribute value of the Lambda event sets no type: " + value);
    }

    private static SdkBytes bytes(ByteBuffer buffer) {
        return SdkBytes.fromByteBuffer(buffer.duplicate());
    }
}
