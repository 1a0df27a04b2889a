package io.restmachine.orm.spring;

import io.restmachine.orm.Entity;
import io.restmachine.orm.Id;
import io.restmachine.orm.PartitionKey;
import io.restmachine.orm.SortKey;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/** Finds model classes in packages: {@code @Entity}, or a {@code @PartitionKey}, {@code @SortKey} or {@code @Id}. */
final class ModelScanner {
    private static final List<Class<? extends Annotation>> KEY_ANNOTATIONS =
            List.of(PartitionKey.class, SortKey.class, Id.class);

    private final ClassLoader classLoader;
    private final ClassPathScanningCandidateComponentProvider provider;

    ModelScanner(Environment environment, ResourceLoader resourceLoader) {
        ClassLoader loader = resourceLoader.getClassLoader();
        this.classLoader = loader != null ? loader : ClassUtils.getDefaultClassLoader();
        this.provider = new ClassPathScanningCandidateComponentProvider(false, environment) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                // Models are plain classes and records, top-level or static nested, not abstract;
                // a sealed interface over models is one too (a polymorphic repository).
                return definition.getMetadata().isIndependent()
                        && (definition.getMetadata().isConcrete()
                                || definition.getMetadata().isInterface());
            }
        };
        provider.setResourceLoader(resourceLoader);
        provider.addIncludeFilter(
                (reader, factory) -> loadsAsModel(reader.getClassMetadata().getClassName()));
    }

    /** The model classes in {@code packages} and their sub-packages, in a stable order. */
    List<Class<?>> scan(Collection<String> packages) {
        Set<Class<?>> models = new LinkedHashSet<>();
        for (String pkg : packages) {
            provider.findCandidateComponents(pkg).stream()
                    .map(definition -> load(definition.getBeanClassName()))
                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                    .forEach(models::add);
        }
        return List.copyOf(models);
    }

    static boolean isModel(Class<?> type) {
        if (type.isInterface()) {
            return type.isSealed() && Stream.of(type.getPermittedSubclasses()).anyMatch(ModelScanner::isModel);
        }
        if (type.isAnnotationPresent(Entity.class) || carriesKey(type)) {
            return true;
        }
        Stream<AnnotatedElement> members = Stream.concat(
                Stream.of(type.getDeclaredFields()).map(Field.class::cast),
                Stream.of(type.getDeclaredMethods()).map(Method.class::cast));
        if (type.isRecord()) {
            members =
                    Stream.concat(members, Stream.of(type.getRecordComponents()).map(RecordComponent.class::cast));
        }
        return members.anyMatch(ModelScanner::carriesKey);
    }

    /** A class that can't be loaded (an optional dependency missing) is not a model. */
    private boolean loadsAsModel(String className) {
        try {
            return isModel(ClassUtils.forName(className, classLoader));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean carriesKey(AnnotatedElement element) {
        return KEY_ANNOTATIONS.stream().anyMatch(element::isAnnotationPresent);
    }

    private Class<?> load(String className) {
        try {
            return ClassUtils.forName(className, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(
                    "Cannot load " + className + " while looking for restmachine-orm models: " + e.getMessage(), e);
        }
    }
}
