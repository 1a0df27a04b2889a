package io.restmachine.orm.query.internal;

import io.restmachine.orm.Plan;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.convert.internal.CodecRegistry;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.model.internal.ModelChoice;
import io.restmachine.orm.spi.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the queries of a sealed type's repository, which read the items of all its subtypes. Each
 * subtype computes its partition key from the query's {@code eq} conditions: of the table, or,
 * where the table's can't be computed, of a global secondary index chosen as on the subtype's own
 * repository ({@link IndexChoice}: never for a consistent read, never one whose projection lacks
 * what the query returns). Subtypes that read the same table or index under the same partition key
 * share one DynamoDB Query, so there is one Query per distinct (index, partition key), in the
 * order the subtypes are declared; {@code explain()} lists each with why it reads where it does.
 * If any subtype can compute none, a single Scan reads them all (it reads the whole table anyway).
 * With {@code index(...)}, only the subtypes that declare the index are read: the others have no
 * items in it. Each request's filter restricts it to its subtypes' entity types ({@link
 * QueryPlanner#plan(List, CodecRegistry, QuerySpec, boolean)}).
 */
public final class PolymorphicPlanner<T> implements QueryImpl.Planner<T> {
    private final Store store;
    private final CursorCodec cursors;
    private final CodecRegistry codecs;
    private final ModelChoice<T> choice;
    private final ScanWarnings scanWarnings = new ScanWarnings();

    /** A planner over the models of {@code choice}. */
    public PolymorphicPlanner(Store store, CursorCodec cursors, CodecRegistry codecs, ModelChoice<T> choice) {
        this.store = store;
        this.cursors = cursors;
        this.codecs = codecs;
        this.choice = choice;
    }

    @Override
    public ReadSequence<T> plan(QuerySpec spec) {
        List<EntityModel<? extends T>> models = new ArrayList<>();
        for (EntityModel<? extends T> m : choice.models()) {
            if (spec.index() == null || m.indexes().containsKey(spec.index())) {
                models.add(m);
            }
        }
        if (models.isEmpty()) {
            throw new ValidationException("index '" + spec.index() + "' is declared by none of the types of "
                    + choice.root().getSimpleName() + " " + choice.names()
                    + " (declare it with @IndexPartitionKey(index = \"" + spec.index() + "\", ...))");
        }
        List<ReadPlan> plans = spec.index() == null ? byChoice(models, spec) : byIndex(models, spec);
        List<PageReader<T>> readers = new ArrayList<>(plans.size());
        List<Plan> described = new ArrayList<>(plans.size());
        for (ReadPlan p : plans) {
            readers.add(new PageReader<>(store, p, PageReader.decoder(choice::modelOf, p)));
            described.add(p.plan());
        }
        if (readers.size() == 1) {
            return ReadSequence.of(readers.get(0), cursors);
        }
        return new ReadSequence<>(readers, cursors, Plan.of(described), fingerprint(plans));
    }

    /** One Query per distinct partition key of the named index; a Scan of it if a model can't compute one. */
    private List<ReadPlan> byIndex(List<EntityModel<? extends T>> models, QuerySpec spec) {
        Map<String, List<EntityModel<? extends T>>> byPartition = new LinkedHashMap<>();
        for (EntityModel<? extends T> m : models) {
            String pk = QueryPlanner.partitionKey(m, spec);
            if (pk == null) {
                return List.of(QueryPlanner.plan(models, codecs, spec, false));
            }
            byPartition.computeIfAbsent(pk, k -> new ArrayList<>()).add(m);
        }
        List<ReadPlan> plans = new ArrayList<>();
        for (List<EntityModel<? extends T>> group : byPartition.values()) {
            plans.add(QueryPlanner.plan(group, codecs, spec, true));
        }
        return plans;
    }

    /**
     * Without {@code index(...)}: each model reads where a query on its own repository would (the
     * table, or an index it chooses automatically, see {@link IndexChoice}); models that read the
     * same table or index under the same partition key share one Query. Every model's items are
     * then read by a request that holds all of them, so nothing is missed. If any model can't
     * compute a partition key of the table or of an index it may use, one Scan of the table reads
     * them all (it reads every item anyway).
     */
    private List<ReadPlan> byChoice(List<EntityModel<? extends T>> models, QuerySpec spec) {
        record Group<T>(IndexChoice choice, List<EntityModel<? extends T>> models) {}
        Map<List<String>, Group<T>> groups = new LinkedHashMap<>();
        for (EntityModel<? extends T> m : models) {
            IndexChoice choice = QueryPlanner.indexChoice(m, spec);
            String pk = QueryPlanner.partitionKey(m, spec, choice.index());
            if (pk == null) {
                return List.of(QueryPlanner.plan(models, codecs, spec, false));
            }
            // The key of a group: where it reads (table or index) and the partition key value there.
            List<String> where = java.util.Arrays.asList(choice.index(), pk);
            groups.computeIfAbsent(where, k -> new Group<>(choice, new ArrayList<>()))
                    .models()
                    .add(m);
        }
        List<ReadPlan> plans = new ArrayList<>();
        for (Group<T> g : groups.values()) {
            plans.add(QueryPlanner.plan(g.models(), codecs, spec, true, g.choice()));
        }
        return plans;
    }

    @Override
    public void running(Plan plan, boolean hasConditions) {
        scanWarnings.check(choice.root().getSimpleName(), hasConditions, plan);
    }

    /** Binds cursors to every request of the read, in order. */
    private static byte[] fingerprint(List<ReadPlan> plans) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ReadPlan p : plans) {
                digest.update(p.fingerprint());
            }
            digest.update(String.valueOf(plans.size()).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
