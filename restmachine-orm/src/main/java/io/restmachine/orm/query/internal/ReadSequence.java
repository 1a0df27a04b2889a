package io.restmachine.orm.query.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Page;
import io.restmachine.orm.Plan;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * A planned read of one request or of several sent one after the other (a polymorphic query whose
 * subtypes compute different partition keys): pages, iteration and counts run through the
 * requests in order, and cursors say which request to resume and where. A read of one request
 * keeps the cursor format of every query; a read of several binds its cursors to all of them.
 */
public final class ReadSequence<T> {
    private final List<PageReader<T>> parts;
    private final CursorCodec cursors;
    private final Plan plan;
    private final byte[] fingerprint;
    private final List<List<String>> partAttributes = new ArrayList<>();

    ReadSequence(List<PageReader<T>> parts, CursorCodec cursors, Plan plan, byte[] fingerprint) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a read needs at least one request");
        }
        this.parts = List.copyOf(parts);
        this.cursors = cursors;
        this.plan = plan;
        this.fingerprint = fingerprint.clone();
        for (PageReader<T> p : parts) {
            partAttributes.add(p.plan().cursorAttributes());
        }
    }

    /** A read of one request. */
    static <T> ReadSequence<T> of(PageReader<T> reader, CursorCodec cursors) {
        ReadPlan p = reader.plan();
        return new ReadSequence<>(List.of(reader), cursors, p.plan(), p.fingerprint());
    }

    /** What {@code explain()} shows. */
    public Plan plan() {
        return plan;
    }

    /** Whether this is one DynamoDB Query, so its last item is the first of the reverse order. */
    boolean singleQuery() {
        return parts.size() == 1 && plan.operation() == Plan.Operation.QUERY;
    }

    /** A request to resume and where in it (null: at its start). */
    private record Position(int part, CursorCodec.@Nullable Position at) {
        @Nullable
        Map<String, ItemValue> key() {
            return at == null ? null : at.startKey();
        }
    }

    private Position start(@Nullable String cursor) {
        if (cursor == null) {
            return new Position(0, null);
        }
        if (parts.size() == 1) {
            ReadPlan p = parts.get(0).plan();
            return new Position(0, cursors.position(cursor, p.fingerprint(), p.cursorAttributes()));
        }
        CursorCodec.PartPosition p = cursors.decodePart(cursor, fingerprint, partAttributes);
        return new Position(p.part(), p.position().startKey().isEmpty() ? null : p.position());
    }

    private String cursor(int part, CursorCodec.Position at) {
        if (parts.size() == 1) {
            return cursors.encode(parts.get(0).plan().fingerprint(), at);
        }
        return cursors.encodePart(fingerprint, part, at);
    }

    /** Up to {@code limit} items from the cursor on, with the cursor of the next page. */
    Page<T> page(int limit, @Nullable String cursor) {
        Position at = start(cursor);
        List<T> items = new ArrayList<>(Math.min(limit, 1024));
        CursorCodec.Position from = at.at();
        for (int part = at.part(); part < parts.size(); part++) {
            PageReader.Filled<T> filled = parts.get(part).fill(limit - items.size(), from);
            items.addAll(filled.items());
            if (filled.resume() != null) {
                return new Page<>(items, cursor(part, filled.resume()));
            }
            from = null;
            if (items.size() == limit) {
                // The next request may hold more: resume at its start.
                return new Page<>(
                        items,
                        part + 1 < parts.size() ? cursor(part + 1, new CursorCodec.Position(Map.of(), 0, 0)) : null);
            }
        }
        return new Page<>(items, null);
    }

    /** Every item from the cursor on, requests read as the iterator advances. */
    Iterator<T> iterator(@Nullable String cursor) {
        Position at = start(cursor);
        return new Iterator<>() {
            private int part = at.part();
            private Iterator<T> current = parts.get(part).iterator(at.key());

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (++part >= parts.size()) {
                        return false;
                    }
                    current = parts.get(part).iterator(null);
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** How many items match from the cursor on; at most {@code limit} if one is given. */
    long count(@Nullable String cursor, @Nullable Integer limit) {
        Position at = start(cursor);
        long total = 0;
        Map<String, ItemValue> key = at.key();
        for (int part = at.part(); part < parts.size(); part++) {
            Integer left = limit == null ? null : (int) (limit - total);
            total += parts.get(part).count(key, left);
            if (limit != null && total >= limit) {
                return limit;
            }
            key = null;
        }
        return total;
    }
}
