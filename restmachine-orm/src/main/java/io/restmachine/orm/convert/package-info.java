/**
 * Custom type conversion: implement {@link io.restmachine.orm.convert.AttributeConverter} for a
 * type the ORM does not know and register it on the backend, {@code
 * DynamoDBBackend.builder().converter(Money.class, money)}.
 */
@NullMarked
package io.restmachine.orm.convert;

import org.jspecify.annotations.NullMarked;
