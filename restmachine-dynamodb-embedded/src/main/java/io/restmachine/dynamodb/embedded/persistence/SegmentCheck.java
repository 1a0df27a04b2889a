package io.restmachine.dynamodb.embedded.persistence;

import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What one log segment holds, read whole: its format version, its synced mark (how far it was
 * durable when last marked; version 1 segments have none), its length, and how far its records
 * are sound; and from that, whether recovery may open it and cut a torn tail, or must refuse.
 *
 * @param version 1 or 2; 0 when the header is not sound
 * @param mark the synced mark; for version 1 the start of the records; -1 when no mark is sound
 * @param length the file's length
 * @param headerProblem why the header is not sound, or null
 * @param scan where the sound records end and why the next one is not sound
 */
record SegmentCheck(
        Path file, int version, long mark, long length, @Nullable String headerProblem, RecordScanner.Result scan) {

    /** Checks {@code bytes}, the content of segment {@code generation}, handing each sound record to {@code records}. */
    static SegmentCheck of(Path file, long generation, byte[] bytes, RecordScanner.PayloadConsumer records) {
        String headerProblem = FileFormat.checkHeader(
                Arrays.copyOf(bytes, Math.min(bytes.length, FileFormat.HEADER_SIZE)), FileFormat.LOG_MAGIC, generation);
        if (headerProblem != null) {
            return new SegmentCheck(
                    file, 0, -1, bytes.length, headerProblem, new RecordScanner.Result(0, headerProblem, -1));
        }
        int version = FileFormat.versionOf(bytes);
        long mark = version == 1 ? FileFormat.HEADER_SIZE : FileFormat.syncedMark(bytes);
        int start = version == 1 ? FileFormat.HEADER_SIZE : FileFormat.LOG_START;
        if (bytes.length < start) {
            String problem = "the file ends within its synced marks (" + bytes.length + " of " + start + " bytes)";
            return new SegmentCheck(
                    file, version, mark, bytes.length, problem, new RecordScanner.Result(0, problem, -1));
        }
        return new SegmentCheck(file, version, mark, bytes.length, null, RecordScanner.scan(bytes, start, records));
    }

    /**
     * Why recovery must not open this segment as it is (the start of the message), or null when
     * it may: it is sound, or its only damage is a torn tail past its synced mark in the last
     * segment (an interrupted group commit, which was never acknowledged).
     */
    @Nullable
    String refusal(boolean last) {
        if (headerProblem != null) {
            return "The log segment " + file + " cannot be read: " + headerProblem + ". Segments are created whole"
                    + " (written, synced, then renamed into place), so this is damage to the storage, not an"
                    + " interrupted write; the engine will not open the directory as it is.";
        }
        if (mark < 0) {
            return "The log segment " + file + " has no sound synced mark (both copies, at offsets "
                    + FileFormat.MARKS_OFFSET + " and " + (FileFormat.MARKS_OFFSET + FileFormat.MARK_SIZE)
                    + ", fail their checksum), so recovery cannot tell which of its records were acknowledged;"
                    + " the engine will not open the directory as it is.";
        }
        if (mark > length) {
            return "The log segment " + file + " ends at offset " + length + ", but it had been synced up to offset "
                    + mark + ": the last " + (mark - length) + " bytes, holding writes that were acknowledged, are"
                    + " missing. The file was cut short after it was written (a crash cannot do that)"
                    + (scan.damaged() ? "; its records are sound up to offset " + scan.goodEnd() : "")
                    + ". The engine will not open the directory as it is.";
        }
        if (!scan.damaged()) {
            return null;
        }
        String damage =
                "The log segment " + file + " is damaged at offset " + scan.goodEnd() + " (" + scan.problem() + ") ";
        String consequence = ", so writes that were acknowledged would be lost if it were cut there. The engine will"
                + " not open the directory as it is.";
        if (scan.goodEnd() < mark) {
            return damage + "before offset " + mark + ", up to which it had been synced" + consequence;
        }
        if (!last) {
            return damage + "and is followed by later segments" + consequence;
        }
        if (version == 1 && scan.laterGoodOffset() >= 0) {
            // Without a synced mark, only a sound record after the damage shows it was once durable.
            return damage + "and holds a sound record after the damage, at offset " + scan.laterGoodOffset()
                    + consequence;
        }
        return null;
    }
}
