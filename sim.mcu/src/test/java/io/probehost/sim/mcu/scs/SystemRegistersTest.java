package io.probehost.sim.mcu.scs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.RunOutcome;
import io.probehost.sim.mcu.cpu.CoreRegister;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SCB, NVIC and SysTick registers as firmware and debugger see them. */
class SystemRegistersTest {
    private Nrf51822 mcu;
    private MemoryPort bus;

    @BeforeEach
    void create() {
        mcu = Nrf51822.create(null);
        mcu.resetAndHalt();
        bus = mcu.debugBus();
    }

    @AfterEach
    void close() {
        mcu.close();
    }

    private int read(int address) throws BusFault {
        return bus.read(address, AccessSize.WORD);
    }

    private void write(int address, int value) throws BusFault {
        bus.write(address, AccessSize.WORD, value);
    }

    @Test
    void icsrReportsPendingExceptionsAndClearsThem() throws Exception {
        write(0xE000_E100, 1 << 3);
        write(0xE000_E200, 1 << 3);
        write(0xE000_ED04, (1 << 28) | (1 << 26));
        int icsr = read(0xE000_ED04);
        assertEquals(14, (icsr >>> 12) & 0x1FF, "PendSV first: same priority, lower number");
        assertEquals(1 << 22, icsr & (1 << 22), "ISRPENDING");
        assertEquals((1 << 28) | (1 << 26), icsr & ((1 << 28) | (1 << 26)));
        write(0xE000_ED04, (1 << 27) | (1 << 25));
        assertEquals(19, (read(0xE000_ED04) >>> 12) & 0x1FF);
        write(0xE000_E280, 1 << 3);
        assertEquals(0, read(0xE000_E200));
    }

    @Test
    void priorityRegistersKeepOnlyTheTopTwoBits() throws Exception {
        write(0xE000_E404, 0xFF7F_3FC0);
        assertEquals(0xC040_00C0, read(0xE000_E404));
        write(0xE000_ED20, 0xFFFF_0000);
        assertEquals(0xC0C0_0000, read(0xE000_ED20));
        write(0xE000_ED1C, 0x8000_0000);
        assertEquals(0x8000_0000, read(0xE000_ED1C));
    }

    @Test
    void sysTickCountsDownAndSetsCountflagOnce() throws Exception {
        assertEquals(0xC000_0000, read(0xE000_E01C), "CALIB: no reference clock");
        write(0xE000_E014, 99);
        write(0xE000_E018, 0);
        write(0xE000_E010, 1);
        // code: b . (spins while SysTick counts)
        mcu.writeRam(Nrf51822.RAM_BASE, new byte[] {(byte) 0xFE, (byte) 0xE7});
        mcu.writeCoreRegister(CoreRegister.PC, Nrf51822.RAM_BASE);
        assertEquals(RunOutcome.CYCLE_LIMIT, mcu.runUntilHalted(250));
        assertEquals(0x0001_0005, read(0xE000_E010), "ENABLE, CLKSOURCE, COUNTFLAG");
        assertEquals(0x0000_0005, read(0xE000_E010), "COUNTFLAG clears on read");
        int current = read(0xE000_E018);
        assertEquals(true, current >= 0 && current <= 99);
    }

    @Test
    void ccrAndCpuidAreReadOnly() throws Exception {
        write(0xE000_ED14, 0);
        assertEquals(0x208, read(0xE000_ED14));
        write(0xE000_ED00, 0);
        assertEquals(0x410C_C200, read(0xE000_ED00));
    }

    @Test
    void narrowWritesToSystemRegistersFault() {
        assertThrows(BusFault.class, () -> bus.write(0xE000_E400, AccessSize.BYTE, 0x40));
    }

    @Test
    void dwtReadWatchpointCoversTheMaskedRange() throws Exception {
        int watched = Nrf51822.RAM_BASE + 0x800;
        // ldrb r1,[r0,#3]; nop; bkpt
        mcu.writeRam(Nrf51822.RAM_BASE, new byte[] {(byte) 0xC1, 0x78, 0x00, (byte) 0xBF, 0x00, (byte) 0xBE});
        write(0xE000_EDFC, 1 << 24);
        write(0xE000_1024, 3);
        write(0xE000_1020, watched);
        write(0xE000_1028, 5);
        mcu.writeCoreRegister(CoreRegister.R0, watched + 4);
        mcu.writeCoreRegister(CoreRegister.PC, Nrf51822.RAM_BASE);
        assertEquals(RunOutcome.HALTED, mcu.runUntilHalted(1000));
        assertEquals(4, mcu.haltReason());
        assertEquals(Nrf51822.RAM_BASE + 2, mcu.readCoreRegister(CoreRegister.PC));
    }

    @Test
    void wfeSleepsUntilAnInterruptBecomesPending() throws Exception {
        // wfe; movs r2,#5; bkpt; SysTick pends after 300 cycles (PRIMASK set, SCR.SEVONPEND set)
        mcu.writeRam(Nrf51822.RAM_BASE, new byte[] {0x20, (byte) 0xBF, 0x05, 0x22, 0x00, (byte) 0xBE});
        mcu.writeCoreRegister(CoreRegister.CONTROL_PRIMASK, 1);
        write(0xE000_ED10, 0x10);
        write(0xE000_E014, 300);
        write(0xE000_E018, 0);
        write(0xE000_E010, 3);
        mcu.writeCoreRegister(CoreRegister.PC, Nrf51822.RAM_BASE);
        assertEquals(RunOutcome.HALTED, mcu.runUntilHalted(100_000));
        assertEquals(5, mcu.readCoreRegister(CoreRegister.R2));
        assertEquals(true, mcu.cycles() >= 300);
    }
}
