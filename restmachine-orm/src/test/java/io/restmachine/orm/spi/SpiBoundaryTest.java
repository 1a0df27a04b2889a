package io.restmachine.orm.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The spi holds the store contract and its value types only: none of its sources imports the
 * core's internal packages (the facade that wires them, {@code Orm}, lives in {@code
 * io.restmachine.orm}); and an item crosses it as a {@link StoreItem}, never as a {@code Map} whose
 * class decides how it is read.
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

    /** Every item in the contract (arguments, results, records, exceptions) is a StoreItem. */
    @Test
    void everyItemInTheContract_isAStoreItem() throws NoSuchMethodException {
        assertThat(Store.class.getMethod("put", StoreItem.class, Expr.class)).isNotNull();
        assertThat(returned(Store.class.getMethod("get", Map.class, boolean.class, Expr.class)))
                .isEqualTo("java.util.Optional<io.restmachine.orm.spi.StoreItem>");
        assertThat(Store.class
                        .getMethod("update", Map.class, Expr.class, Expr.class)
                        .getReturnType())
                .isEqualTo(StoreItem.class);
        assertThat(returned(Store.class.getMethod("delete", Map.class, Expr.class)))
                .isEqualTo("java.util.Optional<io.restmachine.orm.spi.StoreItem>");
        assertThat(returned(Store.class.getMethod("batchGet", List.class, boolean.class, Expr.class)))
                .isEqualTo("java.util.List<io.restmachine.orm.spi.StoreItem>");
        assertThat(returned(Store.class.getMethod("transactGet", List.class)))
                .isEqualTo("java.util.List<java.util.Optional<io.restmachine.orm.spi.StoreItem>>");
        assertThat(component(ReadPage.class, "items")).isEqualTo("java.util.List<io.restmachine.orm.spi.StoreItem>");
        assertThat(component(BatchWrite.Put.class, "item")).isEqualTo(StoreItem.class.getName());
        assertThat(component(TxWrite.Put.class, "item")).isEqualTo(StoreItem.class.getName());
        assertThat(component(BatchWriteOutcome.Refused.class, "existingItem")).isEqualTo(StoreItem.class.getName());
        assertThat(component(BatchWriteOutcome.class, "newItems"))
                .isEqualTo("java.util.Map<java.lang.Integer, io.restmachine.orm.spi.StoreItem>");
        assertThat(component(TransactionCanceledByStoreException.Reason.class, "item"))
                .isEqualTo(StoreItem.class.getName());
        assertThat(WriteRejectedByStoreException.class.getMethod("existingItem").getReturnType())
                .isEqualTo(StoreItem.class);
    }

    /**
     * No main source of the core or a backend decides how to read an item by the class of a map:
     * no {@code instanceof} names a map class declared in these sources (such as the writer's
     * {@code ItemMap}), and the former view class, {@code FormattedItem}, is gone.
     */
    @Test
    void noMainSource_dispatchesOnTheClassOfAMap() throws IOException {
        Map<Path, String> sources = new java.util.TreeMap<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../restmachine-orm-dynamodb/src/main/java"))) {
            assertThat(Files.isDirectory(root))
                    .as("sources at %s", root.toAbsolutePath())
                    .isTrue();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path source :
                        files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    sources.put(source, Files.readString(source));
                }
            }
        }
        List<String> mapClasses = new ArrayList<>(List.of("FormattedItem"));
        for (String text : sources.values()) {
            Matcher declared = MAP_CLASS.matcher(text);
            while (declared.find()) {
                mapClasses.add(declared.group(1));
            }
        }
        Pattern dispatch = dispatchOn(mapClasses);

        List<String> offending = new ArrayList<>();
        sources.forEach((source, text) -> {
            Matcher m = dispatch.matcher(text);
            while (m.find()) {
                offending.add(source.getFileName() + ": " + m.group());
            }
        });

        assertThat(mapClasses).as("map classes declared in main sources").contains("ItemMap");
        assertThat(offending).as("Map-identity dispatch in main sources").isEmpty();
    }

    @Test
    void theDispatchCheck_findsWhatItLooksFor() {
        Pattern dispatch = dispatchOn(List.of("FormattedItem", "ItemMap"));
        assertThat(dispatch.matcher("if (item instanceof FormattedItem<?> f) {").find())
                .isTrue();
        assertThat(dispatch.matcher("return values instanceof ItemMap<?> m ? m : copy;")
                        .find())
                .isTrue();
        assertThat(dispatch.matcher("return FormattedItem.of(values, format);").find())
                .isTrue();
        assertThat(dispatch.matcher("if (r instanceof StoreItem item) {").find())
                .isFalse();
        assertThat(dispatch.matcher("if (value instanceof Map<?, ?>) {").find()).isFalse();
        Matcher declared = MAP_CLASS.matcher("final class ItemMap<V> extends AbstractMap<String, V> {");
        assertThat(declared.find()).isTrue();
        assertThat(declared.group(1)).isEqualTo("ItemMap");
    }

    private static final Pattern MAP_CLASS =
            Pattern.compile("class\\s+(\\w+)(?:<[^>]*>)?\\s+(?:extends\\s+\\w*Map\\b|implements\\s+[^{]*\\bMap<)");

    private static Pattern dispatchOn(List<String> mapClasses) {
        String names = String.join("|", mapClasses);
        return Pattern.compile("instanceof\\s+(?:" + names + ")\\b|\\bFormattedItem\\b");
    }

    private static String returned(Method method) {
        return method.getGenericReturnType().getTypeName();
    }

    private static String component(Class<?> record, String name) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c.getGenericType().getTypeName();
            }
        }
        throw new AssertionError(record.getSimpleName() + " has no component " + name);
    }
}
