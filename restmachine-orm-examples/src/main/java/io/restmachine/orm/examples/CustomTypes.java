package io.restmachine.orm.examples;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Repository;
import io.restmachine.orm.convert.AttributeConverter;
import io.restmachine.orm.dynamodb.DynamoDBBackend;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A type of your own ({@link Money}) in fields, lists and conditions, through a converter on the backend. */
public final class CustomTypes {
    private CustomTypes() {}

    /** Stores a product on an in-memory engine and prints the products that cost 12.50 EUR. */
    public static void main(String[] args) {
        try (EmbeddedDynamoDB db = EmbeddedDynamoDB.inMemory()) {
            System.out.println(run(db.client(), "my-app-table"));
        }
    }

    /** Builds a backend that stores {@link Money} as text, writes a product and finds it by its price. */
    public static List<Product> run(DynamoDbClient client, String tableName) {
        AttributeConverter<Money> money = AttributeConverter.of(
                m -> ItemValue.s(m.toString()), // stored as "12.50 EUR"
                v -> Money.parse(((ItemValue.S) v).value()));
        try (DynamoDBBackend backend = DynamoDBBackend.builder()
                .tableName(tableName)
                .client(client)
                .converter(Money.class, money)
                .build()) {
            Repository<Product> products = backend.repository(Product.class);
            backend.createTable();
            Money price = Money.parse("12.50 EUR");
            products.create(new Product("p1", price, List.of(Money.parse("14.00 EUR"))));

            List<Product> cheap = products.where().eq("price", price).list();
            return cheap;
        }
    }
}
