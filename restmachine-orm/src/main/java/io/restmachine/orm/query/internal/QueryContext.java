package io.restmachine.orm.query.internal;

import io.restmachine.orm.convert.internal.CodecRegistry;
import io.restmachine.orm.model.internal.EntityModel;
import io.restmachine.orm.spi.Store;

/**
 * What a query needs from the ORM that runs it.
 *
 * @param store where reads go
 * @param model the entity model
 * @param codecs conversions for condition values
 * @param cursors signs and checks cursors
 * @param scanWarnings remembers which query shapes were warned about for running as a Scan
 * @param <T> the model type
 */
public record QueryContext<T>(
        Store store, EntityModel<T> model, CodecRegistry codecs, CursorCodec cursors, ScanWarnings scanWarnings) {

    /** A context with its own scan warnings. */
    public QueryContext(Store store, EntityModel<T> model, CodecRegistry codecs, CursorCodec cursors) {
        this(store, model, codecs, cursors, new ScanWarnings());
    }
}
