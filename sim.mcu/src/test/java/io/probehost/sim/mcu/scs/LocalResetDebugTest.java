package io.probehost.sim.mcu.scs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.ChipBase;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.mcu.stm32f1.Stm32f103;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a Local reset (SYSRESETREQ, nRESET) does to the halting-debug registers, on the Cortex-M0
 * (nRF51822) and the Cortex-M3 (STM32F103): C_HALT clears, so the core leaves reset running unless
 * DEMCR.VC_CORERESET catches it; C_DEBUGEN, DEMCR and DFSR keep their values (only a power-on reset
 * clears them). The sequence is a debugger's "reset run" right after a flash algorithm ended in BKPT.
 */
class LocalResetDebugTest extends DebugBusAccess {
    private static final int C_DEBUGEN = 1;
    private static final int DFSR_BKPT = 2;
    private static final int DFSR_VCATCH = 8;
    private static final int DEMCR_TRCENA = 1 << 24;
    /** Offset of the reset handler in flash: adds r0, #1; b .-2 */
    private static final int LOOP = 0x100;
    /** Offset in RAM of the "flash algorithm": a lone BKPT, where it stops. */
    private static final int ALGORITHM = 0x40;

    /** The two cores, each with where its flash and RAM start. */
    enum Chip {
        NRF51822(() -> Nrf51822.create(null), Nrf51822.FLASH_BASE, Nrf51822.RAM_BASE),
        STM32F103(() -> Stm32f103.create(null), Stm32f103.FLASH_BASE, Stm32f103.SRAM_BASE);

        final Supplier<ChipBase> create;
        final int flashBase;
        final int ramBase;

        Chip(Supplier<ChipBase> create, int flashBase, int ramBase) {
            this.create = create;
            this.flashBase = flashBase;
            this.ramBase = ramBase;
        }
    }

    private ChipBase mcu;
    private Chip chip;

    private void start(Chip chip) {
        this.chip = chip;
        mcu = chip.create.get();
        byte[] image = new byte[LOOP + 4];
        putWord(image, 0, chip.ramBase + 0x1000);
        putWord(image, 4, chip.flashBase + LOOP + 1);
        putWord(image, LOOP, 0xE7FD_3001); // adds r0, #1; b .-2
        mcu.loadFlash(chip.flashBase, image);
        mcu.writeRam(chip.ramBase + ALGORITHM, new byte[] {0x00, (byte) 0xBE}); // bkpt #0
        mcu.reset();
        bus = mcu.debugBus();
    }

    @AfterEach
    void close() {
        if (mcu != null) {
            mcu.close();
        }
    }

    /**
     * Halts, runs the "flash algorithm" until its BKPT, then resumes on that BKPT as a debugger's
     * "reset run" does before it writes AIRCR: the core halts again at once, C_HALT set by the entry.
     */
    private void haltAgainOnTheAlgorithmsBkpt() throws Exception {
        write(DHCSR, 0xA05F_0003);
        assertTrue((read(DHCSR) & S_HALT) != 0);
        writeCoreRegister(REG_PC, chip.ramBase + ALGORITHM);
        write(DFSR, 0x1F);
        write(DHCSR, 0xA05F_0001);
        assertTrue((pollDhcsr(d -> (d & S_HALT) != 0) & S_HALT) != 0, "the algorithm ends in BKPT");
        assertEquals(DFSR_BKPT, read(DFSR));
        write(DFSR, 0x1F);
        write(DHCSR, 0xA05F_0001);
        int dhcsr = pollDhcsr(d -> (d & S_HALT) != 0);
        assertEquals(C_HALT | S_HALT, dhcsr & (C_HALT | S_HALT), "halted again on the BKPT");
    }

    @Test
    void systemResetClearsCHaltSoTheCortexM0RunsAfterABkptHalt() throws Exception {
        systemResetClearsCHaltSoTheCoreRunsAfterABkptHalt(Chip.NRF51822);
    }

    @Test
    void systemResetClearsCHaltSoTheCortexM3RunsAfterABkptHalt() throws Exception {
        systemResetClearsCHaltSoTheCoreRunsAfterABkptHalt(Chip.STM32F103);
    }

    private void systemResetClearsCHaltSoTheCoreRunsAfterABkptHalt(Chip chip) throws Exception {
        start(chip);
        write(DEMCR, DEMCR_TRCENA);
        haltAgainOnTheAlgorithmsBkpt();

        write(AIRCR, 0x05FA_0004);

        int dhcsr = read(DHCSR);
        assertTrue((dhcsr & S_RESET_ST) != 0, "S_RESET_ST");
        assertEquals(C_DEBUGEN, dhcsr & (C_DEBUGEN | C_HALT | S_HALT), "C_DEBUGEN kept, C_HALT cleared, running");
        assertEquals(DFSR_BKPT, read(DFSR), "DFSR is reset only at power-on");
        assertEquals(DEMCR_TRCENA, read(DEMCR), "DEMCR is reset only at power-on");
        dhcsr = pollDhcsr(d -> (d & S_RETIRE_ST) != 0);
        assertTrue((dhcsr & S_RETIRE_ST) != 0, "instructions retire after the reset");
        assertEquals(0, dhcsr & S_HALT);

        write(DHCSR, 0xA05F_0003);
        assertTrue((read(DHCSR) & S_HALT) != 0);
        int pc = readCoreRegister(REG_PC);
        assertTrue(pc == chip.flashBase + LOOP || pc == chip.flashBase + LOOP + 2, "PC inside the loop: " + pc);
        assertNotEquals(0, readCoreRegister(REG_R0), "the loop counted");
    }

    @Test
    void resetVectorCatchStillHaltsTheCortexM0AfterABkptHalt() throws Exception {
        resetVectorCatchStillHaltsASystemResetAfterABkptHalt(Chip.NRF51822);
    }

    @Test
    void resetVectorCatchStillHaltsTheCortexM3AfterABkptHalt() throws Exception {
        resetVectorCatchStillHaltsASystemResetAfterABkptHalt(Chip.STM32F103);
    }

    private void resetVectorCatchStillHaltsASystemResetAfterABkptHalt(Chip chip) throws Exception {
        start(chip);
        haltAgainOnTheAlgorithmsBkpt();
        write(DEMCR, 1);

        write(AIRCR, 0x05FA_0004);

        assertTrue((read(DHCSR) & S_HALT) != 0);
        assertEquals(DFSR_VCATCH, read(DFSR) & DFSR_VCATCH);
        assertEquals(chip.flashBase + LOOP, readCoreRegister(REG_PC));
    }

    @Test
    void resetPinClearsCHaltOnTheCortexM0ButAHaltRequestedWhileHeldStands() throws Exception {
        resetPinClearsCHaltWhenAssertedButAHaltRequestedWhileHeldStopsTheCoreOnRelease(Chip.NRF51822);
    }

    @Test
    void resetPinClearsCHaltOnTheCortexM3ButAHaltRequestedWhileHeldStands() throws Exception {
        resetPinClearsCHaltWhenAssertedButAHaltRequestedWhileHeldStopsTheCoreOnRelease(Chip.STM32F103);
    }

    private void resetPinClearsCHaltWhenAssertedButAHaltRequestedWhileHeldStopsTheCoreOnRelease(Chip chip)
            throws Exception {
        start(chip);
        haltAgainOnTheAlgorithmsBkpt();

        mcu.setResetPinAsserted(true);
        assertEquals(0, read(DHCSR) & (C_HALT | S_HALT), "C_HALT clears as the reset is applied");
        mcu.setResetPinAsserted(false);
        assertEquals(0, pollDhcsr(d -> (d & S_RETIRE_ST) != 0) & S_HALT, "runs after the release");

        mcu.setResetPinAsserted(true);
        write(DHCSR, 0xA05F_0003);
        mcu.setResetPinAsserted(false);
        assertTrue((read(DHCSR) & S_HALT) != 0, "halts on release");
        assertEquals(chip.flashBase + LOOP, readCoreRegister(REG_PC));
    }
}
