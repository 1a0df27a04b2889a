package io.restmachine.dynamodb.embedded.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The end of the write-ahead log that recovery found incomplete or damaged and cut away. Such a
 * tail holds only writes that were never acknowledged: the engine acknowledges a write after its
 * record is synced to disk, and a sound record after the damage would have made recovery refuse
 * to open instead.
 *
 * @param file the log segment
 * @param offset the byte offset of the first record that was not sound; the file now ends there
 * @param problem what was wrong with it, e.g. {@code checksum mismatch (stored 1a2b3c4d, computed
 *     5e6f7a8b)} or {@code partial record: length 120 but only 37 bytes follow}
 * @param bytesDiscarded how many bytes were cut away
 */
public record TornTail(Path file, long offset, String problem, long bytesDiscarded) {
    public TornTail {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return file + " at offset " + offset + ": " + problem + " (" + bytesDiscarded + " bytes discarded)";
    }
}
