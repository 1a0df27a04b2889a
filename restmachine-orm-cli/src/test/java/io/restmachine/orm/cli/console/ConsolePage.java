package io.restmachine.orm.cli.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console as the browser tests use it: each step acts as a user does (clicks, typing,
 * Enter) and then waits, explicitly, for what the page shows next; never a sleep.
 */
final class ConsolePage {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final WebDriverWait wait;

    ConsolePage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens {@code /console/} (plus {@code suffix}, e.g. a query or {@code #table}) and waits until it has started. */
    ConsolePage open(URI endpoint, String suffix) {
        driver.get(endpoint + "/console/" + suffix);
        wait.until(d -> find("workspace").isDisplayed() || find("sign-in").isDisplayed());
        return this;
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void waitUntilVisible(String id) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    void type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    void choose(String id, String value) {
        new Select(find(id)).selectByValue(value);
    }

    /** How many pages of items the console has shown so far. */
    int pagesShown() {
        return counter("pagesShown");
    }

    /** One of the counters the page keeps on {@code document.body.dataset} for whoever waits on it. */
    private int counter(String name) {
        Object shown =
                ((JavascriptExecutor) driver).executeScript("return document.body.dataset[arguments[0]] || '0'", name);
        return Integer.parseInt(String.valueOf(shown));
    }

    /** Runs {@code action} and waits until it has shown another page of items. */
    void andWaitForPage(Runnable action) {
        int before = pagesShown();
        action.run();
        wait.until(d -> pagesShown() > before);
    }

    /** Opens table {@code name} from the list (refreshed first) and waits for its first page. */
    void openTable(String name) {
        // Wait for the refreshed list: a link found before it is redrawn would be stale when clicked.
        int before = counter("tableListsShown");
        find("refresh-tables").click();
        wait.until(d -> counter("tableListsShown") > before);
        By link = By.cssSelector(".table-link[data-table='" + name + "']");
        wait.until(ExpectedConditions.elementToBeClickable(link));
        andWaitForPage(() -> driver.findElement(link).click());
        waitForText("table-name", name);
    }

    /** The shown items' keys (plain JSON), in the order shown. */
    List<String> rowKeys() {
        return all("tr.item-row").stream()
                .map(row -> row.getAttribute("data-key"))
                .toList();
    }

    /** Opens the editor on the {@code index}th item shown and waits until it holds the item. */
    void editItem(int index) {
        all("button.edit-item").get(index).click();
        waitUntilVisible("item-dialog");
    }

    /** Types {@code json} as the item in the open editor, in {@code format} ("typed" or "plain"). */
    void writeItem(String format, String json) {
        choose("item-format", format);
        WebElement editor = find("item-json");
        editor.clear();
        // JavaScript sets the text in one go: sendKeys would let the textarea's own handling of
        // brackets and newlines get in the way, and take long for a big item.
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", editor, json);
    }

    /** Saves the item in the editor with Ctrl+Enter and waits for the page to show it. */
    void saveItemWithKeyboard() {
        andWaitForPage(() -> find("item-json").sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER)));
        wait.until(d -> !find("item-dialog").isDisplayed());
    }

    /** Clicks Save, expecting it to be refused: waits until the editor shows {@code error}. */
    void saveItemExpectingError(String error) {
        find("save-item").click();
        waitForText("item-error", error);
    }

    /** Confirms the open confirmation dialog (typing {@code typed} first when it asks for it). */
    void confirm(String typed) {
        waitUntilVisible("confirm-dialog");
        if (typed != null) {
            find("confirm-input").sendKeys(typed);
        }
        find("confirm-ok").click();
    }

    WebDriverWait waiting() {
        return wait;
    }
}
