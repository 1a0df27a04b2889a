package io.restmachine.orm.model.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How one key attribute (table or index, partition or sort) is computed: from a template naming
 * fields, or by a key method of the model.
 */
public sealed interface KeyDef permits TemplateKey, MethodKey {

    /** For messages: {@code template 'USER#{id}'} or {@code method pk()}. */
    String describe();

    /** The fields the key reads, or null when unknown (a key method that could not be probed). */
    @Nullable
    Set<String> fields();

    /** The text every value of this key starts with, independent of the fields (may be empty). */
    String literalPrefix();

    /** Whether the key reads no field (the same value for every item). */
    default boolean isConstant() {
        Set<String> f = fields();
        return f != null && f.isEmpty();
    }

    /**
     * The key of an instance, or null when it can't be computed; then a violation saying why is
     * added to {@code violations}, unless that is null (the caller will ask again for the messages).
     */
    @Nullable
    String compute(Object instance, @Nullable List<String> violations);

    /**
     * The key from field values given by name (already converted to the fields' types), or null
     * when a field it needs is missing.
     */
    @Nullable
    String computeFrom(Map<String, Object> values);

    /** The fields this key needs that are not in {@code given}. */
    List<String> missing(Set<String> given);
}
