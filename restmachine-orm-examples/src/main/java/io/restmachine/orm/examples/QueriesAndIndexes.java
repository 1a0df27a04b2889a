package io.restmachine.orm.examples;

import io.restmachine.orm.Condition;
import io.restmachine.orm.Plan;
import io.restmachine.orm.Repository;
import java.util.List;
import java.util.Optional;

/**
 * Queries: a DynamoDB Query whenever the partition key can be computed from the {@code eq}
 * conditions (on the table or a global secondary index), a Scan otherwise; {@code explain()} says
 * which, without sending anything.
 */
public final class QueriesAndIndexes {
    private QueriesAndIndexes() {}

    /** Runs the queries on an in-memory engine and prints what they return. */
    public static void main(String[] args) {
        InMemoryEngine.run(backend -> {
            Repository<Account> accounts = backend.repository(Account.class);
            backend.createTable(); // with the ByEmail index that Account declares
            accounts.create(new Account("a1", "alice@example.com", "pro"));
            accounts.create(new Account("a2", "bob@example.com", "free"));
            System.out.println(byEmail(accounts));
            System.out.println(proAccounts(accounts));
            System.out.println(scanPlan(accounts));
        });
    }

    /** A Query on the GSI {@code ByEmail}: partition {@code EMAIL#alice@example.com}. */
    public static Optional<Account> byEmail(Repository<Account> accounts) {
        Optional<Account> alice = accounts.where()
                .index("ByEmail")
                .eq("email", "alice@example.com")
                .first();
        return alice;
    }

    /**
     * The same Query without {@code index(...)}: eq on {@code email} computes the ByEmail partition
     * key but not the table's, so the ORM chooses ByEmail itself.
     */
    public static Optional<Account> byEmailWithoutNamingTheIndex(Repository<Account> accounts) {
        Optional<Account> alice =
                accounts.where().eq("email", "alice@example.com").first();
        return alice;
    }

    /** The plan says which index was chosen, and why. */
    public static Plan chosenIndex(Repository<Account> accounts) {
        Plan plan = accounts.where().eq("email", "alice@example.com").explain();
        // plan.index() is "ByEmail"; plan.reason() explains the choice
        return plan;
    }

    /** A Scan with a filter (no key to compute), counted and listed. */
    public static List<Account> proAccounts(Repository<Account> accounts) {
        long n = accounts.where().eq("plan", "pro").count();
        boolean any = accounts.where(Condition.field("plan")
                        .eq("pro")
                        .or(Condition.field("plan").eq("team")))
                .exists();
        List<Account> pro = accounts.where().eq("plan", "pro").list();
        return pro;
    }

    /** The same scan reading only two fields (a projection); the other fields come back null. */
    public static List<Account> proAccountPlans(Repository<Account> accounts) {
        List<Account> plans =
                accounts.where().eq("plan", "pro").select("id", "plan").list();
        return plans;
    }

    /** A view of {@link Account}: its components name the fields to read. */
    public record AccountPlan(String id, String plan) {}

    /**
     * The same projection into a record: only id and plan are read, and an {@code AccountPlan} can't
     * be saved back over the account by mistake.
     */
    public static List<AccountPlan> proAccountPlanViews(Repository<Account> accounts) {
        List<AccountPlan> views =
                accounts.where().eq("plan", "pro").select(AccountPlan.class).list();
        return views;
    }

    /** The plan of that scan: operation SCAN, with the entity-type restriction in the filter. */
    public static Plan scanPlan(Repository<Account> accounts) {
        Plan plan = accounts.where().eq("plan", "pro").explain();
        return plan;
    }
}
