package io.restmachine.dynamodb.embedded.partiql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A parsed PartiQL statement, its parameters bound. */
public sealed interface Statement {
    /** The table the statement reads or writes. */
    String table();

    /** What a write returns: {@code RETURNING ALL OLD *} and the others, or nothing. */
    enum Returning {
        NONE,
        ALL_OLD,
        MODIFIED_OLD,
        ALL_NEW,
        MODIFIED_NEW
    }

    /**
     * {@code SELECT projection FROM "table"[."index"] [WHERE condition]}.
     *
     * @param projection the selected paths; empty for {@code *}
     */
    record Select(String table, @Nullable String index, List<Node.Path> projection, @Nullable Node where)
            implements Statement {
        public Select {
            projection = List.copyOf(projection);
        }
    }

    /** {@code INSERT INTO "table" VALUE {...}}: the item, every value a literal. */
    record Insert(String table, java.util.Map<String, io.restmachine.dynamodb.embedded.value.DynamoValue> item)
            implements Statement {
        public Insert {
            item = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(item));
        }
    }

    /** One action of an UPDATE: {@code SET path = value} or ({@code value} null) {@code REMOVE path}. */
    record Assignment(Node.Path path, @Nullable Node value) {}

    /** {@code UPDATE "table" SET ... REMOVE ... WHERE condition [RETURNING ...]}. */
    record Update(String table, List<Assignment> assignments, Node where, Returning returning) implements Statement {
        public Update {
            assignments = List.copyOf(assignments);
        }
    }

    /** {@code DELETE FROM "table" WHERE condition [RETURNING ALL OLD *]}. */
    record Delete(String table, Node where, Returning returning) implements Statement {}

    /**
     * {@code EXISTS(SELECT * FROM "table" WHERE key AND condition)}: a condition check, only in
     * ExecuteTransaction.
     */
    record Exists(Select select) implements Statement {
        @Override
        public String table() {
            return select.table();
        }
    }
}
