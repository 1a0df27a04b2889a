/**
 * Internal: the codecs that turn Java values into {@link io.restmachine.orm.ItemValue}s and
 * back. May change at any time; not for use outside restmachine-orm.
 */
@NullMarked
package io.restmachine.orm.convert.internal;

import org.jspecify.annotations.NullMarked;
