/** The {@code restmachine-orm} command line. */
@NullMarked
package io.restmachine.orm.cli;

import org.jspecify.annotations.NullMarked;
