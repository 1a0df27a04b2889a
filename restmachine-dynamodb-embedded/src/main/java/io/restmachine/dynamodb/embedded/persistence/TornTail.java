package io.restmachine.dynamodb.embedded.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The end of the write-ahead log that recovery found incomplete or damaged and cut away. Such a
 * tail lies past the segment's synced mark, in the last group commit, which the crash interrupted:
 * the engine acknowledges a write only after its record is synced, and damage before the mark (or
 * a file that ends before it) makes recovery refuse to open instead. The bytes cut away are kept
 * in a file beside the segment.
 *
 * @param file the log segment
 * @param offset the byte offset of the first record that was not sound; the file now ends there
 * @param problem what was wrong with it, e.g. {@code checksum mismatch (stored 1a2b3c4d, computed
 *     5e6f7a8b)} or {@code partial record: length 120 but only 37 bytes follow}
 * @param bytesDiscarded how many bytes were cut away
 * @param keptIn the file beside the segment that now holds the bytes cut away, as evidence
 */
public record TornTail(Path file, long offset, String problem, long bytesDiscarded, Path keptIn) {
    public TornTail {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(keptIn, "keptIn");
    }

    @Override
    public String toString() {
        return file + " at offset " + offset + ": " + problem + " (" + bytesDiscarded + " bytes cut, kept in "
                + keptIn.getFileName() + ")";
    }
}
