/**
 * Internal: query planning, expression rendering, page filling and cursors. May change at
 * any time; not for use outside restmachine-orm.
 */
@NullMarked
package io.restmachine.orm.query.internal;

import org.jspecify.annotations.NullMarked;
