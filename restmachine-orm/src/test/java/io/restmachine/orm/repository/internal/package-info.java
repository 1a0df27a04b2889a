@NullMarked
package io.restmachine.orm.repository.internal;

import org.jspecify.annotations.NullMarked;
