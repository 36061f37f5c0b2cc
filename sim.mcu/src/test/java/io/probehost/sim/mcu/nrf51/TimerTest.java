package io.probehost.sim.mcu.nrf51;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.MemoryPort;
import org.junit.jupiter.api.Test;

/** TIMER0 on virtual time, observed through the debug bus while the core is halted. */
class TimerTest {
    private static final int TIMER0 = 0x4000_8000;

    @Test
    void compareEventAndInterruptFollowVirtualTimeWhileTheCoreIsHalted() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            mcu.resetAndHalt();
            MemoryPort bus = mcu.debugBus();
            bus.write(TIMER0 + 0x510, AccessSize.WORD, 4);          // PRESCALER: 1 MHz
            bus.write(TIMER0 + 0x540, AccessSize.WORD, 100);        // CC[0]
            bus.write(TIMER0 + 0x304, AccessSize.WORD, 1 << 16);    // INTENSET COMPARE0
            bus.write(TIMER0, AccessSize.WORD, 1);                  // START
            mcu.clock().advance(99_000);
            assertEquals(0, bus.read(TIMER0 + 0x140, AccessSize.WORD));
            mcu.clock().advance(1_000);
            assertEquals(1, bus.read(TIMER0 + 0x140, AccessSize.WORD));
            assertEquals(1 << 8, bus.read(0xE000_E200, AccessSize.WORD) & (1 << 8), "IRQ 8 pending");
            mcu.clock().advance(23_000);
            bus.write(TIMER0 + 0x044, AccessSize.WORD, 1);          // CAPTURE[1]
            assertEquals(123, bus.read(TIMER0 + 0x544, AccessSize.WORD));
        }
    }
}
