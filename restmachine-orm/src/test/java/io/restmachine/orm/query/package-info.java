/** Tests. */
@NullMarked
package io.restmachine.orm.query;

import org.jspecify.annotations.NullMarked;
