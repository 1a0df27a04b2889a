package io.restmachine.dynamodb.embedded.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.Numbers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser on its own: what each statement reads as, and DynamoDB's message for what it refuses. */
class PartiqlParserTest {
    private static final DynamoValue.S A = new DynamoValue.S("a");

    private static Statement parse(String text, DynamoValue... parameters) {
        return Partiql.parse(text, List.of(parameters));
    }

    @Test
    void parameters_areBoundInOrder_andTooFewIsAnError_butTooManyIsAccepted() {
        Statement.Select select =
                (Statement.Select) parse("SELECT * FROM t WHERE pk = ? AND n > ?", A, Numbers.parse("1"));
        assertThat(Partiql.conjuncts(select.where()))
                .containsExactly(
                        new Node.Compare("=", new Node.Path(List.of("pk")), new Node.Literal(A)),
                        new Node.Compare(">", new Node.Path(List.of("n")), new Node.Literal(Numbers.parse("1"))));
        assertThatThrownBy(() -> parse("SELECT * FROM t WHERE pk = ? AND n > ?", A))
                .isInstanceOf(EngineException.class)
                .hasMessageEndingWith("Number of parameters in request and statement don't match.");
        assertThat(parse("SELECT * FROM t WHERE pk = ?", A, A)).isInstanceOf(Statement.Select.class);
    }

    @Test
    void andBindsTighterThanOr_andNotTighterThanAnd() {
        Statement.Select select = (Statement.Select) parse("SELECT * FROM t WHERE a = 1 OR NOT b = 2 AND c = 3");
        assertThat(select.where()).isInstanceOf(Node.Or.class);
        Node.Or or = (Node.Or) select.where();
        assertThat(or.right()).isInstanceOf(Node.And.class);
        assertThat(((Node.And) or.right()).left()).isInstanceOf(Node.Not.class);
    }

    @Test
    void paths_literalsAndIndexes_read() {
        Statement.Select select = (Statement.Select) parse("SELECT a.\"b c\"[2].d FROM \"t\".\"i\"");
        assertThat(select.index()).isEqualTo("i");
        assertThat(select.projection()).containsExactly(new Node.Path(List.of("a", "b c", 2, "d")));
        Statement.Insert insert = (Statement.Insert)
                parse("INSERT INTO t VALUE {'pk': 'x', 'n': -1.5e2, 'l': [TRUE, NULL], 'ns': <<1, 2>>, 'm': {}}");
        assertThat(insert.item().get("n")).isEqualTo(Numbers.parse("-150"));
        assertThat(insert.item().get("l"))
                .isEqualTo(new DynamoValue.L(List.of(new DynamoValue.Bool(true), new DynamoValue.Null())));
        assertThat(insert.item().get("ns")).isInstanceOf(DynamoValue.NS.class);
        assertThat(insert.item().get("m")).isEqualTo(new DynamoValue.M(Map.of()));
    }

    @Test
    void update_readsSetRemoveAndReturning() {
        Statement.Update update = (Statement.Update)
                parse("UPDATE t SET a = a + 1, b = 'x' REMOVE c WHERE pk = 'k' RETURNING MODIFIED NEW *");
        assertThat(update.assignments()).hasSize(3);
        assertThat(update.assignments().get(2).value()).isNull();
        assertThat(update.returning()).isEqualTo(Statement.Returning.MODIFIED_NEW);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "DROP TABLE t|Statement wasn't well formed, can't be processed: Expected data manipulation",
                "SELECT * FROM t WHERE|Statement wasn't well formed, can't be processed: Unexpected end of statement",
                "SELECT * FROM t; SELECT * FROM t|Statement wasn't well formed, can't be processed: Unexpected keyword",
                "SELECT * FROM t WHERE a = 'open|Statement wasn't well formed, can't be processed: Unclosed quote",
                "SELECT * FROM t, u|Only select from a single table or index is supported.",
                "SELECT * FROM t x|Aliasing is not supported",
                "SELECT a, a FROM t|Duplicate identifiers in select clause: a",
                "SELECT * FROM t ORDER BY pk|Unsupported clause: ORDER",
                "INSERT INTO t VALUE {'pk': 'a'} RETURNING ALL OLD *|RETURNING is not supported in INSERT",
                "INSERT INTO t VALUE 'a'|Unsupported format in item expression.",
                "INSERT INTO t VALUE {'s': <<>>}|Empty bags are not supported",
                "INSERT INTO t VALUE {'s': <<'a', 1>>}|Unsupported data type in Bag.",
                "INSERT INTO t VALUE {'s': <<'a', 'a'>>}|Input collection contains duplicates",
                "DELETE FROM t WHERE pk = 'a' RETURNING ALL NEW *|Invalid returning clause: RETURNING ALL NEW *.",
                "DELETE FROM t|Where clause does not contain a mandatory equality on all key attributes",
                "SELECT * FROM t WHERE a IS DATE|Unsupported data type for IS operator: DATE.",
                "SELECT * FROM t WHERE a[*] = 1|Wildcard path component like a[*].b are not supported",
            })
    void refusals_useDynamoDbsMessages(String statement, String message) {
        assertThatThrownBy(() -> parse(statement))
                .isInstanceOf(EngineException.class)
                .extracting(e -> ((EngineException) e).error().message())
                .asString()
                .startsWith(message);
    }

    @Test
    void conditionsAndUpdates_runOnTheExpressionEvaluator() {
        Statement.Select select = (Statement.Select)
                parse("SELECT * FROM t WHERE begins_with(s, 'ab') AND size(l) BETWEEN 1 AND 2 AND n IS NOT MISSING");
        var condition = Partiql.condition(select.where());
        Map<String, DynamoValue> item = Map.of(
                "s", new DynamoValue.S("abc"),
                "l", new DynamoValue.L(List.of(A)),
                "n", Numbers.parse("1"));
        assertThat(condition.test(item)).isTrue();
        assertThat(condition.test(Map.of("s", new DynamoValue.S("abc")))).isFalse();
        Statement.Update update =
                (Statement.Update) parse("UPDATE t SET n = n + 2 SET s = set_delete(s, <<'a'>>) WHERE pk = 'k'");
        Map<String, DynamoValue> updated = Partiql.update(update.assignments())
                .apply(Map.of("n", Numbers.parse("1"), "s", new DynamoValue.SS(java.util.Set.of("a", "b"))));
        assertThat(updated.get("n")).isEqualTo(Numbers.parse("3"));
        assertThat(updated.get("s")).isEqualTo(new DynamoValue.SS(java.util.Set.of("b")));
    }

    @Test
    void notEqual_isFalseForAMissingAttribute_asInPartiql() {
        Statement.Select select = (Statement.Select) parse("SELECT * FROM t WHERE a <> 1");
        assertThat(Partiql.condition(select.where()).test(Map.of())).isFalse();
        assertThat(Partiql.condition(select.where()).test(Map.of("a", Numbers.parse("2"))))
                .isTrue();
    }
}
