package io.restmachine.dynamodb.embedded.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The on-disk layout shared by log segments and snapshots. A file starts with a 24-byte header:
 * an 8-byte magic naming the kind of file, the format version (int), the generation (long) and a
 * CRC32C of those 20 bytes. A log segment of version 2 then has two 16-byte <em>synced marks</em>
 * (below). Records follow, each framed as its payload length (int, big-endian), a CRC32C of the
 * length and payload (int), then the payload.
 *
 * <p>A synced mark is an offset (long) up to which the segment was durable when the mark was
 * written, a CRC32C of those 8 bytes, and 4 zero bytes. The log writer writes one with every
 * group commit, alternating between the two slots (so a torn mark leaves the other one), holding
 * the end of the previous, already synced, commit; so a mark never claims more than is on disk,
 * and recovery can tell a file cut short (it ends before its mark: acknowledged records are
 * missing) from a torn last write (the damage lies past the mark).
 */
final class FileFormat {
    /** The snapshot format version this engine writes and reads. */
    static final int VERSION = 1;

    /** The log format version this engine writes: version 1 plus synced marks. Version 1 logs are still read. */
    static final int LOG_VERSION = 2;

    static final int HEADER_SIZE = 24;
    static final int FRAME_HEADER_SIZE = 8;

    /** Where the two synced marks of a version 2 log segment are. */
    static final int MARKS_OFFSET = HEADER_SIZE;

    static final int MARK_SIZE = 16;

    /** Where the records of a version 2 log segment start. */
    static final int LOG_START = MARKS_OFFSET + 2 * MARK_SIZE;

    /**
     * The largest payload accepted: a transaction of 100 items of 400 KB is about 40 MB; anything
     * longer is a damaged length field.
     */
    static final int MAX_PAYLOAD = 64 * 1024 * 1024;

    static final byte[] LOG_MAGIC = "RMDDBLOG".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SNAPSHOT_MAGIC = "RMDDBSNP".getBytes(StandardCharsets.US_ASCII);

    private FileFormat() {}

    static byte[] header(byte[] magic, long generation) {
        return header(magic, VERSION, generation);
    }

    private static byte[] header(byte[] magic, int version, long generation) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_SIZE);
        buffer.put(magic).putInt(version).putLong(generation);
        buffer.putInt(crc(buffer.array(), 0, HEADER_SIZE - 4));
        return buffer.array();
    }

    /** The start of a new log segment: its header and two synced marks at the start of the records. */
    static byte[] logHeader(long generation) {
        ByteBuffer buffer = ByteBuffer.allocate(LOG_START);
        buffer.put(header(LOG_MAGIC, LOG_VERSION, generation));
        buffer.put(mark(LOG_START)).put(mark(LOG_START));
        return buffer.array();
    }

    /** One synced mark saying that the segment was durable up to {@code offset}. */
    static byte[] mark(long offset) {
        ByteBuffer buffer = ByteBuffer.allocate(MARK_SIZE);
        buffer.putLong(offset);
        buffer.putInt(crc(buffer.array(), 0, 8));
        return buffer.array();
    }

    /**
     * The larger of the two synced marks of a version 2 segment (marks only grow), or -1 if
     * neither is sound.
     */
    static long syncedMark(byte[] segment) {
        long best = -1;
        for (int slot = 0; slot < 2; slot++) {
            int offset = MARKS_OFFSET + slot * MARK_SIZE;
            if (segment.length < offset + MARK_SIZE) {
                continue;
            }
            ByteBuffer buffer = ByteBuffer.wrap(segment, offset, MARK_SIZE);
            long mark = buffer.getLong();
            if (buffer.getInt() == crc(segment, offset, 8)) {
                best = Math.max(best, mark);
            }
        }
        return best;
    }

    /** The format version in a sound header. */
    static int versionOf(byte[] header) {
        return ByteBuffer.wrap(header).getInt(8);
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
        boolean log = Arrays.equals(magic, LOG_MAGIC);
        if (log ? version != 1 && version != LOG_VERSION : version != VERSION) {
            return "the file has format version " + version + " but this engine reads version "
                    + (log ? "1 or " + LOG_VERSION : VERSION) + " (open it with the release that wrote it)";
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
