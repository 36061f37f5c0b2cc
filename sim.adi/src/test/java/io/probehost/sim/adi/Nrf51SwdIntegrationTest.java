package io.probehost.sim.adi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.nrf51.Nrf51822;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SWJ-DP in front of the real virtual nRF51822, driven bit by bit over SWD. */
class Nrf51SwdIntegrationTest {
    private static final int CSW_WORD_SINGLE = 0x2300_0012;
    private static final int CSW_BYTE = 0x2300_0000;
    private static final int DHCSR = 0xE000_EDF0;
    private static final int DCRSR = 0xE000_EDF4;
    private static final int DCRDR = 0xE000_EDF8;
    private static final int CPUID = 0xE000_ED00;

    private Nrf51822 mcu;
    private SwdHost host;

    @BeforeEach
    void connect() {
        mcu = Nrf51822.create(null);
        mcu.loadFlash(0, OpenOcdNrf51JudgeTest.previousFirmware());
        mcu.reset();
        host = new SwdHost(new SwjDp(mcu, WireMode.JTAG, 1_000));
        host.connect();
    }

    @AfterEach
    void close() {
        mcu.close();
    }

    private int readWord(int address) {
        host.writeAp(0x00, CSW_WORD_SINGLE);
        host.writeAp(0x04, address);
        return host.readAp(0x0C);
    }

    private void writeWord(int address, int value) {
        host.writeAp(0x00, CSW_WORD_SINGLE);
        host.writeAp(0x04, address);
        host.writeAp(0x0C, value);
    }

    @Test
    void debugPowerIsAcknowledgedWhenRequestedFromTheNrf51() {
        assertEquals(0xF000_0000, host.readDp(0x4) & 0xF000_0000);
        assertTrue(mcu.isDebugPowered());
    }

    @Test
    void romTableLeadsToTheScsWhenWalkedFromApBase() {
        host.writeDp(0x8, 0xF0);
        assertEquals(0x0477_0021, host.readAp(0xC));
        assertEquals(0xE00F_F003, host.readAp(0x8));
        host.writeDp(0x8, 0x00);
        int firstEntry = readWord(0xE00F_F000);
        assertEquals(0xE000_E000, 0xE00F_F000 + (firstEntry & 0xFFFF_F000), "first ROM table entry is the SCS");
    }

    @Test
    void cpuidReadsCortexM0WhenReadThroughTheAp() {
        assertEquals(0x410C_C200, readWord(CPUID) & 0xFFFF_FFF0, "Arm Cortex-M0");
    }

    @Test
    void pcReadsThroughDcrsrWhenTheDebuggerHaltsTheCore() {
        writeWord(DHCSR, 0xA05F_0003);
        assertTrue((readWord(DHCSR) & (1 << 17)) != 0, "S_HALT");
        writeWord(DCRSR, 15);
        assertEquals(0x40, readWord(DCRDR), "the spinning reset handler");
    }

    @Test
    void ramTakesEachByteWhenByteWritesUseTheirLanes() {
        host.writeAp(0x00, CSW_BYTE | 0x10);
        host.writeAp(0x04, Nrf51822.RAM_BASE + 0x200);
        for (int i = 0; i < 4; i++) {
            host.writeAp(0x0C, (0xA0 + i) << (8 * i));
        }
        assertEquals(0xA3A2_A1A0, readWord(Nrf51822.RAM_BASE + 0x200));
    }

    @Test
    void rdbuffAnswersFaultWhenTheReadAddressIsUnmapped() {
        host.writeAp(0x04, 0x3000_0000);
        host.read(true, 0x0C);
        assertEquals(Ack.FAULT.swdCode(), host.read(false, 0xC).ack());
        assertEquals(DebugPort.STICKYERR, host.readDp(0x4) & DebugPort.STICKYERR);
        host.writeDp(0x0, 0x1E);
        assertEquals(0x410C_C200, readWord(CPUID) & 0xFFFF_FFF0);
    }
}
