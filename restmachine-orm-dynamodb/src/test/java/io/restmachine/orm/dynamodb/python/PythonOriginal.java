package io.restmachine.orm.dynamodb.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restmachine.dynamodb.embedded.peer.Dynalite;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The Python restmachine-orm (../shared/python, never copied into this repository), run through
 * {@code python3} subprocesses with its sources on {@code PYTHONPATH}.
 *
 * <p>Where to find it: the system property {@code restmachine.pythonOriginal} or the environment
 * variable {@code RESTMACHINE_PYTHON_ORIGINAL} (the {@code restmachine-python} directory), else
 * {@code shared/python/restmachine-python} in the project root's parent or a further ancestor
 * ({@code ../shared/python} of a checkout next to {@code shared}).
 */
final class PythonOriginal {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String CHECK = "import pydantic, boto3, moto, pytest\n"
            + "assert pydantic.VERSION.startswith('2'), 'pydantic ' + pydantic.VERSION + ' is not 2.x'\n"
            + "import restmachine_orm, restmachine_orm_dynamodb\n";
    private static @Nullable String unavailable;
    private static boolean checked;

    private PythonOriginal() {}

    /** The {@code restmachine-python} directory, if it can be found. */
    static Optional<Path> home() {
        String configured =
                System.getProperty("restmachine.pythonOriginal", System.getenv("RESTMACHINE_PYTHON_ORIGINAL"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Paths.get(configured).toAbsolutePath()).filter(Files::isDirectory);
        }
        for (Path dir = Dynalite.projectRoot().getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/python/restmachine-python");
            if (Files.isDirectory(candidate.resolve("packages"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Why the Python original can't run here ({@code python3}, its packages pydantic 2, boto3,
     * moto and pytest, or its sources missing), or empty when it can; checked once per JVM. What a
     * suite then does (skip, or fail under {@code CI=true}) is {@code PeerCheck}'s decision.
     */
    static synchronized Optional<String> missingReason() {
        if (!checked) {
            unavailable = whyUnavailable(python(), home());
            checked = true;
        }
        return Optional.ofNullable(unavailable);
    }

    /** The Python interpreter: {@code -Drestmachine.python=...}, default {@code python3}. */
    static String python() {
        return System.getProperty("restmachine.python", "python3");
    }

    /** Why the Python original can't run with this interpreter and sources, or null if it can. */
    static @Nullable String whyUnavailable(String python, Optional<Path> home) {
        if (home.isEmpty()) {
            return "the Python original is not found: put it at ../shared/python/restmachine-python or set"
                    + " -Drestmachine.pythonOriginal=DIR (see docs/item-layout.md)";
        }
        try {
            Result check = run(List.of(python, "-c", CHECK), null, null, home);
            if (check.exitCode() != 0) {
                String[] lines = check.stderr().strip().split("\n");
                return python + " lacks what the Python original needs (pydantic 2, boto3, moto, pytest): "
                        + lines[lines.length - 1] + " (.ci/run checks this on CI machines)";
            }
            return null;
        } catch (UncheckedIOException e) {
            return python + " cannot be started: " + e.getCause().getMessage();
        }
    }

    /** Runs one scenario of {@code interop.py} with this input; its JSON answer. */
    static JsonNode scenario(String name, Object input) {
        Result result = run(List.of(python(), script("python/interop.py").toString(), name), json(input), null);
        if (result.exitCode() != 0) {
            throw new AssertionError(
                    "python3 interop.py " + name + " failed (exit " + result.exitCode() + "):\n" + result.stderr());
        }
        try {
            return JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new AssertionError("interop.py " + name + " did not answer JSON: " + result.stdout(), e);
        }
    }

    /** Runs the Python library's own DynamoDB tests (on moto) in their directory, unchanged. */
    static Result ownDynamoDbTests() {
        Path dir = packages().resolve("restmachine-orm-dynamodb");
        return run(List.of(python(), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"), null, dir);
    }

    /** What a Python run printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {}

    private static Path packages() {
        return home().orElseThrow().resolve("packages");
    }

    private static Result run(List<String> command, byte @Nullable [] stdin, @Nullable Path dir) {
        return run(command, stdin, dir, home());
    }

    private static Result run(List<String> command, byte @Nullable [] stdin, @Nullable Path dir, Optional<Path> home) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        Map<String, String> env = builder.environment();
        home.ifPresent(h -> env.put("PYTHONPATH", pythonPath(h.resolve("packages"))));
        // No __pycache__ in the shared sources; naive datetime.now() (the library's mixins) is UTC.
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("TZ", "UTC");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("python-out", ".txt");
            err = Files.createTempFile("python-err", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT);
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static String pythonPath(Path packages) {
        List<String> entries = new ArrayList<>();
        for (String pkg : List.of("restmachine-orm", "restmachine-orm-dynamodb", "restmachine-orm-testing")) {
            entries.add(packages.resolve(pkg).resolve("src").toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Path script(String resource) {
        try {
            return Paths.get(
                    PythonOriginal.class.getClassLoader().getResource(resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + resource + " is missing", e);
        }
    }

    private static byte[] json(Object input) {
        try {
            return JSON.writeValueAsBytes(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temp file left behind is harmless.
            }
        }
    }
}
