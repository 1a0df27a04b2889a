package io.restmachine.orm.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch directories of the persistent-engine measurements, under {@code benchmarks/target/} (a real disk). */
final class Scratch {
    private Scratch() {}

    /**
     * {@code benchmarks/target/bench-scratch/<name>} under the project root that {@code
     * benchmarks/run} passes ({@code target/bench-scratch/<name>} of the working directory in the
     * module's tests), emptied.
     */
    static Path fresh(String name) {
        String root = System.getProperty("restmachine.projectRoot");
        Path target = root == null ? Path.of("target") : Path.of(root, "benchmarks", "target");
        Path dir = target.resolve("bench-scratch").resolve(name);
        delete(dir);
        return dir;
    }

    /** Deletes {@code dir} and everything in it, if it exists. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
