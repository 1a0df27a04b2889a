package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.protocol.Shape.Constraint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short factories for declaring request shapes, and the member shapes many actions share. */
public final class Shapes {
    private Shapes() {}

    public static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";

    public static Constraint notNull() {
        return new Constraint.NotNull();
    }

    public static Constraint required() {
        return new Constraint.Required(null, false);
    }

    /**
     * Required, with DynamoDB's own sentence for this member instead of the usual one; when
     * {@code orEmpty}, an empty map or list gets the same sentence.
     */
    public static Constraint required(String message, boolean orEmpty) {
        return new Constraint.Required(message, orEmpty);
    }

    /** {@code constraint} in the wording of DynamoDB's newer validation ("Value at 'Limit' ..."). */
    public static Constraint reworded(Constraint constraint) {
        return new Constraint.Reworded(constraint);
    }

    public static Constraint tableNameLength() {
        return new Constraint.TableNameLength();
    }

    public static Constraint min(long value) {
        return new Constraint.Min(value);
    }

    public static Constraint max(long value) {
        return new Constraint.Max(value);
    }

    public static Constraint regex(String regex) {
        return new Constraint.Pattern(regex);
    }

    public static Constraint minLength(int value) {
        return new Constraint.MinLength(value);
    }

    public static Constraint maxLength(int value) {
        return new Constraint.MaxLength(value);
    }

    public static Constraint oneOf(String... values) {
        return new Constraint.OneOf(List.of(values));
    }

    public static Constraint keys(Constraint... constraints) {
        return new Constraint.Keys(List.of(constraints));
    }

    public static Constraint values(Constraint... constraints) {
        return new Constraint.Values(List.of(constraints));
    }

    public static Shape string(Constraint... constraints) {
        return new Shape.Scalar(Shape.Kind.STRING, List.of(constraints));
    }

    public static Shape integer(Constraint... constraints) {
        return new Shape.Scalar(Shape.Kind.INTEGER, List.of(constraints));
    }

    public static Shape longNumber(Constraint... constraints) {
        return new Shape.Scalar(Shape.Kind.LONG, List.of(constraints));
    }

    public static Shape bool(Constraint... constraints) {
        return new Shape.Scalar(Shape.Kind.BOOLEAN, List.of(constraints));
    }

    public static Shape list(Shape element, Constraint... constraints) {
        return new Shape.ListOf(element, List.of(constraints));
    }

    public static Shape map(Shape value, String valueType, Constraint... constraints) {
        return new Shape.MapOf(value, valueType, List.of(constraints));
    }

    /** A structure that is a member of another: {@code members} alternates names and shapes. */
    public static Shape.Struct field(String name, List<Constraint> constraints, Object... members) {
        return new Shape.Struct(name, false, members(members), constraints);
    }

    /** A structure that is an element of a list or a value of a map. */
    public static Shape.Struct element(String name, Object... members) {
        return new Shape.Struct(name, true, members(members), List.of());
    }

    /** The root structure of a request. */
    public static Shape.Struct request(Object... members) {
        return new Shape.Struct("Request", false, members(members), List.of());
    }

    public static Shape attributeValue(Constraint... constraints) {
        return new Shape.Attribute(false, List.of(constraints));
    }

    private static Map<String, Shape> members(Object... pairs) {
        Map<String, Shape> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Shape) pairs[i + 1]);
        }
        return map;
    }

    // Members shared by many actions.

    public static Shape tableName() {
        return string(notNull(), regex(NAME_PATTERN), tableNameLength());
    }

    /** The table name of the table-level actions: its absence is reported first and on its own. */
    public static Shape requiredTableName() {
        return string(required(), regex(NAME_PATTERN), tableNameLength());
    }

    public static Shape indexName(Constraint... extra) {
        Constraint[] all = new Constraint[extra.length + 3];
        System.arraycopy(extra, 0, all, 0, extra.length);
        all[extra.length] = regex(NAME_PATTERN);
        all[extra.length + 1] = minLength(3);
        all[extra.length + 2] = maxLength(255);
        return string(all);
    }

    public static Shape item() {
        return map(new Shape.Attribute(true, List.of()), "AttributeValue", notNull());
    }

    public static Shape optionalItem() {
        return map(new Shape.Attribute(true, List.of()), "AttributeValue");
    }

    public static Shape expressionValues() {
        return optionalItem();
    }

    public static Shape expressionNames() {
        return map(string(), "java.lang.String");
    }

    public static Shape returnConsumedCapacity() {
        return string(oneOf("INDEXES", "TOTAL", "NONE"));
    }

    public static Shape returnItemCollectionMetrics() {
        return string(oneOf("SIZE", "NONE"));
    }

    public static Shape returnValues() {
        return string(oneOf("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"));
    }

    public static Shape conditionalOperator() {
        return string(oneOf("OR", "AND"));
    }

    public static Shape comparisonOperator(Constraint... extra) {
        Constraint[] all = new Constraint[extra.length + 1];
        System.arraycopy(extra, 0, all, 0, extra.length);
        all[extra.length] = oneOf(
                "IN",
                "NULL",
                "BETWEEN",
                "LT",
                "NOT_CONTAINS",
                "EQ",
                "GT",
                "NOT_NULL",
                "NE",
                "LE",
                "BEGINS_WITH",
                "GE",
                "CONTAINS");
        return string(all);
    }

    public static Shape expected() {
        return map(
                element(
                        "ExpectedAttributeValue",
                        "AttributeValueList",
                        list(new Shape.Attribute(true, List.of())),
                        "ComparisonOperator",
                        comparisonOperator(),
                        "Exists",
                        bool(),
                        "Value",
                        attributeValue()),
                "ExpectedAttributeValue");
    }

    /** QueryFilter / ScanFilter / KeyConditions. */
    public static Shape conditions() {
        return map(
                element(
                        "Condition",
                        "AttributeValueList",
                        list(new Shape.Attribute(true, List.of())),
                        "ComparisonOperator",
                        comparisonOperator(notNull())),
                "Condition");
    }

    public static Shape attributesToGet() {
        return list(string(), minLength(1), maxLength(255));
    }

    public static Shape provisionedThroughput(Constraint... constraints) {
        return field(
                "ProvisionedThroughput",
                List.of(constraints),
                "WriteCapacityUnits",
                longNumber(notNull(), min(1)),
                "ReadCapacityUnits",
                longNumber(notNull(), min(1)));
    }

    public static Shape keySchema(boolean checkKeyType) {
        return list(
                element(
                        "KeySchemaElement",
                        "AttributeName",
                        string(notNull()),
                        "KeyType",
                        checkKeyType ? string(notNull(), oneOf("HASH", "RANGE")) : string(notNull())),
                notNull(),
                minLength(1),
                maxLength(2));
    }

    public static Shape projection() {
        return field(
                "Projection",
                List.of(notNull()),
                "ProjectionType",
                string(oneOf("ALL", "INCLUDE", "KEYS_ONLY")),
                "NonKeyAttributes",
                list(string(), minLength(1)));
    }
}
