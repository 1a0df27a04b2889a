@NullMarked
package io.restmachine.orm.model.internal;

import org.jspecify.annotations.NullMarked;
