package io.restmachine.dynamodb.embedded.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The on-disk layout shared by log segments and snapshots. A file starts with a 24-byte header:
 * an 8-byte magic naming the kind of file, the format version (int), the generation (long) and a
 * CRC32C of those 20 bytes. Records follow, each framed as its payload length (int, big-endian),
 * a CRC32C of the length and payload (int), then the payload.
 */
final class FileFormat {
    /** The format version this engine writes and reads. */
    static final int VERSION = 1;

    static final int HEADER_SIZE = 24;
    static final int FRAME_HEADER_SIZE = 8;

    /**
     * The largest payload accepted: a transaction of 100 items of 400 KB is about 40 MB; anything
     * longer is a damaged length field.
     */
    static final int MAX_PAYLOAD = 64 * 1024 * 1024;

    static final byte[] LOG_MAGIC = "RMDDBLOG".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SNAPSHOT_MAGIC = "RMDDBSNP".getBytes(StandardCharsets.US_ASCII);

    private FileFormat() {}

    static byte[] header(byte[] magic, long generation) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_SIZE);
        buffer.put(magic).putInt(VERSION).putLong(generation);
        buffer.putInt(crc(buffer.array(), 0, HEADER_SIZE - 4));
        return buffer.array();
    }

    /**
     * Checks a header; returns null when it is sound or the reason it is not.
     *
     * @param bytes the first {@link #HEADER_SIZE} bytes of the file (or fewer, if it is shorter)
     */
    static @Nullable String checkHeader(byte[] bytes, byte[] magic, long generation) {
        if (bytes.length < HEADER_SIZE) {
            return "the file header is incomplete (" + bytes.length + " of " + HEADER_SIZE + " bytes)";
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] found = new byte[8];
        buffer.get(found);
        if (!Arrays.equals(found, magic)) {
            return "the file does not start with " + new String(magic, StandardCharsets.US_ASCII)
                    + " (it is not a file of this engine, or its header is damaged)";
        }
        int version = buffer.getInt();
        long storedGeneration = buffer.getLong();
        int storedCrc = buffer.getInt();
        if (storedCrc != crc(bytes, 0, HEADER_SIZE - 4)) {
            return "the file header fails its checksum";
        }
        if (version != VERSION) {
            return "the file has format version " + version + " but this engine reads version " + VERSION
                    + " (open it with the release that wrote it)";
        }
        if (generation >= 0 && storedGeneration != generation) {
            return "the header says generation " + storedGeneration + " but the file name says " + generation;
        }
        return null;
    }

    /** The generation stored in a sound header. */
    static long generationOf(byte[] header) {
        return ByteBuffer.wrap(header).getLong(12);
    }

    /** One framed record: length, checksum, payload. */
    static byte[] frame(byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(FRAME_HEADER_SIZE + payload.length);
        buffer.putInt(payload.length);
        buffer.putInt(0);
        buffer.put(payload);
        byte[] framed = buffer.array();
        ByteBuffer.wrap(framed).putInt(4, frameCrc(framed, 0, payload.length));
        return framed;
    }

    /** The checksum of the frame starting at {@code offset} with a payload of {@code length}. */
    static int frameCrc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, 4);
        crc.update(bytes, offset + FRAME_HEADER_SIZE, length);
        return (int) crc.getValue();
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
