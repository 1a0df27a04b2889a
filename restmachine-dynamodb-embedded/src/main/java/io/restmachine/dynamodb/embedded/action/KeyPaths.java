package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.expression.ConditionExpression;
import io.restmachine.dynamodb.embedded.table.IndexDefinition;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Key attributes must be scalars: a projection, filter or update path that reads into a key
 * attribute of the table ({@code pk.a}, {@code pk[0]}) or of one of its indexes is refused, once
 * the table is known (issue 13, item 2).
 */
final class KeyPaths {
    private static final String MESSAGE =
            "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: ";

    private KeyPaths() {}

    /** Checks the attributes a projection reads into. */
    static void requireScalar(TableDefinition table, Projection projection) {
        requireScalar(table, projection.nestedAttributes());
    }

    /** Checks the attributes a filter or condition reads into; nothing when there is none. */
    static void requireScalar(TableDefinition table, @Nullable ConditionExpression condition) {
        if (condition != null) {
            requireScalar(table, condition.nestedAttributes());
        }
    }

    /** Refuses the first key attribute, then index key attribute, that {@code nested} reads into. */
    static void requireScalar(TableDefinition table, Set<String> nested) {
        if (nested.isEmpty()) {
            return;
        }
        for (String name : table.key().names()) {
            if (nested.contains(name)) {
                throw EngineException.validation(MESSAGE + "Key: " + name);
            }
        }
        for (IndexDefinition index : table.indexes()) {
            for (String name : index.key().names()) {
                if (nested.contains(name)) {
                    throw EngineException.validation(MESSAGE + "IndexKey: " + name);
                }
            }
        }
    }
}
