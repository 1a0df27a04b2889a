package io.restmachine.orm.model.internal;

import io.restmachine.orm.SchemaException;
import org.jspecify.annotations.Nullable;

/** The one shape of every schema error: the class, the member, what is wrong and the fix. */
final class SchemaErrors {
    private SchemaErrors() {}

    /** {@code com.example.User, field 'email': <problem>. Fix: <fix>.} */
    static SchemaException schema(Class<?> type, @Nullable String member, String problem, String fix) {
        return new SchemaException(
                type.getName() + (member == null ? "" : ", " + member) + ": " + problem + ". Fix: " + fix + ".");
    }
}
