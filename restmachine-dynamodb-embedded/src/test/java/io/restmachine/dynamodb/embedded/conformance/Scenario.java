package io.restmachine.dynamodb.embedded.conformance;

import java.util.List;

/**
 * One independent case: setup steps (each must succeed on both servers), then the steps under test,
 * whose responses are compared. With {@code merge}, the responses under test are combined into one
 * (items concatenated, counts summed) before comparing, for parallel scans whose split into
 * segments DynamoDB does not define. With {@code engineCors}, the engine's side runs on a server
 * of the same engine that allows those CORS origins ({@code serve --cors}); dynalite allows every
 * origin.
 */
record Scenario(
        String file,
        String id,
        String name,
        List<Step> setup,
        List<Step> test,
        boolean merge,
        List<String> engineCors) {

    Scenario {
        engineCors = List.copyOf(engineCors);
        setup = List.copyOf(setup);
        test = List.copyOf(test);
        if (test.isEmpty()) {
            throw new IllegalArgumentException(file + " › " + name + ": a scenario needs at least one step under test");
        }
    }

    String displayName() {
        return name + " [" + id + "]";
    }
}
