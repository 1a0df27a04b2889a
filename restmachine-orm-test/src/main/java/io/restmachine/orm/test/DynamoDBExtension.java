package io.restmachine.orm.test;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.dynamodb.embedded.TableTemplate;
import io.restmachine.orm.Repository;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import io.restmachine.orm.test.internal.Connection;
import io.restmachine.orm.test.internal.TableNames;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The JUnit 5 extension behind {@link DynamoDBTest}: one engine (or one endpoint connection) per
 * run, one fresh table per test, and parameter injection. Use the annotation rather than this class.
 */
public final class DynamoDBExtension implements BeforeEachCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(DynamoDBExtension.class);
    private static final Set<Class<?>> INJECTABLE = Set.of(
            Repository.class, DynamoDBBackend.class, DynamoDbClient.class, EmbeddedDynamoDB.class, TestTable.class);

    /** Creates the extension (JUnit does this). */
    public DynamoDBExtension() {}

    @Override
    public void beforeEach(ExtensionContext context) {
        table(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTABLE.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException(type.getSimpleName() + " is made per test, on the test's own "
                    + "table: declare it on @Test, @BeforeEach or @AfterEach methods, not on @BeforeAll or a "
                    + "constructor (" + parameter.getDeclaringExecutable() + ")");
        }
        PerTest test = table(context);
        if (type == Repository.class) {
            return repository(parameter, test);
        }
        if (type == DynamoDBBackend.class) {
            return test.backend();
        }
        if (type == DynamoDbClient.class) {
            return test.connection().client();
        }
        if (type == TestTable.class) {
            return new TestTable(test.tableName(), test.connection().endpoint());
        }
        EmbeddedDynamoDB engine = test.connection().engine();
        if (engine == null) {
            throw new ParameterResolutionException("EmbeddedDynamoDB cannot be injected: these tests run against "
                    + test.connection().endpoint() + " (set by " + DynamoDBTestSettings.ENDPOINT_PROPERTY + " or "
                    + DynamoDBTestSettings.ENDPOINT_VARIABLE + "); ask for DynamoDbClient or DynamoDBBackend instead,"
                    + " or use Assumptions to skip engine-only tests");
        }
        return engine;
    }

    private static Repository<?> repository(ParameterContext parameter, PerTest test) {
        Type generic = parameter.getParameter().getParameterizedType();
        if (!(generic instanceof ParameterizedType parameterized)
                || !(parameterized.getActualTypeArguments()[0] instanceof Class<?> model)) {
            throw new ParameterResolutionException("cannot tell which model " + generic + " is for: declare it as "
                    + "Repository<YourModel> (" + parameter.getDeclaringExecutable() + ")");
        }
        if (!test.models().contains(model)) {
            throw new ParameterResolutionException("Repository<" + model.getSimpleName() + "> was asked for, but "
                    + model.getName() + " is not among the models of @DynamoDBTest; add it: @DynamoDBTest(models = {"
                    + test.models().stream()
                            .map(m -> m.getSimpleName() + ".class")
                            .collect(Collectors.joining(", "))
                    + (test.models().isEmpty() ? "" : ", ") + model.getSimpleName() + ".class})");
        }
        return test.backend().repository(model);
    }

    /** The test's table, created on first use and deleted when the test ends. */
    private static PerTest table(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(PerTest.class, k -> PerTest.create(context), PerTest.class);
    }

    private static Connection connection(ExtensionContext context) {
        Optional<URI> endpoint = endpoint(context);
        String key = Connection.class.getName() + endpoint.map(URI::toString).orElse("(embedded)");
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        key,
                        k -> endpoint.map(uri -> Connection.remote(
                                        uri,
                                        context.getConfigurationParameter(DynamoDBTestSettings.REGION_PROPERTY)
                                                .orElse(null)))
                                .orElseGet(Connection::embedded),
                        Connection.class);
    }

    private static Optional<URI> endpoint(ExtensionContext context) {
        Optional<String> configured = context.getConfigurationParameter(DynamoDBTestSettings.ENDPOINT_PROPERTY)
                .or(() -> Optional.ofNullable(System.getenv(DynamoDBTestSettings.ENDPOINT_VARIABLE)))
                .filter(s -> !s.isBlank());
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(configured.get().trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(
                    "the DynamoDB endpoint '" + configured.get() + "' (from "
                            + DynamoDBTestSettings.ENDPOINT_PROPERTY + " or " + DynamoDBTestSettings.ENDPOINT_VARIABLE
                            + ") is not a URL; write it like http://127.0.0.1:8000",
                    e);
        }
    }

    private static List<Class<?>> models(ExtensionContext context) {
        Set<Class<?>> models = new LinkedHashSet<>();
        context.getTestMethod().flatMap(m -> annotation(m)).ifPresent(a -> models.addAll(Arrays.asList(a.models())));
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            annotation(type).ifPresent(a -> models.addAll(Arrays.asList(a.models())));
        }
        return List.copyOf(models);
    }

    private static Optional<DynamoDBTest> annotation(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, DynamoDBTest.class);
    }

    /** One test's table; JUnit closes it (deleting the table) when the test ends. */
    private record PerTest(Connection connection, String tableName, DynamoDBBackend backend, List<Class<?>> models)
            implements AutoCloseable {

        static PerTest create(ExtensionContext context) {
            Connection connection = DynamoDBExtension.connection(context);
            String table = TableNames.unique(
                    context.getRequiredTestClass().getSimpleName(),
                    context.getTestMethod().map(m -> m.getName()).orElse("all"));
            List<Class<?>> models = DynamoDBExtension.models(context);
            DynamoDBBackend backend = DynamoDBBackend.builder()
                    .tableName(table)
                    .client(connection.client())
                    .build();
            models.forEach(backend::repository);
            EmbeddedDynamoDB engine = connection.engine();
            if (engine == null) {
                backend.createTable();
            } else {
                createOnEngine(context, engine, backend, models);
            }
            return new PerTest(connection, table, backend, models);
        }

        /**
         * On the embedded engine, the first test of a set of models creates its table through the
         * ORM ({@code createTable()}, as against any server); the engine keeps what that table is
         * as a template, and later tests of the same models get theirs from it, without the
         * CreateTable and DescribeTable round trips through the SDK that would produce the same
         * table (see docs/testing.md).
         */
        private static void createOnEngine(
                ExtensionContext context, EmbeddedDynamoDB engine, DynamoDBBackend backend, List<Class<?>> models) {
            Templates templates = context.getRoot()
                    .getStore(NAMESPACE)
                    .getOrComputeIfAbsent(Templates.class, k -> new Templates(), Templates.class);
            TableTemplate template = templates.get(engine, models);
            if (template != null) {
                engine.createTable(template, backend.tableName());
                return;
            }
            backend.createTable();
            templates.put(engine, models, engine.tableTemplate(backend.tableName()));
        }

        @Override
        public void close() {
            backend.close();
            EmbeddedDynamoDB engine = connection.engine();
            if (engine != null) {
                engine.deleteTable(tableName);
                return;
            }
            try {
                connection.client().deleteTable(b -> b.tableName(tableName));
            } catch (ResourceNotFoundException alreadyGone) {
                // the test deleted its table itself
            }
        }
    }

    /** The table templates of one run, by engine and models (in the order {@code @DynamoDBTest} lists them). */
    private static final class Templates {
        private final Map<EmbeddedDynamoDB, Map<List<Class<?>>, TableTemplate>> byEngine = new IdentityHashMap<>();

        synchronized @Nullable TableTemplate get(EmbeddedDynamoDB engine, List<Class<?>> models) {
            return byEngine.getOrDefault(engine, Map.of()).get(models);
        }

        synchronized void put(EmbeddedDynamoDB engine, List<Class<?>> models, TableTemplate template) {
            byEngine.computeIfAbsent(engine, e -> new HashMap<>()).putIfAbsent(models, template);
        }
    }
}
