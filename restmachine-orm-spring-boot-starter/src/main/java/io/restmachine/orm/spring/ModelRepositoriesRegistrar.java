package io.restmachine.orm.spring;

import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.beans.Introspector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers a {@code Repository<T>} bean definition, typed by its generic type, for every model
 * class in the {@link RestmachineModels} packages (or else the auto-configuration packages), and a
 * {@link ScannedModels} bean listing them so that the backend registers them (for create-table,
 * and so that a bad model fails start-up).
 *
 * <p>A registry post-processor rather than an import registrar: it runs after every configuration
 * class has been parsed, so it sees all {@code @RestmachineModels} wherever they are declared.
 */
final class ModelRepositoriesRegistrar
        implements BeanDefinitionRegistryPostProcessor, BeanFactoryAware, EnvironmentAware, ResourceLoaderAware {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRepositoriesRegistrar.class);
    static final String SCANNED_MODELS_BEAN = "restmachineScannedModels";

    private @Nullable BeanFactory beanFactory;
    private @Nullable Environment environment;
    private @Nullable ResourceLoader resourceLoader;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        BeanFactory factory = require(beanFactory);
        List<String> packages = modelPackages(registry, factory);
        List<Class<?>> models = new ModelScanner(require(environment), require(resourceLoader)).scan(packages);
        LOG.debug("restmachine-orm models in {}: {}", packages, models);

        RootBeanDefinition scanned = new RootBeanDefinition(ScannedModels.class, () -> new ScannedModels(models));
        registry.registerBeanDefinition(SCANNED_MODELS_BEAN, scanned);
        for (Class<?> model : models) {
            registerRepository(registry, factory, model);
        }
    }

    private static void registerRepository(BeanDefinitionRegistry registry, BeanFactory factory, Class<?> model) {
        String name = Introspector.decapitalize(model.getSimpleName()) + "Repository";
        if (registry.containsBeanDefinition(name)) {
            name = model.getName() + "Repository";
        }
        if (registry.containsBeanDefinition(name)) {
            LOG.debug("Not registering a repository for {}: a bean named {} already exists", model, name);
            return;
        }
        RootBeanDefinition definition = new RootBeanDefinition();
        definition.setTargetType(ResolvableType.forClassWithGenerics(Repository.class, model));
        definition.setInstanceSupplier(
                () -> factory.getBean(DynamoDBBackend.class).repository(model));
        definition.setRole(BeanDefinition.ROLE_APPLICATION);
        registry.registerBeanDefinition(name, definition);
    }

    /** {@code @RestmachineModels} packages if there are any, else the auto-configuration packages. */
    private static List<String> modelPackages(BeanDefinitionRegistry registry, BeanFactory factory) {
        Set<String> packages = new LinkedHashSet<>();
        for (String name : registry.getBeanDefinitionNames()) {
            if (registry.getBeanDefinition(name) instanceof AnnotatedBeanDefinition annotated) {
                packages.addAll(declaredPackages(annotated.getMetadata()));
            }
        }
        if (!packages.isEmpty()) {
            return List.copyOf(packages);
        }
        if (AutoConfigurationPackages.has(factory)) {
            return AutoConfigurationPackages.get(factory);
        }
        LOG.info("No @RestmachineModels and no auto-configuration packages: no Repository beans are registered");
        return List.of();
    }

    private static List<String> declaredPackages(AnnotationMetadata metadata) {
        Map<String, @Nullable Object> attributes = metadata.getAnnotationAttributes(RestmachineModels.class.getName());
        if (attributes == null) {
            return List.of();
        }
        List<String> packages = new ArrayList<>(List.of((String[]) require(attributes.get("basePackages"))));
        for (Class<?> type : (Class<?>[]) require(attributes.get("basePackageClasses"))) {
            packages.add(type.getPackageName());
        }
        if (packages.isEmpty()) {
            packages.add(ClassUtils.getPackageName(metadata.getClassName()));
        }
        return packages;
    }

    private static <T> T require(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("restmachine-orm's repository registrar was not initialised by Spring");
        }
        return value;
    }

    /** The model classes found at start-up. */
    record ScannedModels(List<Class<?>> types) {
        ScannedModels {
            types = List.copyOf(types);
        }
    }
}
