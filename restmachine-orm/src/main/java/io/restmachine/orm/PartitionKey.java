package io.restmachine.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The partition key: a no-argument method returning {@code String}, or a template on the type naming the fields it reads. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PartitionKey {
    /** On a type: a template such as {@code "USER#{userId}"}; on a method: leave empty. */
    String value() default "";
}
