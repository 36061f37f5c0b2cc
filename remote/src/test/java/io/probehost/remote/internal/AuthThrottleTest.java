package io.probehost.remote.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AuthThrottleTest {
    private final AuthThrottle throttle = new AuthThrottle(Duration.ofMillis(250), Duration.ofSeconds(2));

    @Test
    void delayDoublesPerWrongTokenUpToTheMaximum() {
        assertEquals(Duration.ofMillis(250), throttle.refused("10.0.0.1"));
        assertEquals(Duration.ofMillis(500), throttle.refused("10.0.0.1"));
        assertEquals(Duration.ofMillis(1000), throttle.refused("10.0.0.1"));
        assertEquals(Duration.ofMillis(2000), throttle.refused("10.0.0.1"));
        assertEquals(Duration.ofMillis(2000), throttle.refused("10.0.0.1"));
        assertEquals(5, throttle.failures("10.0.0.1"));
    }

    @Test
    void delayIsCountedPerSourceAddress() {
        throttle.refused("10.0.0.1");
        throttle.refused("10.0.0.1");
        assertEquals(Duration.ofMillis(250), throttle.refused("10.0.0.2"));
    }

    @Test
    void aRightTokenClearsTheCount() {
        throttle.refused("10.0.0.1");
        throttle.refused("10.0.0.1");
        throttle.accepted("10.0.0.1");
        assertEquals(0, throttle.failures("10.0.0.1"));
        assertEquals(Duration.ofMillis(250), throttle.refused("10.0.0.1"));
    }

    @Test
    void manyFailuresDoNotOverflowTheDelay() {
        for (int i = 0; i < 100; i++) {
            throttle.refused("10.0.0.3");
        }
        assertEquals(Duration.ofSeconds(2), throttle.refused("10.0.0.3"));
    }
}
