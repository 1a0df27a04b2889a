package io.restmachine.orm.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where to look for model classes, instead of the application's auto-configuration packages (the
 * package of the {@code @SpringBootApplication} class and below). Put it on any
 * {@code @Configuration} class; several are combined.
 *
 * <pre>{@code
 * @SpringBootApplication
 * @RestmachineModels(basePackages = "com.example.shop.model")
 * class ShopApplication { ... }
 * }</pre>
 *
 * A model class is a class or record annotated {@code @Entity}, or one carrying {@code @PartitionKey},
 * {@code @SortKey} or {@code @Id}; each gets a {@code Repository<T>} bean.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RestmachineModels {
    /** Packages to scan (and their sub-packages). */
    String[] basePackages() default {};

    /** Type-safe alternative to {@link #basePackages}: the packages of these classes. */
    Class<?>[] basePackageClasses() default {};
}
