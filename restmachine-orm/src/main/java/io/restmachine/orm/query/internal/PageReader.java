package io.restmachine.orm.query.internal;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.spi.ReadPage;
import io.restmachine.orm.spi.ReadRequest;
import io.restmachine.orm.spi.Store;
import io.restmachine.orm.spi.StoreItem;
import io.restmachine.orm.spi.ValueFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the pages of one planned request through the store: fills a page up to its limit across as
 * many store pages as filters require, and resumes from the key of the last item returned (so the
 * next page starts right after it, whatever the store read beyond it). {@link ReadSequence} turns
 * these resume keys into cursors.
 */
final class PageReader<T> {
    /** The most items one store request evaluates (DynamoDB's Limit) while filling a page. */
    static final int MAX_REQUEST_LIMIT = 1000;

    /** Turns a stored item into what the read returns, or null to skip it (an item of another entity type). */
    @FunctionalInterface
    interface Decoder<T> {
        @Nullable
        T decode(StoreItem item);
    }

    private final Store store;
    private final ReadPlan plan;
    private final Decoder<T> decoder;

    /** A reader of {@code plan}'s request, returning what {@code decoder} makes of each item it keeps. */
    PageReader(Store store, ReadPlan plan, Decoder<T> decoder) {
        this.store = store;
        this.plan = plan;
        this.decoder = decoder;
    }

    /** The decoder of one model's items, holding only the selected fields when the query has a select. */
    static <T> Decoder<T> only(EntityModel<T> model, ReadPlan plan) {
        return decoder(item -> model.owns(item) ? model : null, plan);
    }

    ReadPlan plan() {
        return plan;
    }

    /**
     * Up to {@code limit} items from {@code start} on.
     *
     * @param items the items
     * @param resume where the next page resumes (the last item's key, with the counts this page read
     *     and kept) when more may follow; null when the request has no more
     */
    record Filled<T>(List<T> items, CursorCodec.@Nullable Position resume) {}

    /**
     * A page from this position (null for the beginning). The counts the previous page carried in
     * its cursor size the first request, so a filtered read needs one request per page, not two.
     */
    Filled<T> fill(int limit, CursorCodec.@Nullable Position start) {
        List<T> items = new ArrayList<>(Math.min(limit, 1024));
        Map<String, ItemValue> startKey = start == null ? null : start.startKey();
        long scanned = start == null ? 0 : start.scanned();
        long matched = start == null ? 0 : start.matched();
        long readHere = 0;
        long keptHere = 0;
        while (true) {
            int remaining = limit - items.size();
            int requestLimit = requestLimit(remaining, scanned, matched);
            ReadPage page = store.read(request(requestLimit, startKey, false));
            scanned += page.scannedCount();
            matched += page.count();
            readHere += page.scannedCount();
            keptHere += page.count();
            List<StoreItem> found = page.items();
            for (int i = 0; i < found.size(); i++) {
                StoreItem item = found.get(i);
                T decoded = decoder.decode(item);
                if (decoded == null) {
                    continue;
                }
                items.add(decoded);
                if (items.size() == limit) {
                    boolean more = i < found.size() - 1 || page.lastEvaluatedKey() != null;
                    return new Filled<>(items, more ? resumeAfter(item, readHere, keptHere) : null);
                }
            }
            if (page.lastEvaluatedKey() == null) {
                return new Filled<>(items, null);
            }
            startKey = page.lastEvaluatedKey();
        }
    }

    /**
     * The Limit of the next request: what is still missing, scaled by the share of items the filter
     * has kept so far, so that heavily filtered queries don't crawl in tiny requests, plus an eighth
     * when the filter dropped items, so that a share that varies a little from request to request (a collection of interleaved
     * types) still fills the page in one request rather than two. Items read beyond the page are
     * read again by the next page: the margin costs up to an eighth more read capacity on filtered
     * reads, and saves a round trip on most of their pages.
     */
    static int requestLimit(int remaining, long scanned, long matched) {
        long want = remaining;
        if (scanned > 0) {
            if (matched == 0) {
                want = scanned * 2;
            } else if (matched == scanned) {
                want = remaining;
            } else {
                want = (remaining * scanned * 9 + matched * 8 - 1) / (matched * 8);
            }
        }
        return (int) Math.max(remaining, Math.min(MAX_REQUEST_LIMIT, want));
    }

    /**
     * The decoder of items of the models {@code modelOf} finds (null: skip the item), holding only the
     * selected fields when the query has a select.
     */
    static <T> Decoder<T> decoder(
            java.util.function.Function<StoreItem, @Nullable EntityModel<? extends T>> modelOf, ReadPlan plan) {
        Set<String> selectedAttributes = plan.selectedAttributes();
        return item -> {
            EntityModel<? extends T> model = modelOf.apply(item);
            if (model == null) {
                return null;
            }
            if (selectedAttributes.isEmpty()) {
                return model.fromItem(item);
            }
            Map<String, ItemValue> selected = new HashMap<>();
            for (String attribute : selectedAttributes) {
                ItemValue v = item.get(attribute);
                if (v != null) {
                    selected.put(attribute, v);
                }
            }
            return model.fromItem(StoreItem.of(selected, ValueFormat.neutral()));
        };
    }

    private CursorCodec.Position resumeAfter(StoreItem item, long scanned, long matched) {
        int cap = Integer.MAX_VALUE / 16;
        return new CursorCodec.Position(
                keyOf(item), (int) Math.min(scanned, cap), (int) Math.min(matched, Math.min(scanned, cap)));
    }

    /** The start key that resumes right after this item. */
    private Map<String, ItemValue> keyOf(StoreItem item) {
        Map<String, ItemValue> key = new HashMap<>();
        for (String attribute : plan.cursorAttributes()) {
            ItemValue v = item.get(attribute);
            if (v == null) {
                throw new IllegalStateException("item lacks key attribute " + attribute + " needed for a cursor");
            }
            key.put(attribute, v);
        }
        return key;
    }

    ReadRequest request(@Nullable Integer limit, @Nullable Map<String, ItemValue> start, boolean count) {
        ReadRequest r = plan.request();
        return new ReadRequest(
                r.indexName(),
                r.keyCondition(),
                r.filter(),
                count ? null : r.projection(),
                r.scanForward(),
                r.consistentRead(),
                limit,
                start,
                count);
    }

    /** Every matching item, one store page at a time as the iterator advances. */
    Iterator<T> iterator(@Nullable Map<String, ItemValue> start) {
        return new Iterator<>() {
            private @Nullable Map<String, ItemValue> next = start;
            private boolean done;
            private List<StoreItem> buffer = List.of();
            private int position;
            private @Nullable T pending;

            @Override
            public boolean hasNext() {
                while (pending == null) {
                    if (position < buffer.size()) {
                        pending = decoder.decode(buffer.get(position++));
                        continue;
                    }
                    if (done) {
                        return false;
                    }
                    ReadPage page = store.read(request(null, next, false));
                    buffer = page.items();
                    position = 0;
                    next = page.lastEvaluatedKey();
                    done = next == null;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T out = pending;
                pending = null;
                return out;
            }
        };
    }

    /**
     * How many items match, from {@code start} on ({@code Select=COUNT} pages). With a limit, at most
     * {@code limit}: each request asks only for what is still missing (scaled by the filter's share,
     * as {@link #page} does) and reading stops as soon as {@code limit} matches are counted.
     */
    long count(@Nullable Map<String, ItemValue> start, @Nullable Integer limit) {
        long total = 0;
        long scanned = 0;
        Map<String, ItemValue> next = start;
        do {
            Integer requestLimit = limit == null ? null : requestLimit((int) (limit - total), scanned, total);
            ReadPage page = store.read(request(requestLimit, next, true));
            total += page.count();
            scanned += page.scannedCount();
            if (limit != null && total >= limit) {
                // A request may evaluate more than was missing; matches beyond the limit are not counted.
                return limit;
            }
            next = page.lastEvaluatedKey();
        } while (next != null);
        return total;
    }
}
