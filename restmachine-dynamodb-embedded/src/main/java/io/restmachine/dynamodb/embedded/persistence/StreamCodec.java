package io.restmachine.dynamodb.embedded.persistence;

import io.restmachine.dynamodb.embedded.stream.ChangeRecord;
import io.restmachine.dynamodb.embedded.stream.ChangeStream;
import io.restmachine.dynamodb.embedded.stream.StreamCatalog;
import io.restmachine.dynamodb.embedded.stream.StreamSetting;
import io.restmachine.dynamodb.embedded.stream.ViewType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The on-disk form of streams: a table's {@link StreamSetting} (after its definition in a schema
 * record), the stream records an item record emitted (after its changes), and a whole stream with
 * its records (in a snapshot). Each is optional trailing content, so logs written before streams
 * existed still read.
 */
final class StreamCodec {
    private StreamCodec() {}

    static void writeSetting(Encoder out, StreamSetting setting) {
        out.writeByte(setting.viewType().ordinal());
        out.writeString(setting.label());
        out.writeCount(setting.startSequence());
        out.writeBoolean(setting.disabledAt() != null);
        if (setting.disabledAt() != null) {
            out.writeLong(setting.disabledAt());
        }
    }

    static StreamSetting readSetting(Decoder in) {
        ViewType viewType = viewType(in.readByte());
        String label = in.readString();
        long start = in.readCount();
        Long disabledAt = in.readBoolean() ? in.readLong() : null;
        return new StreamSetting(viewType, label, start, disabledAt);
    }

    static void writeEmitted(Encoder out, List<StreamCatalog.Emitted> emitted) {
        out.writeCount(emitted.size());
        for (StreamCatalog.Emitted e : emitted) {
            out.writeString(e.streamArn());
            writeRecord(out, e.record());
        }
    }

    static List<StreamCatalog.Emitted> readEmitted(Decoder in) {
        int count = in.readSize();
        List<StreamCatalog.Emitted> emitted = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            emitted.add(new StreamCatalog.Emitted(in.readString(), readRecord(in)));
        }
        return emitted;
    }

    static void writeRecord(Encoder out, ChangeRecord record) {
        out.writeCount(record.sequence());
        out.writeByte(record.event().ordinal());
        out.writeLong(record.createdSeconds());
        out.writeByte(record.viewType().ordinal());
        out.writeItem(record.keys());
        writeImage(out, record.oldImage());
        writeImage(out, record.newImage());
        out.writeBoolean(record.byService());
    }

    static ChangeRecord readRecord(Decoder in) {
        long sequence = in.readCount();
        int event = in.readByte();
        if (event < 0 || event >= ChangeRecord.Event.values().length) {
            throw new IllegalArgumentException("unknown stream event " + event);
        }
        long created = in.readLong();
        ViewType viewType = viewType(in.readByte());
        Map<String, io.restmachine.dynamodb.embedded.value.DynamoValue> keys = in.readItem();
        var oldImage = in.readBoolean() ? in.readItem() : null;
        var newImage = in.readBoolean() ? in.readItem() : null;
        return new ChangeRecord(
                sequence,
                ChangeRecord.Event.values()[event],
                created,
                viewType,
                keys,
                oldImage,
                newImage,
                in.readBoolean());
    }

    private static void writeImage(
            Encoder out, @Nullable Map<String, io.restmachine.dynamodb.embedded.value.DynamoValue> image) {
        out.writeBoolean(image != null);
        if (image != null) {
            out.writeItem(image);
        }
    }

    static void writeStream(
            Encoder out,
            ChangeStream stream,
            @Nullable Long disabled,
            long trimmedThrough,
            List<ChangeRecord> records) {
        out.writeString(stream.arn());
        out.writeString(stream.label());
        out.writeString(stream.tableName());
        out.writeString(stream.tableId());
        out.writeByte(stream.viewType().ordinal());
        out.writeString(stream.hashKey());
        out.writeNullableString(stream.rangeKey());
        out.writeLong(stream.createdMillis());
        out.writeCount(stream.startSequence());
        out.writeBoolean(disabled != null);
        if (disabled != null) {
            out.writeLong(disabled);
        }
        out.writeCount(trimmedThrough + 1);
        out.writeCount(records.size());
        for (ChangeRecord record : records) {
            writeRecord(out, record);
        }
    }

    static LogRecord.Stream readStream(Decoder in) {
        ChangeStream stream = new ChangeStream(
                in.readString(),
                in.readString(),
                in.readString(),
                in.readString(),
                viewType(in.readByte()),
                in.readString(),
                in.readNullableString(),
                in.readLong(),
                in.readCount());
        Long disabled = in.readBoolean() ? in.readLong() : null;
        long trimmedThrough = in.readCount() - 1;
        int count = in.readSize();
        List<ChangeRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(readRecord(in));
        }
        return new LogRecord.Stream(stream, disabled, trimmedThrough, records);
    }

    private static ViewType viewType(int ordinal) {
        if (ordinal < 0 || ordinal >= ViewType.values().length) {
            throw new IllegalArgumentException("unknown stream view type " + ordinal);
        }
        return ViewType.values()[ordinal];
    }
}
