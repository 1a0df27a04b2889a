/** Tests. */
@NullMarked
package io.restmachine.orm.model;

import org.jspecify.annotations.NullMarked;
