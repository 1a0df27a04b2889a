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

    StoreDirectory(Path root) {
        this.root = root;
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

    /** Creates (or replaces) segment {@code generation} holding only its header, synced; open for appending. */
    FileChannel createSegment(long generation) throws IOException {
        Path file = segment(generation);
        FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            ByteBuffer header = ByteBuffer.wrap(FileFormat.header(FileFormat.LOG_MAGIC, generation));
            while (header.hasRemaining()) {
                channel.write(header);
            }
            channel.force(true);
            sync();
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Makes the directory's entries (new, renamed, deleted files) durable. */
    void sync() throws IOException {
        try (FileChannel directory = FileChannel.open(root, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open or sync a directory; there the rename itself is
            // as durable as the file system makes it, and nothing more can be done.
            if (!System.getProperty("os.name", "")
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("win")) {
                throw e;
            }
        }
    }
}
