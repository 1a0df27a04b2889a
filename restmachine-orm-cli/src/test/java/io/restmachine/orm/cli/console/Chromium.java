package io.restmachine.orm.cli.console;

import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven by Debian's {@code chromium-driver}, for the web console's browser
 * tests: found on the {@code PATH} (or at {@code -Drestmachine.chromium=...} and {@code
 * -Drestmachine.chromedriver=...}), started with a fresh profile and every network feature of its
 * own turned off (the machine may have no network), and checked by {@link #CHECK}: a suite that
 * registers it is skipped with the reason where Chromium is missing, and fails under {@code CI=true}.
 */
public final class Chromium {
    /** Skips (or, under CI, fails) a suite where Chromium or its driver is missing. */
    public static final PeerCheck CHECK = new PeerCheck("chromium", Chromium::missingReason);

    /** Where failing tests leave their screenshots. */
    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private Chromium() {}

    /** Why Chromium cannot run here, or empty. */
    static Optional<String> missingReason() {
        if (browser() == null) {
            return Optional.of("no chromium on the PATH (install Debian's chromium and chromium-driver:"
                    + " apt-get install -y chromium chromium-driver)");
        }
        if (driver() == null) {
            return Optional.of("no chromedriver on the PATH (apt-get install -y chromium-driver)");
        }
        return Optional.empty();
    }

    /** A new headless browser with a fresh profile in {@code profile}, its window sized like a laptop's screen. */
    public static WebDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser().toString());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1366,768",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver().toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves what {@code driver} shows as {@code target/console-screenshots/NAME.png}; returns the file. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name, e);
        }
    }

    private static @Nullable Path browser() {
        return find("restmachine.chromium", List.of("chromium", "chromium-browser", "google-chrome"));
    }

    private static @Nullable Path driver() {
        return find("restmachine.chromedriver", List.of("chromedriver"));
    }

    private static @Nullable Path find(String property, List<String> names) {
        String configured = System.getProperty(property);
        if (configured != null) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? path : null;
        }
        String searchPath = System.getenv().getOrDefault("PATH", "");
        return Stream.of(searchPath.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .flatMap(dir -> names.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
    }
}
