package io.restmachine.orm.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** {@code table create|describe|list|delete}: manage tables with the single-table layout. */
@Command(
        name = "table",
        description = "Create, describe, list or delete tables.",
        subcommands = {
            TableCommand.Create.class,
            TableCommand.Describe.class,
            TableCommand.ListTables.class,
            TableCommand.Delete.class
        })
final class TableCommand implements Callable<Integer> {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "name a subcommand: create, describe, list or delete");
    }

    /** Creates a table with the seed's schema ({@code pk}/{@code sk} strings) and optional GSIs. */
    @Command(
            name = "create",
            description = {
                "Create a table with string keys pk (HASH) and sk (RANGE), PAY_PER_REQUEST, and wait until it"
                        + " is ACTIVE.",
                "Each --gsi NAME adds a global secondary index with the partition key gsi_pk_NAME; --gsi NAME:sk"
                        + " adds one keyed by gsi_pk_NAME and the sort key gsi_sk_NAME (the ORM's layout for an index"
                        + " with @IndexSortKey). Both project all attributes."
            })
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TableTarget target = new TableTarget();

        @Option(
                names = "--gsi",
                paramLabel = "NAME[:sk]",
                description = "Add a global secondary index: NAME for a partition key only, NAME:sk for a partition"
                        + " and a sort key (repeatable)")
        List<String> indexes = new ArrayList<>();

        @Option(names = "--if-not-exists", description = "Succeed without change if the table already exists")
        boolean ifNotExists;

        @Override
        public Integer call() {
            return target.call(client -> {
                try {
                    client.createTable(request());
                } catch (ResourceInUseException exists) {
                    if (!ifNotExists) {
                        throw CliException.failed("table '" + target.table + "' already exists at "
                                + target.connection.describeEndpoint()
                                + " (add --if-not-exists to accept an existing table)");
                    }
                }
                waiter(client).waitUntilTableExists(b -> b.tableName(target.table));
                return 0;
            });
        }

        private CreateTableRequest request() {
            List<AttributeDefinition> attributes =
                    new ArrayList<>(List.of(stringAttribute("pk"), stringAttribute("sk")));
            List<GlobalSecondaryIndex> gsis = new ArrayList<>();
            for (String spec : indexes) {
                boolean withSortKey = spec.endsWith(":sk");
                String index = withSortKey ? spec.substring(0, spec.length() - 3) : spec;
                if (!index.matches("[A-Za-z0-9_.-]{3,255}")) {
                    throw CliException.badInput("--gsi '" + spec + "' is not NAME or NAME:sk with an index name of"
                            + " 3 to 255 letters, digits, '_', '-' or '.'");
                }
                String pk = "gsi_pk_" + index;
                attributes.add(stringAttribute(pk));
                List<KeySchemaElement> keys = new ArrayList<>(List.of(key(pk, KeyType.HASH)));
                if (withSortKey) {
                    String sk = "gsi_sk_" + index;
                    attributes.add(stringAttribute(sk));
                    keys.add(key(sk, KeyType.RANGE));
                }
                gsis.add(GlobalSecondaryIndex.builder()
                        .indexName(index)
                        .keySchema(keys)
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build());
            }
            CreateTableRequest.Builder request = CreateTableRequest.builder()
                    .tableName(target.table)
                    .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                    .attributeDefinitions(attributes)
                    .billingMode(BillingMode.PAY_PER_REQUEST);
            if (!gsis.isEmpty()) {
                request.globalSecondaryIndexes(gsis);
            }
            return request.build();
        }
    }

    /** Prints a table's schema as JSON, in the shape the documentation shows. */
    @Command(name = "describe", description = "Print the table's schema, status and item count as JSON.")
    static final class Describe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TableTarget target = new TableTarget();

        @Override
        public Integer call() {
            TableDescription table = target.call(client ->
                    client.describeTable(b -> b.tableName(target.table)).table());
            Streams.of(spec).out().println(ItemJson.writePretty(schema(table)));
            return 0;
        }

        static ObjectNode schema(TableDescription table) {
            ObjectNode root = NODES.objectNode();
            root.put("TableName", table.tableName());
            root.set("KeySchema", keySchema(table.keySchema()));
            ArrayNode definitions = root.putArray("AttributeDefinitions");
            table.attributeDefinitions().forEach(a -> definitions
                    .addObject()
                    .put("AttributeName", a.attributeName())
                    .put("AttributeType", a.attributeTypeAsString()));
            root.put(
                    "BillingMode",
                    table.billingModeSummary() == null
                            ? "PROVISIONED"
                            : table.billingModeSummary().billingModeAsString());
            if (table.hasGlobalSecondaryIndexes()) {
                ArrayNode gsis = root.putArray("GlobalSecondaryIndexes");
                for (GlobalSecondaryIndexDescription gsi : table.globalSecondaryIndexes()) {
                    ObjectNode index = gsis.addObject();
                    index.put("IndexName", gsi.indexName());
                    index.set("KeySchema", keySchema(gsi.keySchema()));
                    index.putObject("Projection")
                            .put("ProjectionType", gsi.projection().projectionTypeAsString());
                    index.put("IndexStatus", gsi.indexStatusAsString());
                }
            }
            root.put("TableStatus", table.tableStatusAsString());
            if (table.itemCount() != null) {
                root.put("ItemCount", table.itemCount());
            }
            return root;
        }

        private static ArrayNode keySchema(List<KeySchemaElement> keys) {
            ArrayNode array = NODES.arrayNode();
            keys.forEach(k ->
                    array.addObject().put("AttributeName", k.attributeName()).put("KeyType", k.keyTypeAsString()));
            return array;
        }
    }

    /** Lists table names, one per line. */
    @Command(name = "list", description = "Print the name of every table, one per line.")
    static final class ListTables implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection = new ConnectionOptions();

        @Override
        public Integer call() {
            List<String> names = connection.call(null, client -> client.listTablesPaginator().tableNames().stream()
                    .toList());
            names.forEach(Streams.of(spec).out()::println);
            return 0;
        }
    }

    /** Deletes a table and waits until it is gone. */
    @Command(name = "delete", description = "Delete the table and every item in it, and wait until it is gone.")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TableTarget target = new TableTarget();

        @Override
        public Integer call() {
            return target.call(client -> {
                client.deleteTable(b -> b.tableName(target.table));
                waiter(client).waitUntilTableNotExists(b -> b.tableName(target.table));
                return 0;
            });
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /** Polls every 100 ms for at most two minutes (the SDK's default waits 20 s between polls). */
    private static DynamoDbWaiter waiter(DynamoDbClient client) {
        return DynamoDbWaiter.builder()
                .client(client)
                .overrideConfiguration(o ->
                        o.maxAttempts(1200).backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))))
                .build();
    }
}
