/** The table shared with the Python original: the interoperability suite and its models. */
@NullMarked
package io.restmachine.orm.dynamodb.python;

import org.jspecify.annotations.NullMarked;
