/**
 * Measurements that JMH does not fit: cold start and memory (child JVMs), the engine over HTTP
 * against dynalite, and batch writes under injected latency.
 */
@NullMarked
package io.restmachine.orm.bench.measure;

import org.jspecify.annotations.NullMarked;
