package io.restmachine.orm.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restmachine.dynamodb.embedded.ServerHandle;
import io.restmachine.dynamodb.embedded.ServerOptions;
import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The web console in headless Chromium against the engine's HTTP server (what {@code
 * restmachine-orm serve} runs): tables, items of two entity types, pages, queries, edits, deletes
 * and the errors of a bad item, each checked afterwards through the AWS SDK, so that what the page
 * shows and what the server stores agree.
 */
class ConsoleBrowserTest {
    @RegisterExtension
    static final PeerCheck CHROMIUM = Chromium.CHECK;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path profile;

    private static ConsoleSession session;
    private static ConsolePage page;
    private static DynamoDbClient client;
    private static ServerHandle server;

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> session == null ? null : page.driver());

    @BeforeAll
    static void start() {
        session = ConsoleSession.start(ServerOptions.port(0), "test", "test", profile);
        page = session.page;
        client = session.client;
        server = session.server;
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void createTable_throughTheForm_withAnIndexAndProvisionedBilling() {
        page.open(server.endpoint(), "");
        page.find("new-table").click();
        page.waitUntilVisible("table-dialog");
        page.type("ct-name", "created-in-browser");
        page.choose("ct-billing", "PROVISIONED");
        page.type("ct-rcu", "3");
        page.type("ct-wcu", "4");
        page.find("ct-add-gsi").click();
        WebElement index = page.all("#ct-gsis .index-row").get(0);
        index.findElement(By.className("ix-name")).sendKeys("by-email");
        index.findElement(By.className("ix-pk")).sendKeys("email");
        page.find("ct-name").sendKeys(Keys.ENTER); // Enter submits the form

        page.waitForText("table-name", "created-in-browser");
        page.find("tab-overview").click();
        page.waitUntilVisible("overview-panel");

        assertThat(page.find("table-facts").getText()).contains("pk (S)", "sk (S)", "3 read, 4 write units");
        assertThat(page.find("index-table").getText()).contains("by-email", "global", "email (S)");
        TableDescription table =
                client.describeTable(b -> b.tableName("created-in-browser")).table();
        assertThat(table.keySchema())
                .extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("pk:HASH", "sk:RANGE");
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo("by-email");
            assertThat(gsi.keySchema().get(0).attributeName()).isEqualTo("email");
        });
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(3L);
    }

    @Test
    void putItems_ofTwoEntityTypes_areStoredAndShownGroupedByType() {
        createTable("two-types");
        page.open(server.endpoint(), "");
        page.openTable("two-types");

        page.find("new-item").click();
        page.waitUntilVisible("item-dialog");
        page.writeItem(
                "plain", "{\"pk\": \"USER#ann\", \"sk\": \"PROFILE\", \"entity_type\": \"User\", \"name\": \"Ann\"}");
        page.saveItemWithKeyboard();
        page.find("new-item").click();
        page.writeItem(
                "typed",
                "{\"pk\": {\"S\": \"USER#ann\"}, \"sk\": {\"S\": \"ORDER#1\"}, \"entity_type\": {\"S\": \"Order\"},"
                        + " \"total\": {\"N\": \"12.50\"}}");
        page.saveItemWithKeyboard();

        assertThat(page.all("section.entity-group"))
                .extracting(g -> g.getAttribute("data-entity-type"))
                .containsExactlyInAnyOrder("User", "Order");
        assertThat(page.find("results").getText()).contains("Ann", "12.5");
        Map<String, AttributeValue> order = client.getItem(
                        b -> b.tableName("two-types").key(key("USER#ann", "ORDER#1")))
                .item();
        assertThat(order)
                .containsEntry("total", AttributeValue.fromN("12.5"))
                .containsEntry("entity_type", AttributeValue.fromS("Order"));
        assertThat(client.getItem(b -> b.tableName("two-types").key(key("USER#ann", "PROFILE")))
                        .item())
                .containsEntry("name", AttributeValue.fromS("Ann"));
    }

    @Test
    void browse_pagesThroughATable_withItsCursor_andShowsPlainAndTypedJson() throws Exception {
        createTable("browsed");
        for (int i = 0; i < 60; i++) {
            int n = i;
            client.putItem(b -> b.tableName("browsed")
                    .item(Map.of(
                            "pk", AttributeValue.fromS("P#" + n),
                            "sk", AttributeValue.fromS("ITEM"),
                            "entity_type", AttributeValue.fromS(n % 2 == 0 ? "Even" : "Odd"),
                            "n", AttributeValue.fromN(Integer.toString(n)))));
        }
        page.open(server.endpoint(), "");
        page.openTable("browsed");
        page.choose("page-size", "25");
        page.andWaitForPage(() -> page.find("run-read").click());

        List<String> first = page.rowKeys();
        page.andWaitForPage(() -> page.find("next-page").click());
        List<String> second = page.rowKeys();
        page.andWaitForPage(() -> page.find("next-page").click());
        List<String> third = page.rowKeys();

        assertThat(first).hasSize(25);
        assertThat(second).hasSize(25);
        assertThat(third).hasSize(10);
        assertThat(page.find("next-page").isEnabled()).isFalse();
        Set<String> seen = new HashSet<>(first);
        seen.addAll(second);
        seen.addAll(third);
        assertThat(seen).as("every item once, none twice").hasSize(60);

        page.andWaitForPage(() -> page.find("prev-page").click());
        assertThat(page.rowKeys()).isEqualTo(second);

        page.choose("result-format", "plain");
        JsonNode plain = JSON.readTree(page.find("results-json").getText());
        assertThat(plain).hasSize(25);
        assertThat(plain.get(0).get("n").isNumber()).isTrue();
        page.choose("result-format", "typed");
        JsonNode typed = JSON.readTree(page.find("results-json").getText());
        assertThat(typed.get(0).get("n").get("N").isTextual()).isTrue();
        page.choose("result-format", "table");
    }

    @Test
    void query_withSortKeyConditionDescendingAndFilter_thenAnIndex_thenThePartition() {
        client.createTable(b -> b.tableName("queried")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                        .keyType(KeyType.RANGE))
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("email").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(g -> g.indexName("by-email")
                        .keySchema(k -> k.attributeName("email").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        put("queried", "USER#alice", "PROFILE", "User", Map.of("email", AttributeValue.fromS("alice@example.com")));
        put("queried", "USER#alice", "ORDER#1", "Order", Map.of("total", AttributeValue.fromN("5")));
        put("queried", "USER#alice", "ORDER#2", "Order", Map.of("total", AttributeValue.fromN("50")));
        put("queried", "USER#alice", "ORDER#3", "Order", Map.of("total", AttributeValue.fromN("20")));
        put("queried", "USER#bob", "ORDER#9", "Order", Map.of("total", AttributeValue.fromN("99")));
        page.open(server.endpoint(), "");
        page.openTable("queried");

        page.choose("read-mode", "query");
        page.type("query-pk", "USER#alice");
        page.choose("query-sk-op", "begins_with");
        page.type("query-sk", "ORDER#");
        page.find("query-desc").click();
        WebElement filter = page.all("#filters .filter-row").get(0);
        filter.findElement(By.className("f-attr")).sendKeys("total");
        new Select(filter.findElement(By.className("f-op"))).selectByValue(">");
        filter.findElement(By.className("f-value")).sendKeys("10");
        new Select(filter.findElement(By.className("f-type"))).selectByValue("N");
        page.andWaitForPage(() -> page.find("query-pk").sendKeys(Keys.ENTER));

        assertThat(page.rowKeys()).containsExactly(keyJson("USER#alice", "ORDER#3"), keyJson("USER#alice", "ORDER#2"));

        page.choose("read-index", "by-email");
        page.type("query-pk", "alice@example.com");
        page.find("filters").findElement(By.className("f-remove")).click();
        page.andWaitForPage(() -> page.find("run-read").click());
        assertThat(page.rowKeys()).containsExactly(keyJson("USER#alice", "PROFILE"));

        page.andWaitForPage(() -> page.all("button.show-partition").get(0).click());
        assertThat(page.find("results")
                        .findElement(By.className("collection-caption"))
                        .getText())
                .contains("USER#alice", "User", "Order");
        assertThat(page.rowKeys())
                .as("the whole collection, every type, in sort-key order")
                .containsExactly(
                        keyJson("USER#alice", "ORDER#1"),
                        keyJson("USER#alice", "ORDER#2"),
                        keyJson("USER#alice", "ORDER#3"),
                        keyJson("USER#alice", "PROFILE"));
    }

    @Test
    void edit_changesTheItem_aNewKeyMovesIt_andDeleteRemovesIt() {
        createTable("edited");
        put("edited", "A", "B", "Thing", Map.of("n", AttributeValue.fromN("1")));
        page.open(server.endpoint(), "");
        page.openTable("edited");

        page.editItem(0);
        assertThat(page.find("item-json").getAttribute("value")).contains("\"N\": \"1\"");
        page.writeItem(
                "typed",
                "{\"pk\": {\"S\": \"A\"}, \"sk\": {\"S\": \"B\"}, \"entity_type\": {\"S\": \"Thing\"},"
                        + " \"n\": {\"N\": \"2\"}, \"note\": {\"S\": \"edited\"}}");
        page.saveItemWithKeyboard();
        assertThat(client.getItem(b -> b.tableName("edited").key(key("A", "B"))).item())
                .containsEntry("n", AttributeValue.fromN("2"))
                .containsEntry("note", AttributeValue.fromS("edited"));

        page.editItem(0);
        page.writeItem("plain", "{\"pk\": \"A\", \"sk\": \"C\", \"entity_type\": \"Thing\", \"n\": 3}");
        page.saveItemWithKeyboard();
        assertThat(client.getItem(b -> b.tableName("edited").key(key("A", "B"))).item())
                .as("the old key is gone")
                .isEmpty();
        assertThat(client.getItem(b -> b.tableName("edited").key(key("A", "C"))).item())
                .containsEntry("n", AttributeValue.fromN("3"));

        page.editItem(0);
        page.find("delete-item").click();
        page.andWaitForPage(() -> page.confirm(null));
        assertThat(client.scan(b -> b.tableName("edited")).count()).isZero();
        assertThat(page.find("results").getText()).contains("No items on this page.");
    }

    @Test
    void aBadItem_showsItsErrorsInline_andWritesNothing() {
        createTable("bad-items");
        page.open(server.endpoint(), "");
        page.openTable("bad-items");
        page.find("new-item").click();
        page.waitUntilVisible("item-dialog");

        page.writeItem("typed", "{\"pk\": {\"S\": \"A\"}, ");
        page.saveItemExpectingError("Not valid JSON");
        page.writeItem("typed", "{\"pk\": {\"S\": \"A\"}, \"sk\": {\"S\": \"B\"}, \"name\": \"Ann\"}");
        page.saveItemExpectingError("attribute name: expected a typed value");
        page.writeItem("typed", "{\"pk\": {\"S\": \"A\"}}");
        page.saveItemExpectingError("ValidationException");
        assertThat(page.find("item-error").getText()).contains("key");
        page.writeItem("typed", "{\"pk\": {\"S\": \"A\"}, \"sk\": {\"S\": \"B\"}, \"n\": {\"N\": \"twelve\"}}");
        page.saveItemExpectingError("ValidationException");

        assertThat(page.find("item-dialog").isDisplayed())
                .as("the editor stays open with the item")
                .isTrue();
        assertThat(client.scan(b -> b.tableName("bad-items")).count()).isZero();
        page.find("item-dialog").findElement(By.className("close-dialog")).click();
    }

    @Test
    void deleteTable_needsItsNameTyped() {
        createTable("doomed");
        page.open(server.endpoint(), "");
        page.openTable("doomed");
        page.find("tab-overview").click();
        page.find("delete-table").click();
        page.waitUntilVisible("confirm-dialog");
        assertThat(page.find("confirm-ok").isEnabled()).isFalse();
        page.find("confirm-input").sendKeys("doome");
        assertThat(page.find("confirm-ok").isEnabled())
                .as("a wrong name does not confirm")
                .isFalse();

        page.find("confirm-input").sendKeys("d");
        page.find("confirm-ok").click();

        page.waitForText("status", "Deleted table doomed");
        assertThat(page.all(".table-link[data-table='doomed']")).isEmpty();
        assertThat(client.listTables().tableNames()).doesNotContain("doomed");
    }

    private static void createTable(String name) {
        client.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                        .keyType(KeyType.RANGE))
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S)));
    }

    private static void put(String table, String pk, String sk, String type, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(pk, sk));
        item.put("entity_type", AttributeValue.fromS(type));
        item.putAll(more);
        client.putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    /** A row's key as the page writes it in {@code data-key}. */
    private static String keyJson(String pk, String sk) {
        return "{\"pk\":\"" + pk + "\",\"sk\":\"" + sk + "\"}";
    }
}
