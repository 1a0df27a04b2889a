package io.restmachine.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A global secondary index sort key (stored as {@code gsi_sk_<index>}); repeatable for several indexes. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@java.lang.annotation.Repeatable(IndexSortKey.List.class)
public @interface IndexSortKey {
    /** The global secondary index name. */
    String index();

    /** On a type: the key template; on a method: leave empty. */
    String template() default "";

    /** Container for repeated {@code @IndexSortKey}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        IndexSortKey[] value();
    }
}
