/** Robustness of the ORM over the embedded engine: bad input, concurrency and round-trip properties. */
@NullMarked
package io.restmachine.orm.dynamodb.robustness;

import org.jspecify.annotations.NullMarked;
