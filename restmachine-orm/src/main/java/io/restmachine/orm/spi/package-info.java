/** The backend SPI: what a storage backend implements ({@link io.restmachine.orm.spi.Store}) (the facade that turns it into repositories, {@link io.restmachine.orm.Orm}, is outside). Whole items cross this boundary as {@link io.restmachine.orm.spi.StoreItem} (in the store's own {@link io.restmachine.orm.spi.ValueFormat}, without a copy), keys and other values as {@link io.restmachine.orm.ItemValue}; expressions cross it as DynamoDB expression text with placeholders. */
@NullMarked
package io.restmachine.orm.spi;

import org.jspecify.annotations.NullMarked;
