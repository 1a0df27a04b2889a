package io.restmachine.orm.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The spi holds the store contract and its value types only: none of its sources imports the
 * core's internal packages (the facade that wires them, {@code Orm}, lives in {@code
 * io.restmachine.orm}).
 */
class SpiBoundaryTest {
    private static final Path SPI = Path.of("src/main/java/io/restmachine/orm/spi");

    @Test
    void noSpiSource_importsAnInternalPackage() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> sources = Files.list(SPI)) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(source)) {
                    if (line.startsWith("import ") && line.contains(".internal.")) {
                        offending.add(source.getFileName() + ": " + line);
                    }
                }
            }
        }

        assertThat(Files.isDirectory(SPI))
                .as("the spi sources are at %s", SPI.toAbsolutePath())
                .isTrue();
        assertThat(offending).as("spi sources importing internal packages").isEmpty();
    }
}
