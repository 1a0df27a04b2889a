package io.restmachine.orm.spring;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.ServerHandle;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.spring.ModelRepositoriesRegistrar.ScannedModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Auto-configures a {@link DynamoDBBackend} from the {@code restmachine.dynamodb.*} properties and
 * a {@code Repository<T>} bean per model class.
 *
 * <p>Which client the backend uses, first match wins:
 *
 * <ol>
 *   <li>{@code restmachine.dynamodb.embedded.enabled=true}: the in-process engine's, even when a
 *       {@link DynamoDbClient} bean exists (logged at INFO): turning the engine on is the more
 *       specific, usually per-profile, choice, and that bean stays untouched for other uses;
 *   <li>a single (or {@code @Primary}) {@link DynamoDbClient} bean, left open on shutdown;
 *   <li>one the backend builds from {@code region} and {@code endpoint} and the SDK's default
 *       chains, closed on shutdown.
 * </ol>
 */
@AutoConfiguration
@EnableConfigurationProperties(RestmachineDynamoDBProperties.class)
public class RestmachineDynamoDBAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(RestmachineDynamoDBAutoConfiguration.class);

    /** Registers the {@code Repository<T>} beans (static: it post-processes bean definitions). */
    @Bean
    static ModelRepositoriesRegistrar restmachineModelRepositoriesRegistrar() {
        return new ModelRepositoriesRegistrar();
    }

    /**
     * The backend; registers every scanned model (so a model that can't be mapped fails start-up
     * with its {@code SchemaException}) and creates the table when {@code create-table} is on.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public DynamoDBBackend dynamoDBBackend(
            RestmachineDynamoDBProperties properties,
            ObjectProvider<EmbeddedDynamoDB> embedded,
            ObjectProvider<DynamoDbClient> clients,
            ObjectProvider<DynamoDBBackendCustomizer> customizers,
            ObjectProvider<DynamoDbClientCustomizer> clientCustomizers,
            ObjectProvider<ScannedModels> models,
            ConfigurableListableBeanFactory beanFactory) {
        DynamoDBBackend.Builder builder = DynamoDBBackend.builder();
        if (properties.getTableName() != null) {
            builder.tableName(properties.getTableName());
        }
        builder.itemFormat(properties.getItemFormat());
        settings(properties, builder);
        ConverterBeans.register(beanFactory, builder);
        Consumer<DynamoDbClientBuilder> customizeClient =
                clientBuilder -> clientCustomizers.orderedStream().forEach(c -> c.customize(clientBuilder));
        DynamoDbClient client = client(properties, embedded, clients, customizeClient);
        if (client != null) {
            builder.client(client);
        } else {
            if (properties.getRegion() != null) {
                builder.region(properties.getRegion());
            }
            if (properties.getEndpoint() != null) {
                builder.endpoint(properties.getEndpoint());
            }
            if (clientCustomizers.orderedStream().findAny().isPresent()) {
                builder.customizeClient(customizeClient);
            }
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        DynamoDBBackend backend = build(builder);
        try {
            ScannedModels scanned = models.getIfAvailable();
            if (scanned != null) {
                backend.register(scanned.types().toArray(Class<?>[]::new));
            }
            if (properties.createTableOrDefault()) {
                backend.createTable();
                LOG.info("Table {} is ready", backend.tableName());
            }
            return backend;
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** The settings that have properties: cursor key and attribute names. */
    private static void settings(RestmachineDynamoDBProperties properties, DynamoDBBackend.Builder builder) {
        String cursorKey = properties.getCursorKey();
        if (cursorKey != null) {
            builder.cursorKey(cursorKey.getBytes(StandardCharsets.UTF_8));
        }
        RestmachineDynamoDBProperties.Attributes names = properties.getAttributes();
        if (names.getPartitionKey() != null) {
            builder.partitionKeyAttribute(names.getPartitionKey());
        }
        if (names.getSortKey() != null) {
            builder.sortKeyAttribute(names.getSortKey());
        }
        if (names.getEntityType() != null) {
            builder.entityTypeAttribute(names.getEntityType());
        }
        if (names.getIndexPartitionKeyPrefix() != null) {
            builder.indexPartitionKeyPrefix(names.getIndexPartitionKeyPrefix());
        }
        if (names.getIndexSortKeyPrefix() != null) {
            builder.indexSortKeyPrefix(names.getIndexSortKeyPrefix());
        }
    }

    private static @Nullable DynamoDbClient client(
            RestmachineDynamoDBProperties properties,
            ObjectProvider<EmbeddedDynamoDB> embedded,
            ObjectProvider<DynamoDbClient> clients,
            Consumer<DynamoDbClientBuilder> customizeClient) {
        DynamoDbClient existing = clients.getIfUnique();
        if (properties.getEmbedded().isEnabled()) {
            if (existing != null) {
                LOG.info("restmachine.dynamodb.embedded.enabled=true: DynamoDBBackend uses the embedded engine,"
                        + " not the application's DynamoDbClient bean");
            }
            if (properties.getEndpoint() != null || properties.getRegion() != null) {
                LOG.info("restmachine.dynamodb.embedded.enabled=true: restmachine.dynamodb.endpoint and region"
                        + " are ignored");
            }
            return embedded.getObject().client(customizeClient);
        }
        if (existing != null && (properties.getEndpoint() != null || properties.getRegion() != null)) {
            LOG.info("DynamoDBBackend uses the application's DynamoDbClient bean: restmachine.dynamodb.endpoint"
                    + " and region are ignored (configure them on that client)");
        }
        return existing;
    }

    private static DynamoDBBackend build(DynamoDBBackend.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    e.getMessage() + " (set the restmachine.dynamodb.* properties, e.g."
                            + " restmachine.dynamodb.table-name, or add a DynamoDBBackendCustomizer bean)",
                    e);
        }
    }

    /**
     * Spring's {@code @Repository} exception translation for ORM exceptions, when spring-tx is present
     * (it is with Spring Data or spring-boot-starter-jdbc); the ORM exception stays the cause.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(PersistenceExceptionTranslator.class)
    static class ExceptionTranslationConfiguration {
        @Bean
        @ConditionalOnMissingBean
        OrmExceptionTranslator restmachineOrmExceptionTranslator() {
            return new OrmExceptionTranslator();
        }
    }

    /** The in-process engine, when {@code restmachine.dynamodb.embedded.enabled=true}; closed with the context. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "restmachine.dynamodb.embedded", name = "enabled", havingValue = "true")
    static class EmbeddedEngineConfiguration {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        EmbeddedDynamoDB restmachineEmbeddedDynamoDB(RestmachineDynamoDBProperties properties) {
            Path dataDir = properties.getEmbedded().getDataDir();
            if (dataDir == null) {
                LOG.info("Embedded DynamoDB engine started in memory: its data is gone when the application stops");
                return EmbeddedDynamoDB.inMemory();
            }
            EmbeddedDynamoDB db = EmbeddedDynamoDB.persistent(dataDir);
            LOG.info("Embedded DynamoDB engine started on {}", dataDir.toAbsolutePath());
            return db;
        }

        /** The engine's HTTP server, when {@code embedded.port} is set (0: any free port; see its endpoint). */
        @Bean(destroyMethod = "close")
        @ConditionalOnProperty(prefix = "restmachine.dynamodb.embedded", name = "port")
        ServerHandle restmachineEmbeddedServer(EmbeddedDynamoDB db, RestmachineDynamoDBProperties properties) {
            Integer port = properties.getEmbedded().getPort();
            ServerHandle server = db.serve("127.0.0.1", port == null ? 0 : port);
            LOG.info("Embedded DynamoDB engine serving at {}", server.endpoint());
            return server;
        }
    }
}
