/**
 * The 10-attribute order model every benchmark maps, written once for restmachine-orm (records)
 * and once for the Enhanced Client (beans, and a hand-written static schema).
 */
@NullMarked
package io.restmachine.orm.bench.model;

import org.jspecify.annotations.NullMarked;
