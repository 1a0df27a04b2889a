/** Internals of the JUnit support; may change at any time, do not use. */
@NullMarked
package io.restmachine.orm.test.internal;

import org.jspecify.annotations.NullMarked;
