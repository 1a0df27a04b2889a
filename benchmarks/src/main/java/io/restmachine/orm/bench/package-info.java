/**
 * Side-by-side benchmarks of restmachine-orm against the AWS Enhanced Client and dynalite: the
 * {@link io.restmachine.orm.bench.Suite} runs all six measurements and prints one table of ratios
 * and goals. Not published; see {@code docs/benchmarks.md}.
 */
@NullMarked
package io.restmachine.orm.bench;

import org.jspecify.annotations.NullMarked;
