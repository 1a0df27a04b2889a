package io.restmachine.dynamodb.embedded.expression;

import static io.restmachine.dynamodb.embedded.expression.Values.item;
import static io.restmachine.dynamodb.embedded.expression.Values.l;
import static io.restmachine.dynamodb.embedded.expression.Values.m;
import static io.restmachine.dynamodb.embedded.expression.Values.n;
import static io.restmachine.dynamodb.embedded.expression.Values.ns;
import static io.restmachine.dynamodb.embedded.expression.Values.s;
import static io.restmachine.dynamodb.embedded.expression.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How parsed update expressions change items. */
class UpdateExpressionTest {

    private static final Map<String, DynamoValue> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put(":s", s("x"));
        VALUES.put(":t", s("y"));
        VALUES.put(":one", n("1"));
        VALUES.put(":ten", n("10"));
        VALUES.put(":huge", n("9E125"));
        VALUES.put(":l", l(s("new")));
        VALUES.put(":ss", ss("b", "c"));
        VALUES.put(":ns", ns("2", "3"));
        VALUES.put(":m", m("k", s("v")));
    }

    private static final Map<String, DynamoValue> ITEM = item(
            "pk", s("p"),
            "count", n("5"),
            "label", s("old"),
            "tags", ss("a", "b"),
            "nums", ns("1", "2"),
            "seq", l(s("a"), s("b"), s("c"), s("d")),
            "doc", m("k", s("v"), "arr", l(n("1"), m("x", s("deep")))));

    private static UpdateExpression update(String expression) {
        return Expressions.update(expression, new ExpressionContext(Map.of("#c", "count"), VALUES));
    }

    private static Map<String, DynamoValue> apply(String expression) {
        return update(expression).apply(ITEM);
    }

    private static void assertFails(String expression, String message) {
        Map<String, DynamoValue> before = new LinkedHashMap<>(ITEM);
        UpdateExpression update = update(expression);
        assertThatThrownBy(() -> update.apply(ITEM))
                .isInstanceOf(EngineException.class)
                .hasMessage("ValidationException: " + message);
        assertThat(ITEM).isEqualTo(before);
    }

    @Test
    void set_addsOrReplacesTopLevelAttributes() {
        Map<String, DynamoValue> result = apply("SET label = :s, fresh = :t");
        assertThat(result).containsEntry("label", s("x")).containsEntry("fresh", s("y"));
        assertThat(ITEM).containsEntry("label", s("old")).doesNotContainKey("fresh");
    }

    @Test
    void set_writesIntoNestedMapsAndLists() {
        Map<String, DynamoValue> result = apply("SET doc.k = :s, doc.arr[1].x = :t, doc.added = :one, seq[0] = :t");
        assertThat(result.get("doc")).isEqualTo(m("k", s("x"), "arr", l(n("1"), m("x", s("y"))), "added", n("1")));
        assertThat(result.get("seq")).isEqualTo(l(s("y"), s("b"), s("c"), s("d")));
    }

    @Test
    void set_pastTheEndOfAListAppends() {
        assertThat(apply("SET seq[10] = :s").get("seq")).isEqualTo(l(s("a"), s("b"), s("c"), s("d"), s("x")));
    }

    @Test
    void set_computesEveryValueFromTheItemAsItWas() {
        Map<String, DynamoValue> result = apply("SET label = pk, pk = label");
        assertThat(result).containsEntry("label", s("p")).containsEntry("pk", s("old"));
    }

    @Test
    void set_withArithmetic() {
        assertThat(apply("SET #c = #c + :one").get("count")).isEqualTo(n("6"));
        assertThat(apply("SET #c = #c - :ten").get("count")).isEqualTo(n("-5"));
        assertThat(apply("SET tally = :ten - :one").get("tally")).isEqualTo(n("9"));
        assertThat(apply("SET tally = if_not_exists(tally, :ten) + :one").get("tally"))
                .isEqualTo(n("11"));
        assertThat(apply("SET tally = (:ten + :one)").get("tally")).isEqualTo(n("11"));
    }

    @Test
    void set_ifNotExistsKeepsAnExistingValue() {
        assertThat(apply("SET label = if_not_exists(label, :s)").get("label")).isEqualTo(s("old"));
        assertThat(apply("SET fresh = if_not_exists(fresh, :s)").get("fresh")).isEqualTo(s("x"));
        assertThat(apply("SET fresh = if_not_exists(doc.k, :s)").get("fresh")).isEqualTo(s("v"));
    }

    @Test
    void set_listAppendJoinsListsInOrder() {
        assertThat(apply("SET seq = list_append(seq, :l)").get("seq"))
                .isEqualTo(l(s("a"), s("b"), s("c"), s("d"), s("new")));
        assertThat(apply("SET seq = list_append(:l, seq)").get("seq"))
                .isEqualTo(l(s("new"), s("a"), s("b"), s("c"), s("d")));
        assertThat(apply("SET fresh = list_append(if_not_exists(fresh, :l), :l)")
                        .get("fresh"))
                .isEqualTo(l(s("new"), s("new")));
    }

    @Test
    void set_failsWhenAnOperandIsMissingOrOfTheWrongType() {
        assertFails(
                "SET label = absent", "The provided expression refers to an attribute that does not exist in the item");
        assertFails(
                "SET #c = absent + :one",
                "The provided expression refers to an attribute that does not exist in the item");
        assertFails("SET label = label + :one", "An operand in the update expression has an incorrect data type");
        assertFails("SET label = :one - label", "An operand in the update expression has an incorrect data type");
        assertFails(
                "SET seq = list_append(seq, label)", "An operand in the update expression has an incorrect data type");
        assertFails(
                "SET seq = list_append(label, seq)", "An operand in the update expression has an incorrect data type");
    }

    @Test
    void set_failsWhenTheResultLeavesDynamoDbsNumberRange() {
        assertFails(
                "SET big = :huge + :huge",
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    @Test
    void set_failsWhenTheParentOfANestedPathIsMissingOrNotADocument() {
        String invalid = "The document path provided in the update expression is invalid for update";
        assertFails("SET absent.k = :s", invalid);
        assertFails("SET doc.absent.k = :s", invalid);
        assertFails("SET label.k = :s", invalid);
        assertFails("SET label[0] = :s", invalid);
        assertFails("SET doc[0] = :s", invalid);
        assertFails("SET seq.k = :s", invalid);
        assertFails("SET seq[7].k = :s", invalid);
    }

    @Test
    void remove_deletesAttributesMapKeysAndListElements() {
        Map<String, DynamoValue> result = apply("REMOVE label, doc.k, seq[1]");
        assertThat(result).doesNotContainKey("label");
        assertThat(result.get("doc")).isEqualTo(m("arr", l(n("1"), m("x", s("deep")))));
        assertThat(result.get("seq")).isEqualTo(l(s("a"), s("c"), s("d")));
    }

    @Test
    void remove_ofSeveralListElementsRefersToTheListAsItWas() {
        assertThat(apply("REMOVE seq[0], seq[2]").get("seq")).isEqualTo(l(s("b"), s("d")));
        assertThat(apply("REMOVE seq[2], seq[0], seq[3]").get("seq")).isEqualTo(l(s("b")));
    }

    @Test
    void remove_ofAnAbsentPathChangesNothing() {
        assertThat(apply("REMOVE absent, doc.absent, seq[9]")).isEqualTo(ITEM);
    }

    @Test
    void remove_failsWhenTheParentIsMissing() {
        assertFails("REMOVE absent.k", "The document path provided in the update expression is invalid for update");
        assertFails("REMOVE label.k", "The document path provided in the update expression is invalid for update");
    }

    @Test
    void add_toNumbersAndSets() {
        assertThat(apply("ADD #c :ten").get("count")).isEqualTo(n("15"));
        assertThat(apply("ADD fresh :ten").get("fresh")).isEqualTo(n("10"));
        assertThat(apply("ADD tags :ss").get("tags")).isEqualTo(ss("a", "b", "c"));
        assertThat(apply("ADD nums :ns").get("nums")).isEqualTo(ns("1", "2", "3"));
        assertThat(apply("ADD fresh :ss").get("fresh")).isEqualTo(ss("b", "c"));
        assertThat(apply("ADD doc.n :one").get("doc"))
                .isEqualTo(m("k", s("v"), "arr", l(n("1"), m("x", s("deep"))), "n", n("1")));
    }

    @Test
    void add_failsOnAnAttributeOfAnotherType() {
        assertFails("ADD label :one", "An operand in the update expression has an incorrect data type");
        assertFails("ADD tags :ns", "An operand in the update expression has an incorrect data type");
        assertFails("ADD #c :ss", "An operand in the update expression has an incorrect data type");
    }

    @Test
    void delete_removesSetElementsAndTheAttributeWhenNoneAreLeft() {
        assertThat(apply("DELETE tags :ss").get("tags")).isEqualTo(ss("a"));
        assertThat(apply("DELETE nums :ns").get("nums")).isEqualTo(ns("1"));
        Map<String, DynamoValue> emptied = update("DELETE tags :ss").apply(item("tags", ss("b", "c")));
        assertThat(emptied).doesNotContainKey("tags");
        assertThat(apply("DELETE absent :ss")).isEqualTo(ITEM);
    }

    @Test
    void delete_failsOnAnAttributeOfAnotherType() {
        assertFails("DELETE label :ss", "An operand in the update expression has an incorrect data type");
        assertFails("DELETE nums :ss", "An operand in the update expression has an incorrect data type");
    }

    @Test
    void sectionsCombineInAnyOrderAndLetterCase() {
        Map<String, DynamoValue> result = apply("remove label add #c :one Set fresh = :s DELETE tags :ss");
        assertThat(result)
                .doesNotContainKey("label")
                .containsEntry("count", n("6"))
                .containsEntry("fresh", s("x"))
                .containsEntry("tags", ss("a"));
    }

    @Test
    void topLevelAttributes_areTheHeadsOfEveryPath() {
        assertThat(update("SET doc.k = :s, #c = :one REMOVE seq[0] ADD fresh :one DELETE tags :ss")
                        .topLevelAttributes())
                .containsExactly("doc", "count", "seq", "fresh", "tags");
    }

    @Test
    void anUpdateCanBeAppliedToManyItems() {
        UpdateExpression increment = update("ADD #c :one");
        assertThat(increment.apply(item("count", n("1"))).get("count")).isEqualTo(n("2"));
        assertThat(increment.apply(item()).get("count")).isEqualTo(n("1"));
    }

    @Test
    void updatedPaths_projectTheNamedPathsWhetherOrNotTheyChanged() {
        UpdateExpression update = update("SET label = label, doc.arr[1].x = :s REMOVE seq[2], absent");

        assertThat(update.updatedPaths().apply(ITEM))
                .containsExactly(
                        Map.entry("label", s("old")),
                        Map.entry("doc", m("arr", l(m("x", s("deep"))))),
                        Map.entry("seq", l(s("c"))));
        assertThat(update.updatedPaths().apply(update.apply(ITEM)))
                .containsExactly(
                        Map.entry("label", s("old")),
                        Map.entry("doc", m("arr", l(m("x", s("x"))))),
                        Map.entry("seq", l(s("d"))));
    }

    @Test
    void updatedPaths_ofAddToANewAttribute_selectNothingBeforeAndTheNewValueAfter() {
        UpdateExpression update = update("ADD fresh :one");

        assertThat(update.updatedPaths().apply(ITEM)).isEmpty();
        assertThat(update.updatedPaths().apply(update.apply(ITEM))).containsExactly(Map.entry("fresh", n("1")));
    }

    @Test
    void onlyRemoves_holdsForRemoveAndDeleteSectionsAlone() {
        assertThat(update("REMOVE label, doc.k").onlyRemoves()).isTrue();
        assertThat(update("REMOVE label DELETE tags :ss").onlyRemoves()).isTrue();
        assertThat(update("REMOVE label SET fresh = :s").onlyRemoves()).isFalse();
        assertThat(update("ADD #c :one").onlyRemoves()).isFalse();
    }
}
