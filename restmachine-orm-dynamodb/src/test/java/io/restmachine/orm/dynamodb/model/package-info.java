/** The seed's models and a few more, as the backend integration suites store them. */
@NullMarked
package io.restmachine.orm.dynamodb.model;

import org.jspecify.annotations.NullMarked;
