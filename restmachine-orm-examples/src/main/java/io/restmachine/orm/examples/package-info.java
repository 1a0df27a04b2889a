/**
 * Every example of the documentation, runnable: each class has a {@code main} that runs it on an
 * embedded engine, and a method that tests call. The README's Java snippets are copied from here
 * (a test checks that they still match).
 */
@NullMarked
package io.restmachine.orm.examples;

import org.jspecify.annotations.NullMarked;
