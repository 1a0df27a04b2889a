package io.restmachine.dynamodb.embedded.action;

import java.time.Duration;

/** The faults to inject, as the actions and the protocol layer consult them. */
public interface FaultPlan {
    /** No faults. */
    FaultPlan NONE = new FaultPlan() {
        @Override
        public boolean throttle() {
            return false;
        }

        @Override
        public boolean unprocessed() {
            return false;
        }

        @Override
        public Duration latency() {
            return Duration.ZERO;
        }
    };

    /** Whether to throttle this request. */
    boolean throttle();

    /** Whether to leave this batch item unprocessed. */
    boolean unprocessed();

    /** Latency to add to each request. */
    Duration latency();
}
