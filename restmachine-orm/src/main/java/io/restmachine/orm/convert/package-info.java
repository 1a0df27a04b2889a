/**
 * Custom type conversion: implement {@link io.restmachine.orm.convert.AttributeConverter} for a
 * type the ORM does not know and register it with {@link
 * io.restmachine.orm.spi.OrmSettings#withConverter}.
 */
@NullMarked
package io.restmachine.orm.convert;

import org.jspecify.annotations.NullMarked;
