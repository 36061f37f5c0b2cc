package io.probehost.sim.mcu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.cpu.ControlRegisters;
import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.cpu.DebugState;
import io.probehost.sim.mcu.cpu.ExceptionState;
import io.probehost.sim.mcu.cpu.Profile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** One Thumb decoder, two profiles: what ARMv7-M executes is an undefined instruction on ARMv6-M. */
class ProfileTest {
    private static final int RESET = 0x40;
    private static final int HARD_FAULT = 0x80;
    private static final int B_SELF = 0xE7FE;

    /** A flash image: vectors (SP, reset, NMI, HardFault), code at RESET, a HardFault handler setting r7 = 0x77. */
    private static byte[] image(int... code) {
        ByteBuffer image = ByteBuffer.allocate(0x100).order(ByteOrder.LITTLE_ENDIAN);
        image.putInt(0, 0x2000_1000).putInt(4, RESET | 1).putInt(8, HARD_FAULT | 1).putInt(12, HARD_FAULT | 1);
        for (int i = 0; i < code.length; i++) {
            image.putShort(RESET + 2 * i, (short) code[i]);
        }
        image.putShort(RESET + 2 * code.length, (short) B_SELF);
        image.putShort(HARD_FAULT, (short) 0x2777).putShort(HARD_FAULT + 2, (short) B_SELF); // MOVS r7, #0x77
        return image.array();
    }

    private static CortexMTestMachine run(Profile profile, int... code) {
        CortexMTestMachine machine = new CortexMTestMachine(profile, 0, 0x1000, 0x1000);
        machine.load(image(code));
        machine.run(200);
        return machine;
    }

    @Test
    void wideAddWithModifiedImmediateRunsOnArmv7mAndFaultsOnArmv6m() {
        int[] addW = {0xF510, 0x3080}; // ADDS.W r0, r0, #0x10000
        assertEquals(0x10000, run(Profile.ARMV7M, addW).core().registers().get(0));
        assertEquals(0, run(Profile.ARMV7M, addW).core().registers().get(7));
        assertEquals(0x77, run(Profile.ARMV6M, addW).core().registers().get(7));
    }

    @Test
    void itBlockPicksTheThenOrElseInstructionOnArmv7mOnly() {
        int[] code = {0x2800, 0xBF0C, 0x2101, 0x2102}; // CMP r0, #0; ITE EQ; MOVEQ r1, #1; MOVNE r1, #2
        assertEquals(1, run(Profile.ARMV7M, code).core().registers().get(1));
        assertEquals(0x77, run(Profile.ARMV6M, code).core().registers().get(7));
    }

    @Test
    void movsInsideItBlockLeavesTheFlags() {
        // MOVS r0, #0 (Z=1); IT EQ; MOVEQ r2, #5 (would clear Z outside IT); BEQ over MOVS r3, #9
        int[] code = {0x2000, 0xBF08, 0x2205, 0xD000, 0x2309};
        CortexMTestMachine machine = run(Profile.ARMV7M, code);
        assertEquals(5, machine.core().registers().get(2));
        assertEquals(0, machine.core().registers().get(3), "Z kept: BEQ taken");
    }

    @Test
    void cbzBranchesOnZeroOnArmv7mAndIsUndefinedOnArmv6m() {
        int[] code = {0xB100, 0x2409, 0x2401}; // CBZ r0 over MOVS r4, #9; MOVS r4, #1
        assertEquals(1, run(Profile.ARMV7M, code).core().registers().get(4));
        assertEquals(0x77, run(Profile.ARMV6M, code).core().registers().get(7));
    }

    @Test
    void undefinedWideInstructionHaltsOnTheStateVectorCatchWhenUsageFaultIsEnabled() {
        CortexMTestMachine machine = new CortexMTestMachine(Profile.ARMV7M, 0, 0x1000, 0x1000);
        machine.load(image(0xF7F0, 0xA000)); // UDF.W #0
        Core core = machine.core();
        core.setDebugEnabled(true);
        core.debug().writeDemcr(DebugState.DEMCR_VC_STATERR);
        core.controlRegisters().writeShcsr(ControlRegisters.SHCSR_ENABLES);
        machine.run(200);
        assertTrue(core.debug().halted(), "halted on the catch");
        assertEquals(ExceptionState.USAGE_FAULT, core.registers().ipsr());
        assertEquals(ControlRegisters.CFSR_UNDEFINSTR, core.controlRegisters().cfsr());
        assertEquals(0, core.controlRegisters().hfsr());
    }

    @Test
    void executingFromThePeripheralRegionIsAMemManageFaultOnArmv7m() {
        int[] code = {0x4800, 0x4700, 0x0001, 0x4000}; // LDR r0, [pc]; BX r0 (0x40000001)
        CortexMTestMachine machine = run(Profile.ARMV7M, code);
        assertEquals(0x77, machine.core().registers().get(7), "escalated to HardFault");
        assertEquals(ControlRegisters.CFSR_IACCVIOL, machine.core().controlRegisters().cfsr());
        assertEquals(ControlRegisters.HFSR_FORCED, machine.core().controlRegisters().hfsr());
    }

    @Test
    void bkptWithoutADebuggerIsAHardFaultWithDebugEventOnArmv7m() {
        CortexMTestMachine machine = run(Profile.ARMV7M, 0xBE00); // BKPT #0
        assertEquals(0x77, machine.core().registers().get(7));
        assertEquals(ControlRegisters.HFSR_DEBUGEVT, machine.core().controlRegisters().hfsr());
    }
}
