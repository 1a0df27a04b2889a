package io.restmachine.orm.repository.internal;

import io.restmachine.orm.BackendException;
import io.restmachine.orm.Condition;
import io.restmachine.orm.ConflictException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Key;
import io.restmachine.orm.OrmException;
import io.restmachine.orm.Transaction;
import io.restmachine.orm.TransactionCanceledException;
import io.restmachine.orm.Update;
import io.restmachine.orm.ValidationException;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.query.internal.ItemValues;
import io.restmachine.orm.repository.internal.WriteFailures.Operation;
import io.restmachine.orm.spi.TransactionCanceledByStoreException;
import io.restmachine.orm.spi.TxWrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Collects the actions of one transaction, then sends them as one TransactWriteItems call with a
 * client token. Everything is checked before sending: at most 100 actions, one per item, and
 * every action valid on its own.
 */
public final class TransactionImpl implements Transaction {
    /** DynamoDB's limit of actions per transaction. */
    public static final int MAX_ACTIONS = 100;

    private record Action(
            Operation kind,
            WriteBuilder<?> writes,
            TxWrite write,
            Map<String, ItemValue> key,
            @Nullable Long version) {}

    /**
     * The place of an action that sends nothing: the delete by key of a sealed type when none of
     * its subtypes' candidate keys holds an item (a delete of a missing item, which is fine).
     */
    private static final Action NO_OP = new Action(Operation.DELETE, null, null, Map.of(), null);

    private final OrmRuntime runtime;
    private final List<Action> actions = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<WriteBuilder.Prepared<?>> puts = new ArrayList<>();

    private TransactionImpl(OrmRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Runs {@code body} to collect the actions, then writes them all or nothing. Unless the
     * transaction commits, every object given to it is put back as it was (see {@link
     * WriteBuilder.Prepared}).
     */
    public static void run(OrmRuntime runtime, Consumer<? super Transaction> body) {
        Objects.requireNonNull(body, "body");
        TransactionImpl tx = new TransactionImpl(runtime);
        boolean committed = false;
        try {
            body.accept(tx);
            tx.commit();
            committed = true;
        } finally {
            if (!committed) {
                RepositoryImpl.rollBack(tx.puts);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T> WriteBuilder<T> writes(Class<T> type) {
        return runtime.repositoryImpl(Objects.requireNonNull(type, "type")).writes();
    }

    @SuppressWarnings("unchecked")
    private <T> WriteBuilder<T> writesOf(Object entity) {
        Objects.requireNonNull(entity, "entity");
        return (WriteBuilder<T>) writes(entity.getClass());
    }

    private void add(Action action) {
        actions.add(action);
    }

    private Transaction put(Object entity, Operation kind, WriteBuilder.Kind putKind) {
        WriteBuilder<Object> w = writesOf(entity);
        try {
            WriteBuilder.Prepared<Object> p = w.prepare(entity, putKind);
            puts.add(p);
            TxWrite write =
                    switch (kind) {
                        case CREATE -> new TxWrite.Put(p.item(), w.createCondition());
                        case SAVE -> new TxWrite.Put(p.item(), w.saveCondition(p.expectedVersion()));
                        default -> {
                            // The same UpdateItem as Repository.upsert: counts @Version on, keeps @CreatedAt.
                            RepositoryImpl.UpdateRequest r = w.upsert(p);
                            yield new TxWrite.Update(r.key(), r.update(), r.condition());
                        }
                    };
            add(new Action(kind, w, write, p.key(), p.expectedVersion()));
        } catch (ValidationException e) {
            reject(e);
        }
        return this;
    }

    private void reject(ValidationException e) {
        for (String v : e.violations()) {
            violations.add("action " + actions.size() + ": " + v);
        }
        // Keep positions stable so later violations name the right action.
        actions.add(null);
    }

    @Override
    public Transaction create(Object entity) {
        return put(entity, Operation.CREATE, WriteBuilder.Kind.CREATE);
    }

    @Override
    public Transaction save(Object entity) {
        return put(entity, Operation.SAVE, WriteBuilder.Kind.SAVE);
    }

    @Override
    public Transaction upsert(Object entity) {
        return put(entity, Operation.UPSERT, WriteBuilder.Kind.UPSERT);
    }

    /**
     * The concrete type an action by key on {@code type} acts through: {@code type} itself, or for a
     * sealed type the subtype its repository's update and delete would act through (see {@link
     * SealedRepository#subtypeFor}); null when a sealed type's candidate keys hold no item of theirs.
     */
    @SuppressWarnings("unchecked")
    private <T> @Nullable Class<? extends T> concrete(Class<T> type, Key key, String operation) {
        Objects.requireNonNull(type, "type");
        if (!(runtime.repository(type) instanceof SealedRepository<T> sealed)) {
            return type;
        }
        EntityModel<? extends T> subtype = sealed.subtypeFor(key, operation);
        return subtype == null ? null : subtype.type();
    }

    private <T> SealedRepository<T> sealed(Class<T> type) {
        return (SealedRepository<T>) runtime.repository(type);
    }

    @Override
    public <T> Transaction update(Class<T> type, Key key, UnaryOperator<Update> changes) {
        try {
            Class<? extends T> subtype = concrete(type, key, "update");
            if (subtype == null) {
                throw sealed(type).notFound(key, "update");
            }
            updateOf(subtype, key, changes);
        } catch (ValidationException e) {
            reject(e);
        }
        return this;
    }

    private <T> void updateOf(Class<T> type, Key key, UnaryOperator<Update> changes) {
        RepositoryImpl<T> repo = runtime.repositoryImpl(type);
        try {
            RepositoryImpl.UpdateRequest r = repo.updateRequest(key, changes);
            add(new Action(
                    Operation.UPDATE,
                    repo.writes(),
                    new TxWrite.Update(r.key(), r.update(), r.condition()),
                    r.key(),
                    r.version()));
        } catch (ValidationException e) {
            reject(e);
        }
    }

    @Override
    public <T> Transaction delete(Class<T> type, Key key) {
        try {
            Class<? extends T> subtype = concrete(type, key, "delete");
            if (subtype == null) {
                // No item of any candidate subtype: nothing to delete, which is fine, as for the repository.
                add(NO_OP);
                return this;
            }
            deleteOf(subtype, key);
        } catch (ValidationException e) {
            reject(e);
        }
        return this;
    }

    private <T> void deleteOf(Class<T> type, Key key) {
        WriteBuilder<T> w = writes(type);
        try {
            WriteBuilder.KeyTarget t = w.target(key, "delete");
            add(new Action(
                    Operation.DELETE,
                    w,
                    new TxWrite.Delete(t.key(), w.deleteCondition(t.version())),
                    t.key(),
                    t.version()));
        } catch (ValidationException e) {
            reject(e);
        }
    }

    @Override
    public <T> Transaction check(Class<T> type, Key key, Condition condition) {
        Objects.requireNonNull(condition, "condition");
        try {
            Class<? extends T> subtype = concrete(type, key, "check");
            if (subtype == null) {
                throw sealed(type).notFound(key, "check");
            }
            checkOf(subtype, key, condition);
        } catch (ValidationException e) {
            reject(e);
        }
        return this;
    }

    private <T> void checkOf(Class<T> type, Key key, Condition condition) {
        WriteBuilder<T> w = writes(type);
        try {
            WriteBuilder.KeyTarget t = w.target(key, "check");
            add(new Action(
                    Operation.CHECK, w, new TxWrite.Check(t.key(), w.checkCondition(condition)), t.key(), t.version()));
        } catch (ValidationException e) {
            reject(e);
        }
    }

    private void commit() {
        if (actions.size() > MAX_ACTIONS) {
            violations.add("the transaction has " + actions.size() + " actions; DynamoDB allows at most " + MAX_ACTIONS
                    + ": split it into several transactions");
        }
        Map<Map<String, ItemValue>, Integer> seen = new HashMap<>();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            if (a == null || a == NO_OP) {
                continue;
            }
            Integer first = seen.putIfAbsent(a.key(), i);
            if (first != null) {
                violations.add(
                        "actions " + first + " and " + i + " both address the item " + ItemValues.displayKey(a.key())
                                + "; a transaction may touch each item once: combine them into one action");
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        List<TxWrite> writes = new ArrayList<>(actions.size());
        List<Integer> sentActions = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) != NO_OP) {
                writes.add(actions.get(i).write());
                sentActions.add(i);
            }
        }
        if (writes.isEmpty()) {
            return;
        }
        try {
            runtime.store().transactWrite(writes, UUID.randomUUID().toString());
        } catch (TransactionCanceledByStoreException e) {
            throw canceled(e, sentActions);
        }
    }

    /** The cancellation in the user's terms; {@code sentActions} maps each sent write to its action. */
    private TransactionCanceledException canceled(TransactionCanceledByStoreException e, List<Integer> sentActions) {
        List<TransactionCanceledException.Reason> reasons = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (int sent = 0; sent < e.reasons().size(); sent++) {
            TransactionCanceledByStoreException.Reason r = e.reasons().get(sent);
            int i = sent < sentActions.size() ? sentActions.get(sent) : sent;
            Action a = i < actions.size() ? actions.get(i) : null;
            OrmException mapped = a == null || "None".equals(r.code()) ? null : map(a, r, e);
            reasons.add(new TransactionCanceledException.Reason(i, r.code(), r.message(), mapped));
            if (mapped != null) {
                summary.add("action " + i + " (" + a.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + a.writes().model().type().getSimpleName() + "): " + mapped.getMessage());
            }
        }
        return new TransactionCanceledException(
                "the transaction was cancelled and nothing was written: "
                        + (summary.isEmpty() ? e.getMessage() : String.join("; ", summary)),
                reasons,
                e);
    }

    private OrmException map(Action a, TransactionCanceledByStoreException.Reason r, Throwable cause) {
        switch (r.code()) {
            case "ConditionalCheckFailed":
                break;
            case "TransactionConflict":
                return new ConflictException(
                        "another request changed " + ItemValues.displayKey(a.key())
                                + " while the transaction ran; retry the transaction",
                        cause);
            case "ValidationError":
                return new ValidationException(r.message().isEmpty() ? "DynamoDB rejected the action" : r.message());
            default:
                return new BackendException(r.code() + (r.message().isEmpty() ? "" : ": " + r.message()), cause);
        }
        WriteBuilder<?> w = a.writes();
        Map<String, ItemValue> existing = a.kind() == Operation.CREATE || r.item() != null
                ? r.item()
                : runtime.store().get(a.key(), true, null).orElse(null);
        return WriteFailures.exception(w.model(), a.kind(), a.key(), existing, a.version(), cause);
    }
}
