package io.restmachine.orm.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.ServerHandle;
import io.restmachine.dynamodb.embedded.ServerOptions;
import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What the docs show of the console, made on demand (never in an ordinary build): the README's
 * screenshot, and the figures of docs/console.md for a table of 10,000 items.
 *
 * <pre>
 * mvn -B -ntp -q verify -pl restmachine-orm-cli -am -Dtest=ConsoleDocsTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Drestmachine.console.screenshot=$PWD/docs/console.png        # the screenshot
 *     -Drestmachine.console.measure=true                            # the 10,000-item figures, printed
 * </pre>
 */
class ConsoleDocsTest {
    @RegisterExtension
    static final PeerCheck CHROMIUM = Chromium.CHECK;

    @TempDir
    Path profile;

    private ConsoleSession session;
    private ServerHandle server;
    private DynamoDbClient client;
    private WebDriver driver;
    private ConsolePage page;

    @BeforeEach
    void start() {
        session = ConsoleSession.start(ServerOptions.port(0), "test", "test", profile);
        server = session.server;
        client = session.client;
        page = session.page;
        driver = page.driver();
    }

    @AfterEach
    void stop() {
        session.close();
    }

    @Test
    @EnabledIfSystemProperty(named = "restmachine.console.screenshot", matches = ".+")
    void screenshot() throws IOException {
        createAppTable();
        String[][] users = {{"alice", "Alice Liddell"}, {"bob", "Bob Marley"}, {"carol", "Carol Shaw"}};
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (String[] user : users) {
            items.add(item(
                    "USER#" + user[0], "PROFILE", "User", "name", s(user[1]), "email", s(user[0] + "@example.com")));
            for (int i = 1; i <= 2; i++) {
                items.add(item(
                        "USER#" + user[0],
                        "ORDER#2026-11-0" + i,
                        "Order",
                        "total",
                        AttributeValue.fromN(i * 17 + ".50"),
                        "status",
                        s(i == 1 ? "SHIPPED" : "NEW")));
            }
            items.add(item(
                    "USER#" + user[0],
                    "TODO#1",
                    "TodoItem",
                    "title",
                    s("Renew the passport"),
                    "done",
                    AttributeValue.fromBool(false)));
        }
        write(items);

        driver.manage().window().setSize(new Dimension(1366, 900));
        page.open(server.endpoint(), "");
        page.openTable("app");
        Path target = Path.of(System.getProperty("restmachine.console.screenshot"));
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        System.out.println("console screenshot written to " + target.toAbsolutePath());
    }

    @Test
    @EnabledIfSystemProperty(named = "restmachine.console.measure", matches = "true")
    void tenThousandItems() {
        createAppTable();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int user = 0; user < 1000; user++) {
            String pk = "USER#" + String.format(Locale.ROOT, "%04d", user);
            items.add(item(pk, "PROFILE", "User", "name", s("User " + user), "email", s("u" + user + "@example.com")));
            for (int order = 0; order < 9; order++) {
                items.add(item(
                        pk,
                        "ORDER#" + order,
                        "Order",
                        "total",
                        AttributeValue.fromN(order + ".25"),
                        "status",
                        s("NEW")));
            }
        }
        write(items);
        page.open(server.endpoint(), "");
        page.openTable("app");

        List<String> lines = new ArrayList<>();
        for (String size : List.of("50", "200")) {
            page.choose("page-size", size);
            double first = timed("run-read");
            double total = 0;
            double calls = callMillis();
            int pages = 1;
            while (page.find("next-page").isEnabled()) {
                total += timed("next-page");
                calls += callMillis();
                pages++;
            }
            // DynamoDB ends a read that stopped exactly at its Limit with a LastEvaluatedKey, so the
            // last page may be an empty one.
            assertThat(pages).isBetween(10_000 / Integer.parseInt(size), 10_000 / Integer.parseInt(size) + 1);
            lines.add(String.format(
                    Locale.ROOT,
                    "scan, %s items a page: first page %.0f ms; all %d pages %.0f ms (%.1f ms a page, of which"
                            + " %.1f ms the API call)",
                    size,
                    first,
                    pages,
                    first + total,
                    (first + total) / pages,
                    calls / pages));
        }
        page.choose("read-mode", "query");
        page.type("query-pk", "USER#0500");
        double query = timed("run-read");
        assertThat(page.rowKeys()).hasSize(10);
        lines.add(String.format(Locale.ROOT, "query of one partition (10 items): %.0f ms", query));
        lines.forEach(line -> System.out.println("console, 10,000 items: " + line));
    }

    /**
     * Clicks {@code button} and returns the milliseconds, measured in the page, until the next page
     * of items is in the document and laid out.
     */
    private double timed(String button) {
        Object millis = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        """
                const done = arguments[arguments.length - 1];
                const before = Number(document.body.dataset.pagesShown || 0);
                const started = performance.now();
                const observer = new MutationObserver(() => {
                  if (Number(document.body.dataset.pagesShown || 0) > before) {
                    observer.disconnect();
                    void document.body.offsetHeight; // lay the page out before stopping the clock
                    done(performance.now() - started);
                  }
                });
                observer.observe(document.body, { attributes: true, attributeFilter: ['data-pages-shown'] });
                document.getElementById(arguments[0]).click();
                """,
                        button);
        return ((Number) millis).doubleValue();
    }

    /** The milliseconds the page's last API call took, as its page line says ("... (12 ms)"). */
    private double callMillis() {
        String info = page.find("page-info").getText();
        return Double.parseDouble(info.substring(info.lastIndexOf('(') + 1, info.lastIndexOf(" ms)")));
    }

    private void createAppTable() {
        client.createTable(b -> b.tableName("app")
                .billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk")
                        .keyType("RANGE"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk")
                        .attributeType("S")));
    }

    private void write(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> chunk = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item -> WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(item).build())
                            .build())
                    .toList();
            client.batchWriteItem(b -> b.requestItems(Map.of("app", chunk)));
        }
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String type, Object... more) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(pk));
        item.put("sk", s(sk));
        item.put("entity_type", s(type));
        for (int i = 0; i < more.length; i += 2) {
            item.put((String) more[i], (AttributeValue) more[i + 1]);
        }
        return item;
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }
}
