/** Tests. */
@NullMarked
package io.restmachine.orm.repository;

import org.jspecify.annotations.NullMarked;
