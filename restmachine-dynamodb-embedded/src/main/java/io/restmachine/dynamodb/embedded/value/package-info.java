/** Internal: the engine's attribute values (DynamoDB's ten types), their ordering, sizes and JSON form. May change at any time. */
@NullMarked
package io.restmachine.dynamodb.embedded.value;

import org.jspecify.annotations.NullMarked;
