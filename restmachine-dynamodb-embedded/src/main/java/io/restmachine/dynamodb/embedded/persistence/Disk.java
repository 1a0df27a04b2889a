package io.restmachine.dynamodb.embedded.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Every file system call by which the store changes its directory: opening a file (whose channel
 * then writes, forces and truncates), renaming, deleting, and syncing the directory. {@link
 * #LOCAL} is the real file system; the crash tests put a layer here that stops at any one of these
 * calls, to prove that every acknowledged write survives a crash between any two of them. Reads
 * during recovery go straight to {@link Files}.
 */
public interface Disk {
    /** The local file system. */
    Disk LOCAL = new Disk() {};

    /** Opens {@code file} with {@code options}; the store writes, forces and truncates through the channel. */
    default FileChannel open(Path file, OpenOption... options) throws IOException {
        return FileChannel.open(file, options);
    }

    /** Renames {@code from} over {@code to} atomically. */
    default void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes {@code file} if it exists. */
    default void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** Makes the entries of {@code directory} (new, renamed, deleted files) durable. */
    default void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open or sync a directory; there the rename itself is
            // as durable as the file system makes it, and nothing more can be done.
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
                throw e;
            }
        }
    }
}
