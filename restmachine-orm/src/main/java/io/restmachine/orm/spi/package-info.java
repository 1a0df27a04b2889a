/** The backend SPI: what a storage backend implements ({@link io.restmachine.orm.spi.Store}) (the facade that turns it into repositories, {@link io.restmachine.orm.Orm}, is outside). Values cross this boundary as {@link io.restmachine.orm.ItemValue}; expressions cross it as DynamoDB expression text with placeholders. */
@NullMarked
package io.restmachine.orm.spi;

import org.jspecify.annotations.NullMarked;
