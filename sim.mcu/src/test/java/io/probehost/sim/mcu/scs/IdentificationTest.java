package io.probehost.sim.mcu.scs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CPUID, the ROM table and the CoreSight IDs a debugger reads to discover the core. */
class IdentificationTest {
    private final Nrf51822 mcu = Nrf51822.create(null);
    private final MemoryPort bus = mcu.debugBus();

    @AfterEach
    void close() {
        mcu.close();
    }

    private int read(int address) throws Exception {
        return bus.read(address, AccessSize.WORD);
    }

    private long pid(int base) throws Exception {
        long pid = 0;
        int[] offsets = {0xFE0, 0xFE4, 0xFE8, 0xFEC, 0xFD0};
        for (int i = 0; i < offsets.length; i++) {
            pid |= (long) (read(base + offsets[i]) & 0xFF) << (8 * i);
        }
        return pid;
    }

    private int cid(int base) throws Exception {
        int cid = 0;
        for (int i = 0; i < 4; i++) {
            cid |= (read(base + 0xFF0 + 4 * i) & 0xFF) << (8 * i);
        }
        return cid;
    }

    @Test
    void cpuidReportsCortexM0R0p0() throws Exception {
        assertEquals(0x410C_C200, read(0xE000_ED00));
    }

    @Test
    void romTableBaseHasFormatAndPresentBits() {
        assertEquals(0xE00F_F003, mcu.romTableBase());
    }

    @Test
    void romTableListsScsDwtAndBpuThenEnds() throws Exception {
        int base = 0xE00F_F000;
        assertEquals(0xE000_E000, base + (read(base) & ~0xFFF));
        assertEquals(0xE000_1000, base + (read(base + 4) & ~0xFFF));
        assertEquals(0xE000_2000, base + (read(base + 8) & ~0xFFF));
        assertEquals(3, read(base) & 3);
        assertEquals(0, read(base + 12));
        assertEquals(1, read(base + 0xFCC), "MEMTYPE SYSMEM");
    }

    @Test
    void componentIdsMatchTheCortexM0Parts() throws Exception {
        assertEquals(0xB105_100D, cid(0xE00F_F000));
        assertEquals(0x04_000B_B471L, pid(0xE00F_F000));
        assertEquals(0xB105_E00D, cid(0xE000_E000));
        assertEquals(0x04_000B_B008L, pid(0xE000_E000));
        assertEquals(0x04_000B_B00AL, pid(0xE000_1000));
        assertEquals(0x04_000B_B00BL, pid(0xE000_2000));
    }

    @Test
    void ficrDescribesAnNrf51822Qfaa() throws Exception {
        assertEquals(1024, read(0x1000_0010));
        assertEquals(256, read(0x1000_0014));
        assertEquals(0x0072, read(0x1000_005C) & 0xFFFF);
        assertEquals(2, read(0x1000_0034));
        assertEquals(0x2000, read(0x1000_0038));
        assertEquals(0xFFFF_FFFF, read(0x1000_0028), "CLENR0 unset");
        assertEquals(0xFFFF_FFFF, read(0x1000_0100), "no FICR INFO block");
    }
}
