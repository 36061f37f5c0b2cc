package io.probehost.api.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FlashAlgorithmTest {

    private static FlashAlgorithm withoutTimeouts() {
        return new FlashAlgorithm("algo", new byte[] {0, (byte) 0xBE, 0, (byte) 0xBE}, 0x2000_0000L, 0x2000_0005L, 0,
                0, 0x2000_0009L, 0x2000_000DL, 0x2000_0100L, 0x2000_1000L, List.of(0x2000_2000L), 4, 0x400, 0xFF);
    }

    @Test
    void algorithmWithoutStatedTimeoutsGetsTheDefaults() {
        FlashAlgorithm algorithm = withoutTimeouts();

        assertEquals(FlashAlgorithm.DEFAULT_PROGRAM_TIMEOUT, algorithm.programTimeout());
        assertEquals(FlashAlgorithm.DEFAULT_ERASE_TIMEOUT, algorithm.eraseTimeout());
    }

    @Test
    void withTimeoutsKeepsEverythingElse() {
        FlashAlgorithm algorithm = withoutTimeouts().withTimeouts(Duration.ofMillis(100), Duration.ofMillis(3000));

        assertEquals(Duration.ofMillis(100), algorithm.programTimeout());
        assertEquals(Duration.ofMillis(3000), algorithm.eraseTimeout());
        assertEquals(0x2000_000DL, algorithm.pcProgramPage());
        assertEquals(List.of(0x2000_2000L), algorithm.pageBuffers());
    }

    @Test
    void zeroTimeoutIsRefusedNamingTheAlgorithm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withoutTimeouts().withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));

        assertEquals("flash algorithm algo: the program timeout PT0S is not positive", e.getMessage());
    }
}
