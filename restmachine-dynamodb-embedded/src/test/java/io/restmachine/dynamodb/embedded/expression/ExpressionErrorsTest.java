package io.restmachine.dynamodb.embedded.expression;

import static io.restmachine.dynamodb.embedded.expression.Values.b;
import static io.restmachine.dynamodb.embedded.expression.Values.bool;
import static io.restmachine.dynamodb.embedded.expression.Values.l;
import static io.restmachine.dynamodb.embedded.expression.Values.m;
import static io.restmachine.dynamodb.embedded.expression.Values.n;
import static io.restmachine.dynamodb.embedded.expression.Values.nul;
import static io.restmachine.dynamodb.embedded.expression.Values.s;
import static io.restmachine.dynamodb.embedded.expression.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DynamoDB's ValidationException messages for invalid expressions, one case per rule. */
class ExpressionErrorsTest {

    private static ExpressionContext context() {
        Map<String, DynamoValue> values = new LinkedHashMap<>();
        values.put(":s", s("x"));
        values.put(":n", n("1"));
        values.put(":n2", n("2"));
        values.put(":t", s("X"));
        values.put(":ss", ss("a"));
        values.put(":l", l());
        values.put(":m", m());
        values.put(":bool", bool(true));
        values.put(":null", nul());
        values.put(":b", b(1));
        values.put(":typeS", s("S"));
        return new ExpressionContext(Map.of("#a", "a", "#b", "b"), values);
    }

    private static void parse(String kind, String expression) {
        ExpressionContext ctx = context();
        switch (kind) {
            case "condition" -> Expressions.condition(expression, ctx, "ConditionExpression");
            case "filter" -> Expressions.condition(expression, ctx, "FilterExpression");
            case "update" -> Expressions.update(expression, ctx);
            case "projection" -> Expressions.projection(expression, ctx);
            case "key" -> Expressions.keyCondition(expression, ctx, "pk", "sk");
            case "hashonly" -> Expressions.keyCondition(expression, ctx, "pk", null);
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private static void assertRejected(String kind, String expression, String message) {
        assertThatThrownBy(() -> parse(kind, expression))
                .isInstanceOfSatisfying(
                        EngineException.class, e -> assertThat(e.error().type()).isEqualTo(ErrorType.VALIDATION))
                .extracting(e -> ((EngineException) e).error().message())
                .isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // empty and syntax
                "condition | '' | Invalid ConditionExpression: The expression can not be empty;",
                "filter | '' | Invalid FilterExpression: The expression can not be empty;",
                "update | '' | Invalid UpdateExpression: The expression can not be empty;",
                "projection | '' | Invalid ProjectionExpression: The expression can not be empty;",
                "key | '' | Invalid KeyConditionExpression: The expression can not be empty;",
                "condition | a-b | 'Invalid ConditionExpression: Syntax error; token: \"-\", near: \"a-b\"'",
                "filter | a-b | 'Invalid FilterExpression: Syntax error; token: \"-\", near: \"a-b\"'",
                "update | INVALID SYNTAX HERE | 'Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"'",
                "projection | !! | 'Invalid ProjectionExpression: Syntax error; token: \"!\", near: \"!!\"'",
                "key | () | 'Invalid KeyConditionExpression: Syntax error; token: \")\", near: \"()\"'",
                "condition | a = :s AND | 'Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"'",
                "condition | a = = :s | 'Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :s\"'",
                "condition | a = b = c | 'Invalid ConditionExpression: Syntax error; token: \"=\", near: \"b = c\"'",
                "condition | a | 'Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"a\"'",
                "condition | a BETWEEN :n OR :n2 | 'Invalid ConditionExpression: Syntax error; token: \"OR\", near: \":n OR :n2\"'",
                "condition | a IN :s | 'Invalid ConditionExpression: Syntax error; token: \":s\", near: \"IN :s\"'",
                "condition | a IN () | 'Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"'",
                "condition | AND = :s | 'Invalid ConditionExpression: Syntax error; token: \"AND\", near: \"AND =\"'",
                "condition | a[x] = :s | 'Invalid ConditionExpression: Syntax error; token: \"x\", near: \"[x]\"'",
                "condition | a.[1] = :s | 'Invalid ConditionExpression: Syntax error; token: \"[\", near: \".[1\"'",
                "condition | a[1 = :s | 'Invalid ConditionExpression: Syntax error; token: \"=\", near: \"1 = :s\"'",
                "condition | a[99999999999] = :s | 'Invalid ConditionExpression: Syntax error; token: \"99999999999\", near: \"[99999999999]\"'",
                "condition | 1a = :s | 'Invalid ConditionExpression: Syntax error; token: \"1a\", near: \"1a =\"'",
                "condition | # = :s | 'Invalid ConditionExpression: Syntax error; token: \"#\", near: \"# =\"'",
                "condition | (a = :s | 'Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":s\"'",
                "condition | a = :s) | 'Invalid ConditionExpression: Syntax error; token: \")\", near: \":s)\"'",
                "condition | a = :s b = :s | 'Invalid ConditionExpression: Syntax error; token: \"b\", near: \":s b =\"'",
                "update | SET a = b + c + d | 'Invalid UpdateExpression: Syntax error; token: \"+\", near: \"c + d\"'",
                "update | SET a | 'Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"a\"'",
                "update | SET a = :s, | 'Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \",\"'",
                "update | REMOVE a = :s | 'Invalid UpdateExpression: Syntax error; token: \"=\", near: \"a = :s\"'",
                "update | ADD a b | 'Invalid UpdateExpression: Syntax error; token: \"b\", near: \"a b\"'",
                "update | SET SET = :s | 'Invalid UpdateExpression: Syntax error; token: \"SET\", near: \"SET SET =\"'",
                "update | a = :s | 'Invalid UpdateExpression: Syntax error; token: \"a\", near: \"a =\"'",
                "projection | a, | 'Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"'",
                "projection | a b | 'Invalid ProjectionExpression: Syntax error; token: \"b\", near: \"a b\"'",
                "projection | :s | 'Invalid ProjectionExpression: Syntax error; token: \":s\", near: \":s\"'",
                // placeholders and reserved words
                "condition | name = :s | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name",
                "condition | a.Size = :s | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Size",
                "update | SET name = :s | Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name",
                "projection | name, a | Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name",
                "condition | a = #x | Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x",
                "condition | a = :x | Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :x",
                "update | SET a = :x | Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :x",
                "update | SET #x = :s | Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #x",
                "update | SET a = :y, b = #x | Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #x",
                "projection | a, #x | Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #x",
                // parentheses and functions
                "condition | ((a = :s)) | Invalid ConditionExpression: The expression has redundant parentheses;",
                "condition | NOT ((a = :s)) | Invalid ConditionExpression: The expression has redundant parentheses;",
                "condition | (a = :s) AND ((b = :s)) | Invalid ConditionExpression: The expression has redundant parentheses;",
                "condition | ((a)) = :s | Invalid ConditionExpression: The expression has redundant parentheses;",
                "condition | foo(a) | Invalid ConditionExpression: Invalid function name; function: foo",
                "condition | Size(a) = :n | Invalid ConditionExpression: Invalid function name; function: Size",
                "condition | size(a) | Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size",
                "condition | a = :s AND size(a) | Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size",
                "condition | attribute_exists(a) = :s | Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists",
                "condition | begins_with(a, contains(b, :s)) | Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: contains",
                "condition | attribute_exists(a, b) | Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2",
                "condition | contains(a) | Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: contains, number of operands: 1",
                "condition | size() = :n | Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: size, number of operands: 0",
                "condition | attribute_exists(:s) | Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists",
                "condition | attribute_not_exists(:s) | Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_not_exists",
                "condition | begins_with(a, :n) | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
                "condition | begins_with(a, size(b)) | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
                "condition | attribute_type(a, :n) | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N",
                "condition | attribute_type(a, b) | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}",
                "condition | attribute_type(a, :t) | Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
                "condition | size(:n) = :n | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N",
                "condition | size(:bool) = :n | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: BOOL",
                "condition | size(size(a)) = :n | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N",
                "condition | a = a | Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]",
                "condition | a.b[1] >= #a.b[1] | Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: >=, first operand: [a, b, [1]]",
                "condition | contains(a, a) | Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [a]",
                "condition | a BETWEEN :n AND :s | Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}",
                "condition | a BETWEEN :n2 AND :n | Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}",
                // the order DynamoDB reports several problems in
                "condition | name = :s AND foo(a) | Invalid ConditionExpression: Invalid function name; function: foo",
                "condition | name = :x AND a = a | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name",
                "condition | ((a = :s)) AND foo(b) | Invalid ConditionExpression: The expression has redundant parentheses;",
                "condition | a = a AND attribute_exists(b, c) | Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2",
                "update | SET name = foo(b) | Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name",
                "update | SET a = foo(b) SET c = #x | Invalid UpdateExpression: Invalid function name; function: foo",
                // update rules
                "update | SET a = :s SET b = :s | Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
                "update | REMOVE a REMOVE b | Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;",
                "update | SET a = :s, a.b = :s | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]",
                "update | SET a = :s REMOVE a | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]",
                "update | SET a[1] = :s, a[1].b = :s | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, [1]], path two: [a, [1], b]",
                "update | SET a.b = :s, a[1] = :s | Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]",
                "update | ADD a :s | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING",
                "update | ADD a :l | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: LIST",
                "update | ADD a :bool | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: BOOLEAN",
                "update | ADD a :null | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: NULL",
                "update | ADD a :b | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: BINARY",
                "update | DELETE a :n | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER",
                "update | DELETE a :m | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: MAP",
                "update | SET a = foo(b) | Invalid UpdateExpression: Invalid function name; function: foo",
                "update | SET a = size(b) | Invalid UpdateExpression: Invalid function name; function: size",
                "update | SET a = list_append(:s, b) | Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S",
                "update | SET a = list_append(b, c, d) | Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 3",
                "update | SET a = :s + b | Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S",
                "update | SET a = b - :ss | Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: -, operand type: SS",
                "update | SET a = if_not_exists(:s, b) | Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists",
                "update | SET a = if_not_exists(b) | Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1",
                // projection rules
                "projection | a, b.c, a.d | Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, d]",
                "projection | a[0], a[0] | Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, [0]]",
                "projection | a.b, a[0] | Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]",
                // key conditions
                "key | pk = :s OR sk = :s | Invalid operator used in KeyConditionExpression: OR",
                "key | NOT pk = :s | Invalid operator used in KeyConditionExpression: NOT",
                "key | pk IN (:s) | Invalid operator used in KeyConditionExpression: IN",
                "key | pk <> :s | Invalid operator used in KeyConditionExpression: <>",
                "key | pk = :s AND attribute_exists(sk) | Invalid operator used in KeyConditionExpression: attribute_exists",
                "key | pk = :s AND attribute_not_exists(sk) | Invalid operator used in KeyConditionExpression: attribute_not_exists",
                "key | pk = :s AND attribute_type(sk, :typeS) | Invalid operator used in KeyConditionExpression: attribute_type",
                "key | pk = :s AND contains(sk, :s) | Invalid operator used in KeyConditionExpression: contains",
                "key | pk = :s AND size(sk) = :n | KeyConditionExpressions cannot contain nested operations",
                "key | pk = sk | Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
                "key | :s = :s | Invalid condition in KeyConditionExpression: No key attribute specified",
                "key | pk.x = :s | KeyConditionExpressions cannot have conditions on nested attributes",
                "key | pk = :s AND pk = :s | KeyConditionExpressions must only contain one condition per key",
                "key | :s BETWEEN pk AND :s | Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand",
                "key | begins_with(:s, pk) | Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand",
                "key | pk = :s AND sk = :s AND x = :s | Conditions can be of length 1 or 2 only",
                "key | sk = :s | Query condition missed key schema element: pk",
                "key | pk = :s AND x = :s | Query condition missed key schema element: sk",
                "key | pk < :s | Query key condition not supported",
                "key | begins_with(pk, :s) | Query key condition not supported",
                "hashonly | pk = :s AND sk = :s | Query key condition not supported",
                "key | pk = :s AND sk BETWEEN :n2 AND :n | Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}",
                "key | pk = :s AND begins_with(sk, :n) | Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
            })
    void rejectsWithDynamoDbsMessage(String kind, String expression, String message) {
        assertRejected(kind, expression, message);
    }

    @Test
    void anExpressionOver4096Utf8BytesIsTooLarge() {
        String ok = "a = :s" + " ".repeat(4096 - 6);
        Expressions.condition(ok, context(), "ConditionExpression");
        String tooLarge = "a = :s" + " ".repeat(4096 - 7) + "é";
        assertRejected(
                "filter",
                tooLarge,
                "Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 4097");
    }

    @Test
    void inAcceptsAtMost100Operands() {
        String hundred = "a IN (" + ":s, ".repeat(99) + ":s)";
        Expressions.condition(hundred, context(), "ConditionExpression");
        assertRejected(
                "condition",
                "a IN (" + ":s, ".repeat(100) + ":s)",
                "Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101");
    }

    @Test
    void anUpdateHasAtMost300OperatorsAndFunctions() {
        Expressions.update("SET a = " + nestedSums(299) + ", b = if_not_exists(b, :n)", context());
        assertRejected(
                "update",
                "SET a = " + nestedSums(300) + ", b = if_not_exists(b, :n)",
                "Invalid UpdateExpression: The expression contains too many operators; operator count: 301");
    }

    /** {@code :n+(:n+(...))} with the given number of additions. */
    private static String nestedSums(int additions) {
        return ":n+(".repeat(additions) + ":n" + ")".repeat(additions);
    }

    @Test
    void deeplyNestedExpressionsWithin4096BytesAreRejectedWithoutOverflowingTheStack() {
        assertRejected(
                "condition",
                "(".repeat(2040) + "a = :s" + ")".repeat(2040),
                "Invalid ConditionExpression: The expression has redundant parentheses;");
        assertRejected(
                "condition",
                "NOT ".repeat(1020) + "a = :s",
                "Invalid ConditionExpression: The expression contains too many operators; operator count: 1021");
        assertRejected(
                "condition",
                "(".repeat(2040) + "a" + ")".repeat(2040) + " = :s",
                "Invalid ConditionExpression: The expression has redundant parentheses;");
        assertRejected(
                "update",
                "SET a = " + "(".repeat(2040) + ":n" + ")".repeat(2040),
                "Invalid UpdateExpression: The expression has redundant parentheses;");
        assertRejected(
                "update",
                "SET a = " + nestedSums(800),
                "Invalid UpdateExpression: The expression contains too many operators; operator count: 800");
        assertRejected(
                "condition",
                "a = :s AND (".repeat(299) + "a = :s" + ")".repeat(299),
                "Invalid ConditionExpression: The expression contains too many operators; operator count: 599");
        Expressions.condition("a = :s AND (".repeat(149) + "a = :s" + ")".repeat(149), context(), "FilterExpression");
    }

    @Test
    void anExpressionHasAtMost300Operators() {
        String threeHundred = "NOT a = :s" + " AND a = :s".repeat(148) + " AND attribute_exists(b)";
        Expressions.condition(threeHundred, context(), "ConditionExpression");
        assertRejected(
                "filter",
                "a = :s" + " OR a = :s".repeat(150),
                "Invalid FilterExpression: The expression contains too many operators; operator count: 301");
    }
}
