package io.probehost.sim.mcu.scs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.cpu.CoreRegister;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The debug architecture as a debugger sees it through the AHB-AP. */
class DebugBusTest extends DebugBusAccess {
    /** Flash image: vector table (SP, reset = 0x101) and at 0x100 a counting loop: adds r0,#1; b .-2 */
    static final int RESET_HANDLER = 0x100;

    private Nrf51822 mcu;

    @BeforeEach
    void create() throws Exception {
        mcu = Nrf51822.create(null);
        byte[] image = new byte[0x110];
        java.util.Arrays.fill(image, (byte) 0xFF);
        putWord(image, 0, 0x2000_4000);
        putWord(image, 4, RESET_HANDLER | 1);
        putWord(image, 12, 0x0000_0111); // HardFault handler at 0x110 (BKPT)
        image[RESET_HANDLER] = 0x01;
        image[RESET_HANDLER + 1] = 0x30;     // adds r0, #1
        image[RESET_HANDLER + 2] = (byte) 0xFD;
        image[RESET_HANDLER + 3] = (byte) 0xE7; // b .-2
        image[RESET_HANDLER + 4] = 0x00;
        image[RESET_HANDLER + 5] = (byte) 0xBE; // bkpt (reached only by writing the PC)
        mcu.loadFlash(0, image);
        mcu.loadFlash(0x110, new byte[] {0x00, (byte) 0xBE});
        bus = mcu.debugBus();
        mcu.reset();
    }

    @AfterEach
    void close() {
        mcu.close();
    }

    /** Polls DHCSR as a debugger does until S_HALT shows (the core runs on its own thread). */
    private boolean pollHalted() throws Exception {
        for (int i = 0; i < 2000; i++) {
            if ((read(DHCSR) & S_HALT) != 0) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }

    private void haltAndWait() throws Exception {
        write(DHCSR, 0xA05F_0003);
        assertTrue((read(DHCSR) & S_HALT) != 0);
    }

    @Test
    void haltRequestStopsTheRunningCoreWithDfsrHalted() throws Exception {
        write(DHCSR, 0xA05F_0001);
        haltAndWait();
        assertEquals(1, read(DFSR) & 0x1F);
        int pc = readCoreRegister(0x0F);
        assertTrue(pc == RESET_HANDLER || pc == RESET_HANDLER + 2, "PC inside the loop: " + pc);
    }

    @Test
    void writesWithoutTheDebugKeyAreIgnored() throws Exception {
        write(DHCSR, 0x0000_0003);
        assertEquals(0, read(DHCSR) & (S_HALT | 3));
    }

    @Test
    void memoryReadsWhileRunningLeaveTheCoreRunning() throws Exception {
        assertEquals(0x2000_4000, read(0));
        assertEquals(0, read(DHCSR) & S_HALT);
        assertEquals(Nrf51822.PAGE_SIZE, read(0x1000_0010));
    }

    @Test
    void stepExecutesExactlyOneInstruction() throws Exception {
        write(DHCSR, 0xA05F_0001);
        haltAndWait();
        writeCoreRegister(0x0F, RESET_HANDLER);
        writeCoreRegister(0x00, 41);
        write(DFSR, 0x1F);
        write(DHCSR, 0xA05F_0005);
        assertTrue((read(DHCSR) & S_HALT) != 0);
        assertEquals(42, readCoreRegister(0x00));
        assertEquals(RESET_HANDLER + 2, readCoreRegister(0x0F));
        assertEquals(1, read(DFSR));
    }

    @Test
    void resumeLetsTheCoreRunAgainAndRetireInstructions() throws Exception {
        write(DHCSR, 0xA05F_0001);
        haltAndWait();
        writeCoreRegister(0x00, 0);
        writeCoreRegister(0x0F, RESET_HANDLER); // adds r0, #1 first, then b .-2
        assertEquals(0, read(DHCSR) & S_RETIRE_ST, "a halted core retires nothing");
        write(DHCSR, 0xA05F_0001);
        assertTrue(pollRetired(), "S_RETIRE_ST after resuming");
        haltAndWait();
        int count = readCoreRegister(0);
        assertTrue(count > 0, "the loop's adds r0, #1 ran after resuming: r0 = " + count);
        int pc = readCoreRegister(0x0F);
        assertTrue(pc == RESET_HANDLER || pc == RESET_HANDLER + 2, "PC inside the loop: " + pc);
    }

    /** Polls DHCSR until S_RETIRE_ST (clear on read) shows an instruction retired since the last read. */
    private boolean pollRetired() throws Exception {
        for (int i = 0; i < 2000; i++) {
            if ((read(DHCSR) & S_RETIRE_ST) != 0) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }

    @Test
    void everyCortexM0RegselTransfersInBothDirections() throws Exception {
        write(DHCSR, 0xA05F_0001);
        haltAndWait();
        for (int regsel = 0; regsel <= 12; regsel++) {
            writeCoreRegister(regsel, 0x1000 + regsel);
        }
        writeCoreRegister(0x0E, 0xFFFF_FFF9);
        writeCoreRegister(0x11, 0x2000_3000);
        writeCoreRegister(0x12, 0x2000_2000);
        writeCoreRegister(0x10, 0xF100_0000);
        writeCoreRegister(0x14, 0x0000_0001);
        for (int regsel = 0; regsel <= 12; regsel++) {
            assertEquals(0x1000 + regsel, readCoreRegister(regsel));
        }
        assertEquals(0xFFFF_FFF9, readCoreRegister(0x0E));
        assertEquals(0x2000_3000, readCoreRegister(0x11));
        assertEquals(0x2000_2000, readCoreRegister(0x12));
        assertEquals(0x2000_3000, readCoreRegister(0x0D), "SP is MSP in Thread mode with SPSEL 0");
        assertEquals(0xF100_0000, readCoreRegister(0x10));
        assertEquals(1, readCoreRegister(0x14));
        writeCoreRegister(0x14, 0x0200_0000);
        assertEquals(0x2000_2000, readCoreRegister(0x0D), "SPSEL 1 selects PSP");
        assertEquals(0x2000_2000, mcu.readCoreRegister(CoreRegister.SP));
    }

    @Test
    void resetStatusIsSetByResetAndClearedOnRead() throws Exception {
        read(DHCSR);
        write(AIRCR, 0x05FA_0004);
        assertTrue((read(DHCSR) & S_RESET_ST) != 0);
        assertEquals(0, read(DHCSR) & S_RESET_ST);
        assertEquals(0xFA05_0000, read(AIRCR));
    }

    @Test
    void resetVectorCatchHaltsAtTheFirstInstructionOfTheResetHandler() throws Exception {
        write(DHCSR, 0xA05F_0001);
        write(DEMCR, 1);
        write(AIRCR, 0x05FA_0004);
        assertTrue((read(DHCSR) & S_HALT) != 0);
        assertEquals(8, read(DFSR) & 8);
        assertEquals(RESET_HANDLER, readCoreRegister(0x0F));
        assertEquals(0x2000_4000, readCoreRegister(0x0D));
        assertEquals(0, readCoreRegister(0x00));
    }

    @Test
    void systemResetKeepsTheDebugLogic() throws Exception {
        write(DHCSR, 0xA05F_0001);
        write(DEMCR, 0x0100_0401);
        write(0xE000_2000, 3);
        write(AIRCR, 0x05FA_0004);
        assertEquals(0x0100_0401, read(DEMCR));
        assertEquals(1, read(DHCSR) & 1);
        assertEquals(0x41, read(0xE000_2000));
    }

    @Test
    void hardFaultVectorCatchHaltsOnHardFaultEntry() throws Exception {
        write(DHCSR, 0xA05F_0001);
        haltAndWait();
        write(DEMCR, 1 << 10);
        writeCoreRegister(0x0F, 0x3000_0000); // nothing mapped: the fetch faults
        write(DFSR, 0x1F);
        write(DHCSR, 0xA05F_0001);
        assertTrue(pollHalted());
        assertEquals(8, read(DFSR));
        assertEquals(0x110, readCoreRegister(0x0F));
        assertEquals(3, readCoreRegister(0x10) & 0x3F);
    }

    @Test
    void bkptHaltsWithDfsrBkptWhenDebugIsEnabled() throws Exception {
        write(DHCSR, 0xA05F_0001);
        haltAndWait();
        writeCoreRegister(0x0F, RESET_HANDLER + 4);
        write(DFSR, 0x1F);
        write(DHCSR, 0xA05F_0001);
        assertTrue(pollHalted());
        assertEquals(2, read(DFSR));
        assertEquals(RESET_HANDLER + 4, readCoreRegister(0x0F));
    }

    @Test
    void bkptWithoutHaltingDebugEscalatesToHardFault() throws Exception {
        write(DHCSR, 0xA05F_0001);
        haltAndWait();
        writeCoreRegister(0x0F, RESET_HANDLER + 4);
        write(DHCSR, 0xA05F_0000);
        // the HardFault handler's own BKPT faults again: lockup
        for (int i = 0; i < 1000 && (read(DHCSR) & S_LOCKUP) == 0; i++) {
            Thread.sleep(1);
        }
        assertTrue((read(DHCSR) & S_LOCKUP) != 0);
        assertEquals(0, read(DHCSR) & S_HALT);
    }

    @Test
    void fpbBreakpointHaltsBeforeTheInstruction() throws Exception {
        write(DHCSR, 0xA05F_0001);
        haltAndWait();
        assertEquals(0x40, read(0xE000_2000) & 0xFF0, "NUM_CODE 4");
        write(0xE000_2000, 3);
        write(0xE000_2008, (RESET_HANDLER + 2) & 0x1FFF_FFFC | 0x8000_0000 | 1);
        writeCoreRegister(0x0F, RESET_HANDLER);
        writeCoreRegister(0x00, 0);
        write(DFSR, 0x1F);
        write(DHCSR, 0xA05F_0001);
        assertTrue(pollHalted());
        assertEquals(2, read(DFSR));
        assertEquals(RESET_HANDLER + 2, readCoreRegister(0x0F));
        assertEquals(1, readCoreRegister(0x00), "the adds before the breakpoint ran once");
    }

    @Test
    void dwtWriteWatchpointHaltsAfterTheStoreAndSetsMatched() throws Exception {
        int target = Nrf51822.RAM_BASE + 0x800;
        // code in RAM: str r1,[r0]; nop; bkpt
        mcu.writeRam(Nrf51822.RAM_BASE, new byte[] {0x01, 0x60, 0x00, (byte) 0xBF, 0x00, (byte) 0xBE});
        write(DHCSR, 0xA05F_0001);
        haltAndWait();
        write(DEMCR, 1 << 24);
        assertEquals(2, read(0xE000_1000) >>> 28, "NUMCOMP");
        write(0xE000_1024, 2);
        write(0xE000_1020, target);
        write(0xE000_1028, 6);
        writeCoreRegister(0, target);
        writeCoreRegister(1, 0x55);
        writeCoreRegister(0x0F, Nrf51822.RAM_BASE);
        write(DFSR, 0x1F);
        write(DHCSR, 0xA05F_0001);
        assertTrue(pollHalted());
        assertEquals(4, read(DFSR));
        assertEquals(Nrf51822.RAM_BASE + 2, readCoreRegister(0x0F));
        assertEquals(0x0100_0006, read(0xE000_1028));
        assertEquals(6, read(0xE000_1028), "MATCHED clears on read");
        assertEquals(0x55, read(target));
    }

    @Test
    void dwtPcMatchHaltsWithDwtTrap() throws Exception {
        write(DHCSR, 0xA05F_0001);
        haltAndWait();
        write(DEMCR, 1 << 24);
        write(0xE000_1030, RESET_HANDLER + 2);
        write(0xE000_1038, 4);
        writeCoreRegister(0x0F, RESET_HANDLER);
        write(DFSR, 0x1F);
        write(DHCSR, 0xA05F_0001);
        assertTrue(pollHalted());
        assertEquals(4, read(DFSR));
        assertEquals(RESET_HANDLER + 2, readCoreRegister(0x0F));
    }

    @Test
    void stepWithMaskintsSkipsAPendingInterruptThatAPlainStepWouldEnter() throws Exception {
        write(DHCSR, 0xA05F_0001);
        haltAndWait();
        writeCoreRegister(0x0F, RESET_HANDLER);
        write(0xE000_E100, 1);
        write(0xE000_E200, 1);
        write(DHCSR, 0xA05F_000B);
        write(DHCSR, 0xA05F_000D);
        assertEquals(RESET_HANDLER + 2, readCoreRegister(0x0F), "masked: the adds ran");
        write(DHCSR, 0xA05F_0003);
        write(DHCSR, 0xA05F_0005);
        assertEquals(16, readCoreRegister(0x10) & 0x3F, "unmasked: IRQ0 entry");
    }

    @Test
    void sleepingCoreReportsSSleep() throws Exception {
        mcu.writeRam(Nrf51822.RAM_BASE, new byte[] {0x30, (byte) 0xBF, 0x00, (byte) 0xBE}); // wfi; bkpt
        write(DHCSR, 0xA05F_0001);
        haltAndWait();
        writeCoreRegister(0x0F, Nrf51822.RAM_BASE);
        write(DHCSR, 0xA05F_0001);
        boolean sleeping = false;
        for (int i = 0; i < 2000 && !sleeping; i++) {
            sleeping = (read(DHCSR) & (1 << 18)) != 0;
            Thread.sleep(1);
        }
        assertTrue(sleeping);
        assertEquals(0, read(DHCSR) & S_HALT);
    }

    @Test
    void stuckCoreIgnoresHaltRequests() throws Exception {
        mcu.setStuck(true);
        write(DHCSR, 0xA05F_0003);
        assertEquals(0, read(DHCSR) & S_HALT);
        mcu.setStuck(false);
        write(DHCSR, 0xA05F_0003);
        assertTrue((read(DHCSR) & S_HALT) != 0);
    }

    @Test
    void resetPinHoldsTheCoreAndReleaseRunsTheReset() throws Exception {
        write(DHCSR, 0xA05F_0001);
        write(DEMCR, 1);
        mcu.setResetPinAsserted(true);
        read(DHCSR);
        assertEquals(0, read(DHCSR) & S_HALT);
        mcu.setResetPinAsserted(false);
        int dhcsr = read(DHCSR);
        assertTrue((dhcsr & S_RESET_ST) != 0);
        assertTrue((dhcsr & S_HALT) != 0);
        assertEquals(RESET_HANDLER, readCoreRegister(0x0F));
    }

    @Test
    void unmappedAddressesFaultOnTheDebugBus() {
        assertThrows(BusFault.class, () -> read(0x6000_0000));
        assertThrows(BusFault.class, () -> read(0x2000_4000));
        assertThrows(BusFault.class, () -> read(0xE000_0000));
    }

    @Test
    void debugPowerIsAcknowledged() {
        assertFalse(mcu.isDebugPowered());
        mcu.setDebugPowerRequested(true);
        assertTrue(mcu.isDebugPowered());
    }
}
