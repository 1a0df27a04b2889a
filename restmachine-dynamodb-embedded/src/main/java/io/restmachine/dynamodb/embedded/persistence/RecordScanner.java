package io.restmachine.dynamodb.embedded.persistence;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Walks the framed records of a file held in memory, handing each sound payload to a consumer,
 * and stops at the first frame that is not sound. It then looks for any sound frame further on:
 * one means the damage lies in the middle (records after it were once written completely), none
 * means a torn tail.
 */
final class RecordScanner {
    /** Receives each sound payload with the offset of its frame. */
    @FunctionalInterface
    interface PayloadConsumer {
        void accept(long offset, byte[] payload);
    }

    /**
     * What a scan found.
     *
     * @param goodEnd the offset just past the last sound record
     * @param problem why the frame at {@code goodEnd} is not sound, or null when the file ends there
     * @param laterGoodOffset the offset of a sound frame after the damage, or -1
     */
    record Result(long goodEnd, @Nullable String problem, long laterGoodOffset) {
        boolean damaged() {
            return problem != null;
        }
    }

    private RecordScanner() {}

    static Result scan(byte[] bytes, int start, PayloadConsumer consumer) {
        int position = start;
        while (position < bytes.length) {
            String problem = problemAt(bytes, position);
            if (problem != null) {
                return new Result(position, problem, findSoundFrame(bytes, position + 1));
            }
            int length = ByteBuffer.wrap(bytes).getInt(position);
            int payloadStart = position + FileFormat.FRAME_HEADER_SIZE;
            consumer.accept(position, Arrays.copyOfRange(bytes, payloadStart, payloadStart + length));
            position = payloadStart + length;
        }
        return new Result(position, null, -1);
    }

    /** Null if a sound frame starts at {@code offset}; otherwise what is wrong with it. */
    static @Nullable String problemAt(byte[] bytes, int offset) {
        int remaining = bytes.length - offset;
        if (remaining < FileFormat.FRAME_HEADER_SIZE) {
            return "partial record header (" + remaining + " of " + FileFormat.FRAME_HEADER_SIZE + " bytes)";
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int length = buffer.getInt(offset);
        if (length < 1 || length > FileFormat.MAX_PAYLOAD) {
            return "bad record length " + length;
        }
        if (length > remaining - FileFormat.FRAME_HEADER_SIZE) {
            return "partial record: length " + length + " but only " + (remaining - FileFormat.FRAME_HEADER_SIZE)
                    + " bytes follow";
        }
        int stored = buffer.getInt(offset + 4);
        int computed = FileFormat.frameCrc(bytes, offset, length);
        if (stored != computed) {
            return String.format("checksum mismatch (stored %08x, computed %08x)", stored, computed);
        }
        return null;
    }

    private static long findSoundFrame(byte[] bytes, int from) {
        for (int offset = from; offset <= bytes.length - FileFormat.FRAME_HEADER_SIZE; offset++) {
            if (problemAt(bytes, offset) == null) {
                return offset;
            }
        }
        return -1;
    }
}
