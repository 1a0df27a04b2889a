package io.restmachine.dynamodb.embedded.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The explicit step that accepts the loss of acknowledged writes when recovery refused a damaged
 * or cut-short log ({@code restmachine-orm accept-log-loss}, {@code
 * EmbeddedDynamoDB.acceptLogLoss}): cuts the log at the first damage, keeps what it cuts in a
 * file beside the segment, sets aside later segments (renamed {@code *.lost}), and marks what
 * remains as synced. Nothing is deleted. Recovery itself never shortens a file except to cut a
 * torn tail past the synced mark, whose bytes it keeps the same way.
 */
final class LogRepair {
    private LogRepair() {}

    /** The end of every refusal: the two ways to proceed, with the exact command. */
    static String advice(Path dir) {
        return "Restore the directory from a backup; or, to accept the loss and open what remains, run once:"
                + " restmachine-orm accept-log-loss --data-dir '" + dir + "' (in Java:"
                + " EmbeddedDynamoDB.acceptLogLoss(Path.of(\"" + dir + "\"))). It cuts the log at the damage, keeps"
                + " the cut bytes and any later segments beside it as *.lost files, and marks the rest as synced.";
    }

    /**
     * Repairs the log of {@code directory} (whose lock the caller holds) so that recovery opens
     * it; returns one line per change made (empty when there was nothing to repair).
     */
    static List<String> run(StoreDirectory directory) throws IOException {
        List<String> changes = new ArrayList<>();
        long first = 1;
        if (Files.exists(directory.snapshot())) {
            byte[] header = readHeader(directory.snapshot());
            if (FileFormat.checkHeader(header, FileFormat.SNAPSHOT_MAGIC, -1) == null) {
                first = FileFormat.generationOf(header);
            }
        }
        List<Long> segments = new ArrayList<>();
        for (long generation : directory.segments()) {
            if (generation >= first) {
                segments.add(generation);
            }
        }
        boolean lossAccepted = false;
        long expected = first;
        for (long generation : segments) {
            Path file = directory.segment(generation);
            if (lossAccepted || generation != expected) {
                // After a loss (or a missing segment), later writes would be replayed over a hole.
                Path aside = file.resolveSibling(file.getFileName() + ".lost");
                directory.disk().move(file, aside);
                changes.add("set aside " + file.getFileName() + " as " + aside.getFileName());
                lossAccepted = true;
                continue;
            }
            expected++;
            byte[] bytes = Files.readAllBytes(file);
            boolean last = generation == segments.get(segments.size() - 1);
            SegmentCheck check = SegmentCheck.of(file, generation, bytes, (offset, payload) -> {});
            if (check.refusal(last) == null) {
                continue;
            }
            lossAccepted = true;
            if (check.headerProblem() != null) {
                Path aside = file.resolveSibling(file.getFileName() + ".lost");
                directory.disk().move(file, aside);
                changes.add("set aside " + file.getFileName() + " as " + aside.getFileName() + " ("
                        + check.headerProblem() + ")");
                continue;
            }
            long end = check.scan().goodEnd();
            String what = check.mark() < 0
                    ? "both synced marks were damaged"
                    : check.mark() > check.length()
                            ? (check.mark() - check.length()) + " acknowledged bytes were missing past offset "
                                    + check.length()
                            : "damaged at offset " + end + " (" + check.scan().problem() + ")";
            if (end < bytes.length) {
                Path kept = cutAt(directory, file, bytes, end, ".lost-at-" + end);
                what += "; cut there, the " + (bytes.length - end) + " bytes cut are kept in " + kept.getFileName();
            }
            if (check.version() > 1) {
                markSynced(directory, file, end);
            }
            changes.add(file.getFileName() + ": " + what + "; it now ends at offset " + end);
        }
        if (!changes.isEmpty()) {
            directory.sync();
        }
        return changes;
    }

    /**
     * Keeps the bytes of {@code file} from {@code offset} on in a file named with {@code suffix}
     * beside it (synced, with the directory), then cuts {@code file} there; returns the kept file.
     */
    static Path cutAt(StoreDirectory directory, Path file, byte[] bytes, long offset, String suffix)
            throws IOException {
        Path kept = file.resolveSibling(file.getFileName() + suffix);
        Disk disk = directory.disk();
        try (FileChannel out = disk.open(
                kept, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, (int) offset, bytes.length - (int) offset);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        directory.sync();
        try (FileChannel channel = disk.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(offset);
            channel.force(true);
        }
        return kept;
    }

    /** Sets both synced marks of {@code file} to {@code offset}. */
    private static void markSynced(StoreDirectory directory, Path file, long offset) throws IOException {
        try (FileChannel channel = directory.disk().open(file, StandardOpenOption.WRITE)) {
            for (int slot = 0; slot < 2; slot++) {
                ByteBuffer mark = ByteBuffer.wrap(FileFormat.mark(offset));
                long position = FileFormat.MARKS_OFFSET + (long) slot * FileFormat.MARK_SIZE;
                while (mark.hasRemaining()) {
                    position += channel.write(mark, position);
                }
            }
            channel.force(true);
        }
    }

    private static byte[] readHeader(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(FileFormat.HEADER_SIZE);
        }
    }
}
