/** Tests. */
@NullMarked
package io.restmachine.orm.convert;

import org.jspecify.annotations.NullMarked;
