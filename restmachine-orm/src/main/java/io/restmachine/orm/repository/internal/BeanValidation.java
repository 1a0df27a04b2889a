package io.restmachine.orm.repository.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jakarta Bean Validation, when an API and a provider are on the class path; otherwise nothing.
 * The API is an optional dependency, so this class touches it only through {@link Bridge}, loaded
 * only once the API is known to be present.
 */
final class BeanValidation {
    private static final Logger LOG = LoggerFactory.getLogger(BeanValidation.class);

    private final @Nullable Bridge bridge;

    private BeanValidation(@Nullable Bridge bridge) {
        this.bridge = bridge;
    }

    static BeanValidation detect() {
        try {
            Class.forName("jakarta.validation.Validation", false, BeanValidation.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return new BeanValidation(null);
        }
        try {
            return new BeanValidation(Bridge.create());
        } catch (RuntimeException | LinkageError noProvider) {
            LOG.debug(
                    "Jakarta Bean Validation API present but no provider usable; constraints are not checked",
                    noProvider);
            return new BeanValidation(null);
        }
    }

    /** The constraint violations of an instance, each as {@code "field: message"}. */
    List<String> violations(Object instance) {
        return bridge == null ? List.of() : bridge.violations(instance);
    }

    /** The only class that names Jakarta Validation types. */
    private static final class Bridge {
        private final jakarta.validation.Validator validator;

        private Bridge(jakarta.validation.Validator validator) {
            this.validator = validator;
        }

        static Bridge create() {
            try {
                return new Bridge(jakarta.validation.Validation.buildDefaultValidatorFactory()
                        .getValidator());
            } catch (RuntimeException elMissing) {
                // Hibernate Validator needs an Expression Language implementation for its default
                // message interpolation; without one, fall back to its parameter-only interpolator.
                jakarta.validation.Configuration<?> config =
                        jakarta.validation.Validation.byDefaultProvider().configure();
                try {
                    Class<?> interpolator =
                            Class.forName("org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator");
                    config.messageInterpolator((jakarta.validation.MessageInterpolator)
                            interpolator.getDeclaredConstructor().newInstance());
                } catch (ReflectiveOperationException notHibernate) {
                    elMissing.addSuppressed(notHibernate);
                    throw elMissing;
                }
                return new Bridge(config.buildValidatorFactory().getValidator());
            }
        }

        List<String> violations(Object instance) {
            Set<jakarta.validation.ConstraintViolation<Object>> found = validator.validate(instance);
            if (found.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>(found.size());
            for (jakarta.validation.ConstraintViolation<Object> v : found) {
                out.add("field '" + v.getPropertyPath() + "' of "
                        + instance.getClass().getSimpleName() + " " + v.getMessage() + " (value: " + v.getInvalidValue()
                        + ")");
            }
            out.sort(null);
            return out;
        }
    }
}
