/** A small REST service over users and their orders, on restmachine-orm's Spring Boot starter. */
@NullMarked
package io.restmachine.orm.examples.spring;

import org.jspecify.annotations.NullMarked;
