/**
 * Internal: the repository, update and transaction implementations over the backend SPI. May change at
 * any time; not for use outside restmachine-orm.
 */
@NullMarked
package io.restmachine.orm.repository.internal;

import org.jspecify.annotations.NullMarked;
