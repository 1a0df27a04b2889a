/** The restmachine-orm user API: annotations, {@link io.restmachine.orm.Repository}, queries, conditions, updates, keys and exceptions. */
@NullMarked
package io.restmachine.orm;

import org.jspecify.annotations.NullMarked;
