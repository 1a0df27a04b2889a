package io.restmachine.dynamodb.embedded.conformance;

/**
 * The CI side of the nested sweep ({@link NestedSweepCases}): every attribute value form and fault at
 * every position that carries values, and every class of expression error in every expression
 * parameter, sent to the engine and checked against {@code sweep/nested-expected.json}, as
 * {@link SweepTest} checks the parameter sweep.
 */
class NestedSweepTest extends SweepTest {
    @Override
    Sweep sweep() {
        return Sweep.nested();
    }
}
