package io.restmachine.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The sort key: a no-argument method returning {@code String}, or a template on the type. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SortKey {
    /** On a type: a template such as {@code "TODO#{createdAt}#{todoId}"}; on a method: leave empty. */
    String value() default "";
}
