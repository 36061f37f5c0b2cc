package io.probehost.sim.mcu.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unprivileged Thread mode on the Private Peripheral Bus: a precise BusFault, except the ITM
 * stimulus ports ITM_TPR leaves open and STIR while CCR.USERSETMPEND is set.
 */
class Armv7mPrivateBusAccessTest {
    private static final int STR_R0_R1 = 0x6008;
    private static final int ITM_TER = 0xE000_0E00;
    private static final int ITM_TPR = 0xE000_0E40;
    private static final int ITM_TCR = 0xE000_0E80;
    private static final int ITM_LAR = 0xE000_0FB0;

    private static M3Bench unprivilegedStore(int address, int value) {
        M3Bench bench = new M3Bench().at(M3Bench.RESET, STR_R0_R1, M3Bench.LOOP).start();
        bench.regs.set(0, value);
        bench.regs.set(1, address);
        bench.regs.setNpriv(true);
        return bench;
    }

    private static List<Integer> itmPort9Writes(int tpr) {
        M3Bench bench = unprivilegedStore(0xE000_0000 + 4 * 9, 0x55);
        List<Integer> seen = new ArrayList<>();
        bench.machine.itm().setListener((port, value, bytes) -> seen.add(port << 8 | value));
        bench.write(ITM_LAR, 0xC5AC_CE55);
        bench.write(ITM_TCR, 1);
        bench.write(ITM_TER, 1 << 9);
        bench.write(ITM_TPR, tpr);
        bench.step(2);
        seen.add(bench.regs.ipsr());
        return seen;
    }

    @Test
    void unprivilegedStimulusPortWriteReachesTheItmWhileTprLeavesItsGroupOpen() {
        assertEquals(List.of(9 << 8 | 0x55, 0), itmPort9Writes(1)); // TPR bit 0: ports 0-7 only
    }

    @Test
    void unprivilegedStimulusPortWriteInAPrivilegedGroupIsABusFault() {
        assertEquals(List.of(ExceptionState.HARD_FAULT), itmPort9Writes(2)); // TPR bit 1: ports 8-15
    }

    @Test
    void unprivilegedStirPendsAnInterruptOnlyWithUsersetmpend() {
        M3Bench refused = unprivilegedStore(0xE000_EF00, 3);
        refused.step(2);
        assertEquals(ExceptionState.HARD_FAULT, refused.regs.ipsr());
        assertEquals(ControlRegisters.CFSR_PRECISERR | ControlRegisters.CFSR_BFARVALID, refused.core.controlRegisters().cfsr());
        M3Bench allowed = unprivilegedStore(0xE000_EF00, 3);
        allowed.core.controlRegisters().writeCcr(ControlRegisters.CCR_USERSETMPEND | ControlRegisters.CCR_STKALIGN);
        allowed.step(2);
        assertTrue(allowed.core.exceptions().isPending(ExceptionState.FIRST_IRQ + 3));
        assertEquals(0, allowed.regs.ipsr());
    }
}
