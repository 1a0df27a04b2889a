package io.restmachine.dynamodb.embedded.persistence;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a persistent engine found when it opened its directory: whether it loaded a snapshot, how
 * many log records it replayed, what it now holds, and the torn log tail it cut away, if any.
 *
 * <pre>{@code
 * try (EmbeddedDynamoDB db = EmbeddedDynamoDB.persistent(dir)) {
 *     db.recoveryReport().flatMap(RecoveryReport::tornTail)
 *             .ifPresent(tail -> System.err.println("unacknowledged writes discarded: " + tail));
 * }
 * }</pre>
 */
public final class RecoveryReport {
    private final Path directory;
    private final boolean snapshotLoaded;
    private final long recordsReplayed;
    private final int tables;
    private final long items;
    private final @Nullable TornTail tornTail;

    /** A report as recovery builds it; {@code tornTail} is null when the log ended cleanly. */
    public RecoveryReport(
            Path directory,
            boolean snapshotLoaded,
            long recordsReplayed,
            int tables,
            long items,
            @Nullable TornTail tornTail) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.snapshotLoaded = snapshotLoaded;
        this.recordsReplayed = recordsReplayed;
        this.tables = tables;
        this.items = items;
        this.tornTail = tornTail;
    }

    /** The engine's directory. */
    public Path directory() {
        return directory;
    }

    /** Whether a snapshot was loaded before the log was replayed. */
    public boolean snapshotLoaded() {
        return snapshotLoaded;
    }

    /** How many log records were replayed on top of the snapshot. */
    public long recordsReplayed() {
        return recordsReplayed;
    }

    /** How many tables the engine holds after recovery. */
    public int tables() {
        return tables;
    }

    /** How many items the engine holds after recovery, across all tables. */
    public long items() {
        return items;
    }

    /** The damaged or incomplete end of the log that was cut away, if there was one. */
    public Optional<TornTail> tornTail() {
        return Optional.ofNullable(tornTail);
    }

    /** True when the log ended cleanly (nothing was cut away). */
    public boolean clean() {
        return tornTail == null;
    }

    @Override
    public String toString() {
        return "RecoveryReport[" + directory + ": " + (snapshotLoaded ? "snapshot + " : "") + recordsReplayed
                + " log records, " + tables + " tables, " + items + " items"
                + (tornTail == null ? ", log ended cleanly" : ", torn tail cut: " + tornTail) + "]";
    }
}
