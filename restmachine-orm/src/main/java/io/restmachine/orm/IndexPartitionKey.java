package io.restmachine.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A global secondary index partition key (stored as {@code gsi_pk_<index>}); repeatable for several indexes. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@java.lang.annotation.Repeatable(IndexPartitionKey.List.class)
public @interface IndexPartitionKey {
    /** The global secondary index name. */
    String index();

    /** On a type: the key template, e.g. {@code "EMAIL#{email}"}; on a method: leave empty. */
    String template() default "";

    /**
     * What the index copies from each item; {@link IndexProjection#ALL} by default. A query picks an
     * index by itself only when its projection holds every field the query returns or filters on.
     * Every model that uses the index declares the same projection ({@code createTable()} checks).
     */
    IndexProjection projection() default IndexProjection.ALL;

    /** The model fields an {@link IndexProjection#INCLUDE} index copies besides the keys and the entity type. */
    String[] include() default {};

    /** Container for repeated {@code @IndexPartitionKey}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        IndexPartitionKey[] value();
    }
}
