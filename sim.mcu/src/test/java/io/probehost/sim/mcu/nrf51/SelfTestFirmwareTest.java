package io.probehost.sim.mcu.nrf51;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.mcu.RunOutcome;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A gcc-built firmware (src/test/c/selftest.c) run from flash through reset. The expected UART
 * text is what the same image prints on qemu-system-arm -M microbit (QEMU 7.2).
 */
class SelfTestFirmwareTest {
    private static final String QEMU_OUTPUT = String.join("\n",
            "selftest", "crc=8291f464", "sdiv=000c00bd", "udiv=00005e98", "u64hi=67ef4146", "u64lo=f871bf5a",
            "s64=d050f5b8", "mem=5ab886c6", "fib=00001a6d", "svc=00000002", "pendsv=00000001",
            "ticks=00000005", "timer=00000003", "done", "");

    @Test
    void firmwarePrintsTheSameResultsAsQemuWhenRunFromReset() throws Exception {
        byte[] image;
        try (InputStream in = getClass().getResourceAsStream("/selftest.bin")) {
            image = in.readAllBytes();
        }
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            mcu.loadFlash(0, image);
            mcu.resetAndHalt();
            assertEquals(RunOutcome.SLEEPING, mcu.runUntilHalted(50_000_000));
            assertEquals(QEMU_OUTPUT, new String(mcu.uartOutput(), StandardCharsets.US_ASCII));
        }
    }
}
