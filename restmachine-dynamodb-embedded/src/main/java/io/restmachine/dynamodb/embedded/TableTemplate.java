package io.restmachine.dynamodb.embedded;

import io.restmachine.dynamodb.embedded.table.TableDefinition;

/**
 * What a table was when {@link EmbeddedDynamoDB#tableTemplate(String)} took it, apart from its
 * name and items: attribute definitions, key schema, local and global secondary indexes, billing
 * mode and throughput, time-to-live attribute. {@link EmbeddedDynamoDB#createTable(TableTemplate,
 * String)} creates empty tables like it without a CreateTable request, which is what a test
 * framework giving each test a fresh table of the same shape wants. Immutable.
 */
public final class TableTemplate {
    private final TableDefinition definition;

    TableTemplate(TableDefinition definition) {
        this.definition = definition;
    }

    TableDefinition definition() {
        return definition;
    }

    /** The name of the table the template was taken from. */
    public String sourceTable() {
        return definition.name();
    }

    @Override
    public String toString() {
        return "TableTemplate[from " + definition.name() + "]";
    }
}
