/**
 * Test support for Spring Boot applications: {@link io.restmachine.orm.spring.test.FreshDynamoDBTable}
 * puts a {@code @SpringBootTest} on the embedded engine and gives each test method an empty table.
 * Needs {@code spring-test} (in {@code spring-boot-starter-test}) on the test classpath.
 */
@NullMarked
package io.restmachine.orm.spring.test;

import org.jspecify.annotations.NullMarked;
