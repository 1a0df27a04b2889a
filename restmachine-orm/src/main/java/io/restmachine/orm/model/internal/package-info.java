/**
 * Internal: model metadata (properties, keys, hooks), built once per class. May change at
 * any time; not for use outside restmachine-orm.
 */
@NullMarked
package io.restmachine.orm.model.internal;

import org.jspecify.annotations.NullMarked;
