package io.restmachine.orm.cli.console;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.WebDriver;

/** Saves the browser's screen under {@code target/console-screenshots/} when a test fails, named after it. */
final class ScreenshotOnFailure implements TestWatcher {
    private final Supplier<WebDriver> driver;

    ScreenshotOnFailure(Supplier<WebDriver> driver) {
        this.driver = driver;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        WebDriver current = driver.get();
        if (current == null) {
            return;
        }
        try {
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName();
            System.err.println("screenshot of the failure: "
                    + Chromium.screenshot(current, name).toAbsolutePath());
        } catch (RuntimeException e) {
            cause.addSuppressed(e); // the browser may be what failed
        }
    }
}
