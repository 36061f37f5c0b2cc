package io.probehost.sim.mcu.scs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.nrf51.Nrf51822;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lockup as a debugger meets it on an erased chip (vector table all ones): ARMv6-M ends a lockup
 * on entry to Debug state and on reset, and an NMI ends a lockup at HardFault priority.
 */
class LockupDebugTest extends DebugBusAccess {
    private static final int ICSR = 0xE000_ED04;
    private static final int REG_SP = 0x0D;
    private static final int REG_LR = 0x0E;
    private static final int REG_XPSR = 0x10;
    private static final int REG_MSP = 0x11;
    private static final int LOCKUP_ADDRESS = 0xFFFF_FFFE;
    private static final int RAM_TOP = Nrf51822.RAM_BASE + Nrf51822.RAM_SIZE;

    private Nrf51822 mcu;

    @BeforeEach
    void createErasedChip() {
        mcu = Nrf51822.create(null);
        bus = mcu.debugBus();
    }

    @AfterEach
    void close() {
        mcu.close();
    }

    private void awaitLockup() throws Exception {
        assertTrue((pollDhcsr(d -> (d & S_LOCKUP) != 0) & S_LOCKUP) != 0, "the erased chip locks up");
    }

    @Test
    void erasedChipLocksUpAtPowerOnWithoutHalting() throws Exception {
        int dhcsr = pollDhcsr(d -> (d & S_LOCKUP) != 0);
        assertEquals(S_LOCKUP, dhcsr & (S_LOCKUP | S_HALT));
    }

    @Test
    void haltRequestOnALockedUpChipHaltsAndClearsSLockup() throws Exception {
        awaitLockup();
        write(DHCSR, 0xA05F_0001);
        write(DHCSR, 0xA05F_0003);
        int dhcsr = read(DHCSR);
        assertEquals(S_HALT | C_HALT, dhcsr & (S_HALT | S_LOCKUP | C_HALT));
        assertEquals(1, read(DFSR), "DFSR.HALTED only");
        assertEquals(LOCKUP_ADDRESS, readCoreRegister(REG_PC));
        // 0xFFFFFFFE does not fetch: HardFault is entered although its frame below MSP 0xFFFFFFFC (from
        // the erased table) cannot be written, and its erased vector locks the core up at priority -1
        assertEquals(0xFFFF_FFD8, readCoreRegister(REG_MSP), "MSP past the HardFault frame that was never written");
        assertEquals(0x0100_0003, readCoreRegister(REG_XPSR), "in HardFault, T bit from the erased vector");
        assertEquals(S_HALT, read(DHCSR) & (S_HALT | S_LOCKUP), "stays out of lockup while halted");
    }

    @Test
    void haltRequestWithoutDebugEnabledLeavesTheChipLockedUp() throws Exception {
        awaitLockup();
        write(DHCSR, 0xA05F_0002);
        assertEquals(S_LOCKUP, read(DHCSR) & (S_HALT | S_LOCKUP));
    }

    @Test
    void resetWithVectorCatchHaltsAnErasedChipAtTheFetchedResetVector() throws Exception {
        awaitLockup();
        write(DHCSR, 0xA05F_0001);
        write(DEMCR, 1);
        read(DHCSR);
        write(DFSR, 0x1F);
        write(AIRCR, 0x05FA_0004);
        int dhcsr = pollDhcsr(d -> (d & S_HALT) != 0);
        assertEquals(S_HALT | S_RESET_ST, dhcsr & (S_HALT | S_LOCKUP | S_RESET_ST));
        assertEquals(8, read(DFSR), "DFSR.VCATCH only");
        assertEquals(LOCKUP_ADDRESS, readCoreRegister(REG_PC), "0xFFFFFFFF with bit 0 cleared");
        assertEquals(0xFFFF_FFFC, readCoreRegister(REG_SP));
        assertEquals(0xFFFF_FFFF, readCoreRegister(REG_LR));
        assertEquals(0x0100_0000, readCoreRegister(REG_XPSR));
    }

    @Test
    void codeWrittenToRamRunsAfterHaltingALockedUpChip() throws Exception {
        awaitLockup();
        write(DHCSR, 0xA05F_0003);
        mcu.writeRam(Nrf51822.RAM_BASE, new byte[] {0x2A, 0x20, 0x00, (byte) 0xBE}); // movs r0,#42; bkpt
        writeCoreRegister(REG_PC, Nrf51822.RAM_BASE);
        writeCoreRegister(REG_SP, RAM_TOP);
        writeCoreRegister(REG_XPSR, 0x0100_0000);
        write(DFSR, 0x1F);
        write(DHCSR, 0xA05F_0001);
        int dhcsr = pollDhcsr(d -> (d & S_HALT) != 0);
        assertEquals(S_HALT, dhcsr & (S_HALT | S_LOCKUP));
        assertEquals(2, read(DFSR), "DFSR.BKPT");
        assertEquals(42, readCoreRegister(REG_R0));
        assertEquals(Nrf51822.RAM_BASE + 2, readCoreRegister(REG_PC));
    }

    @Test
    void resumingAtTheLockupAddressLocksUpAgain() throws Exception {
        awaitLockup();
        write(DHCSR, 0xA05F_0003);
        write(DHCSR, 0xA05F_0001);
        int dhcsr = pollDhcsr(d -> (d & S_LOCKUP) != 0);
        assertEquals(S_LOCKUP, dhcsr & (S_HALT | S_LOCKUP));
    }

    @Test
    void nmiEndsALockupAtHardFaultPriority() throws Exception {
        // vectors: SP, reset 0x100 (udf), NMI 0x108 (movs r0,#7; bkpt), HardFault 0x104 (udf)
        byte[] image = new byte[0x10C];
        putWord(image, 0, RAM_TOP);
        putWord(image, 4, 0x101);
        putWord(image, 8, 0x109);
        putWord(image, 12, 0x105);
        putHalfword(image, 0x100, 0xDE00);
        putHalfword(image, 0x104, 0xDE00);
        putHalfword(image, 0x108, 0x2007);
        putHalfword(image, 0x10A, 0xBE00);
        mcu.loadFlash(0, image);
        mcu.reset();
        awaitLockup();
        write(DHCSR, 0xA05F_0001);
        write(ICSR, 1 << 31);
        int dhcsr = pollDhcsr(d -> (d & S_HALT) != 0);
        assertEquals(S_HALT, dhcsr & (S_LOCKUP | S_HALT));
        assertEquals(2, read(DFSR), "halted by the handler's BKPT");
        assertEquals(2, readCoreRegister(REG_XPSR) & 0x3F, "in the NMI handler");
        assertEquals(7, readCoreRegister(REG_R0));
    }
}
