package io.restmachine.dynamodb.embedded.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a persistent engine's directory: {@code lock}, {@code snapshot} (and its temporary
 * {@code snapshot.tmp} while one is written) and the log segments {@code wal-<generation>.log},
 * the generation zero-padded to 20 digits so that names sort in order.
 */
final class StoreDirectory {
    private static final Pattern SEGMENT = Pattern.compile("wal-(\\d{20})\\.log");

    private final Path root;
    private final Disk disk;

    StoreDirectory(Path root, Disk disk) {
        this.root = root;
        this.disk = disk;
    }

    /** The calls through which every change to the directory's files goes. */
    Disk disk() {
        return disk;
    }

    Path root() {
        return root;
    }

    Path lockFile() {
        return root.resolve("lock");
    }

    Path snapshot() {
        return root.resolve("snapshot");
    }

    Path snapshotTemp() {
        return root.resolve("snapshot.tmp");
    }

    Path segment(long generation) {
        return root.resolve(String.format("wal-%020d.log", generation));
    }

    /** Where a segment is written before it is renamed into place. */
    Path segmentTemp(long generation) {
        return root.resolve(String.format("wal-%020d.log.tmp", generation));
    }

    /** Temporary files a crash may have left: a snapshot or a segment being created. */
    List<Path> leftovers() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(root, "{snapshot.tmp,wal-*.log.tmp}")) {
            found.forEach(files::add);
        }
        return files;
    }

    /** The generations of the log segments present, ascending. */
    List<Long> segments() throws IOException {
        List<Long> generations = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root, "wal-*.log")) {
            for (Path file : files) {
                Matcher matcher = SEGMENT.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    generations.add(Long.parseLong(matcher.group(1)));
                }
            }
        }
        generations.sort(null);
        return generations;
    }

    /**
     * Creates segment {@code generation} holding only its header and synced marks, open for
     * writing: written to a temporary file, synced, renamed into place and the directory synced,
     * so that a segment file that exists always has its whole header.
     */
    FileChannel createSegment(long generation) throws IOException {
        Path temp = segmentTemp(generation);
        // Closed before the rename: some platforms cannot rename an open file.
        try (FileChannel channel = disk.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer header = ByteBuffer.wrap(FileFormat.logHeader(generation));
            while (header.hasRemaining()) {
                channel.write(header);
            }
            channel.force(true);
        }
        disk.move(temp, segment(generation));
        sync();
        return openSegment(generation);
    }

    /** Opens segment {@code generation} for the log writer, which writes at explicit positions. */
    FileChannel openSegment(long generation) throws IOException {
        return disk.open(segment(generation), StandardOpenOption.WRITE);
    }

    /** Makes the directory's entries (new, renamed, deleted files) durable. */
    void sync() throws IOException {
        disk.syncDirectory(root);
    }
}
