package io.restmachine.orm.spring;

import io.restmachine.orm.convert.AttributeConverter;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * Registers every {@link AttributeConverter} bean on the backend for the type it converts, read
 * from the bean's generic type: a {@code @Bean AttributeConverter<Money> money()} method, or a
 * class implementing {@code AttributeConverter<Money>}.
 */
final class ConverterBeans {
    private ConverterBeans() {}

    static void register(ConfigurableListableBeanFactory beanFactory, DynamoDBBackend.Builder builder) {
        for (String name : beanFactory.getBeanNamesForType(AttributeConverter.class)) {
            AttributeConverter<?> converter = beanFactory.getBean(name, AttributeConverter.class);
            Class<?> type = convertedType(beanFactory, name, converter);
            if (type == null) {
                throw new IllegalStateException("AttributeConverter bean '" + name + "' does not say which type it"
                        + " converts: declare it as AttributeConverter<Money> (the @Bean method's return type, or"
                        + " a class implementing AttributeConverter<Money>), or register it with a"
                        + " DynamoDBBackendCustomizer: builder.converter(Money.class, converter)");
            }
            add(builder, type, converter);
        }
    }

    private static @Nullable Class<?> convertedType(
            ConfigurableListableBeanFactory beanFactory, String name, AttributeConverter<?> converter) {
        Class<?> fromInstance = ResolvableType.forClass(converter.getClass())
                .as(AttributeConverter.class)
                .getGeneric(0)
                .resolve();
        if (fromInstance != null) {
            return fromInstance;
        }
        if (beanFactory.containsBeanDefinition(name)) {
            BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
            return definition
                    .getResolvableType()
                    .as(AttributeConverter.class)
                    .getGeneric(0)
                    .resolve();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> void add(DynamoDBBackend.Builder builder, Class<T> type, AttributeConverter<?> converter) {
        builder.converter(type, (AttributeConverter<T>) converter);
    }
}
