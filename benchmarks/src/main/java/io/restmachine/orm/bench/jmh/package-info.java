/** JMH benchmarks: mapping (measurement 1) and repository overhead (measurement 2). */
@NullMarked
package io.restmachine.orm.bench.jmh;

import org.jspecify.annotations.NullMarked;
