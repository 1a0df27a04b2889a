package io.restmachine.orm.dynamodb.robustness;

import io.restmachine.orm.Attribute;
import io.restmachine.orm.Id;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import io.restmachine.orm.Version;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The models the robustness tests write: valid ones with every kind of value, and broken ones. */
final class Models {
    private Models() {}

    /** A document with one field of each kind of value. */
    record Doc(
            @Id String id,
            @Nullable String text,
            @Nullable BigDecimal amount,
            @Nullable Double ratio,
            @Nullable Long count,
            @Nullable Boolean flag,
            @Nullable Set<String> tags,
            @Nullable List<String> lines,
            @Nullable Map<String, String> labels,
            byte @Nullable [] data) {
        static Doc of(String id) {
            return new Doc(id, null, null, null, null, null, null, null, null, null);
        }

        Doc withText(@Nullable String value) {
            return new Doc(id, value, amount, ratio, count, flag, tags, lines, labels, data);
        }

        Doc withAmount(@Nullable BigDecimal value) {
            return new Doc(id, text, value, ratio, count, flag, tags, lines, labels, data);
        }

        Doc withRatio(@Nullable Double value) {
            return new Doc(id, text, amount, value, count, flag, tags, lines, labels, data);
        }

        Doc withTags(@Nullable Set<String> value) {
            return new Doc(id, text, amount, ratio, count, flag, value, lines, labels, data);
        }

        Doc withLabels(@Nullable Map<String, String> value) {
            return new Doc(id, text, amount, ratio, count, flag, tags, lines, value, data);
        }
    }

    /** A counter for atomic adds. */
    record Counter(@Id String id, long hits) {}

    /** A versioned record for optimistic locking. */
    record Versioned(@Id String id, String owner, @Version long version) {}

    /** Its key is whatever the caller gives, so it can be empty. */
    record Raw(String part, String sort, @Nullable String note) {
        @PartitionKey
        String pk() {
            return part;
        }

        @SortKey
        String sk() {
            return sort;
        }
    }

    /** Broken: two partition keys. */
    record TwoPartitionKeys(@Id String id) {
        @PartitionKey
        String first() {
            return "A#" + id;
        }

        @PartitionKey
        String second() {
            return "B#" + id;
        }
    }

    /** Broken: the template names a field that does not exist. */
    @PartitionKey("USER#{userId}")
    record TemplateNamesMissingField(String id) {}

    /** Broken: a key method with a parameter. */
    record KeyMethodWithParameter(@Id String id) {
        @PartitionKey
        String pk(String prefix) {
            return prefix + id;
        }
    }

    /** Broken: a field of a type with no DynamoDB mapping. */
    record UnsupportedField(@Id String id, Thread worker) {}

    /** Broken: an empty stored name. */
    record EmptyStoredName(@Id String id, @Attribute("") String name) {}
}
