package io.probehost.sim.mcu.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * ARMv7-M exception entry and return beyond what QEMU can judge (m3-excret covers the rest):
 * late arrival during the stacking cycles, tail-chaining without unstacking, STKERR with
 * BusFault disabled, CCR.STKALIGN cleared, INVPC escalated while UsageFault is disabled (also
 * after a Thread return to PSP pops a non-zero IPSR), MMFAR
 * sharing BFAR's register, and CCR.BFHFNMIGN.
 */
class Armv7mExceptionEntryTest {
    private static final int SHPR3 = 0xE000_ED20;
    private static final int NVIC_ISER = 0xE000_E100;
    private static final int NVIC_IPR0 = 0xE000_E400;

    /** Pends IRQ 0 once the core's cycle count reaches {@code at}. */
    private static ClockedDevice irqAt(Core core, long at) {
        return new ClockedDevice() {
            @Override
            public void advance(long cycles) {
                if (core.cycles() >= at) {
                    core.exceptions().setPending(ExceptionState.FIRST_IRQ, true);
                }
            }

            @Override
            public long cyclesUntilInterrupt() {
                return -1;
            }
        };
    }

    private static M3Bench nopsWithPendSvAndIrq0() {
        return nopsWithPendSvAndIrq0(new M3Bench());
    }

    /** Starts {@code bench} on NOPs with PendSV at 0xE0 and IRQ 0 enabled at 0x40. */
    private static M3Bench nopsWithPendSvAndIrq0(M3Bench unstarted) {
        M3Bench bench = unstarted.at(M3Bench.RESET, 0xBF00, 0xBF00, 0xBF00, M3Bench.LOOP).start();
        bench.write(SHPR3, 0xE0 << 16);
        bench.write(NVIC_IPR0, 0x40);
        bench.write(NVIC_ISER, 1);
        return bench;
    }

    @Test
    void interruptArrivingDuringStackingIsTakenFirstOnTheSameFrame() {
        M3Bench bench = nopsWithPendSvAndIrq0();
        bench.core.addClockedDevice(irqAt(bench.core, bench.core.cycles() + 5));
        bench.core.exceptions().setPending(ExceptionState.PENDSV, true);
        bench.step(1);
        assertEquals(ExceptionState.FIRST_IRQ, bench.regs.ipsr(), "IRQ 0 took the vector");
        assertEquals(0xFFFF_FFF9, bench.regs.lr(), "from Thread mode, not nested in PendSV");
        assertEquals(M3Bench.STACK_TOP - 0x20, bench.regs.msp());
        assertTrue(bench.core.exceptions().isPending(ExceptionState.PENDSV));
        assertFalse(bench.core.exceptions().isActive(ExceptionState.PENDSV));
    }

    @Test
    void returnWithAPendingExceptionTailChainsWithoutUnstacking() {
        M3Bench bench = nopsWithPendSvAndIrq0(new M3Bench().at(M3Bench.handler(ExceptionState.FIRST_IRQ), M3Bench.BX_LR));
        bench.core.exceptions().setPending(ExceptionState.FIRST_IRQ, true);
        bench.core.exceptions().setPending(ExceptionState.PENDSV, true);
        bench.step(1);
        assertEquals(ExceptionState.FIRST_IRQ, bench.regs.ipsr());
        int frameWord = bench.word(M3Bench.STACK_TOP - 0x20);
        bench.write(M3Bench.STACK_TOP - 0x20, frameWord ^ 0x5A5A); // a tail-chain does not pop (nor re-push) R0
        long before = bench.core.cycles();
        bench.step(1);
        assertEquals(ExceptionState.PENDSV, bench.regs.ipsr());
        assertEquals(0xFFFF_FFF9, bench.regs.lr());
        assertEquals(M3Bench.STACK_TOP - 0x20, bench.regs.msp());
        assertEquals(frameWord ^ 0x5A5A, bench.word(M3Bench.STACK_TOP - 0x20));
        assertEquals(3 + 6, bench.core.cycles() - before, "BX and the Cortex-M3's 6-cycle tail-chain");
    }

    @Test
    void stackingErrorWithBusFaultDisabledEscalatesToHardFaultWithStkerr() {
        M3Bench bench = nopsWithPendSvAndIrq0();
        bench.regs.setMsp(0x3000_0100);
        bench.core.exceptions().setPending(ExceptionState.PENDSV, true);
        bench.step(1);
        assertEquals(ExceptionState.HARD_FAULT, bench.regs.ipsr());
        assertEquals(0x3000_00E0, bench.regs.msp(), "on the frame it could not write");
        assertEquals(ControlRegisters.CFSR_STKERR, bench.core.controlRegisters().cfsr());
        assertEquals(ControlRegisters.HFSR_FORCED, bench.core.controlRegisters().hfsr());
        assertTrue(bench.core.exceptions().isPending(ExceptionState.PENDSV));
    }

    @Test
    void stackingErrorHaltsWithVcInterrOnEnteringTheBusFault() {
        M3Bench bench = nopsWithPendSvAndIrq0();
        bench.write(0xE000_ED24, 1 << 17); // BusFault enabled
        bench.core.setDebugEnabled(true);
        bench.core.debug().writeDemcr(DebugState.DEMCR_VC_INTERR);
        bench.regs.setMsp(0x3000_0100);
        bench.core.exceptions().setPending(ExceptionState.PENDSV, true);
        bench.step(1);
        assertEquals(ExceptionState.BUS_FAULT, bench.regs.ipsr());
        assertTrue(bench.core.debug().halted());
        assertEquals(DebugState.DFSR_VCATCH, bench.core.debug().dfsr());
        assertEquals(ControlRegisters.CFSR_STKERR, bench.core.controlRegisters().cfsr());
    }

    @Test
    void threadReturnPoppingANonZeroIpsrPushesTheFrameBackOnThePspAndTakesInvpc() {
        M3Bench bench = nopsWithPendSvAndIrq0(new M3Bench().at(M3Bench.handler(ExceptionState.FIRST_IRQ), M3Bench.BX_LR));
        int frame = M3Bench.STACK_TOP - 0x200;
        bench.regs.setPsp(frame + 0x20);
        bench.regs.setSpsel(true);
        bench.core.exceptions().setPending(ExceptionState.FIRST_IRQ, true);
        bench.step(1);
        assertEquals(0xFFFF_FFFD, bench.regs.lr());
        assertEquals(frame, bench.regs.psp());
        bench.write(frame + 28, bench.word(frame + 28) | ExceptionState.BUS_FAULT); // stacked IPSR 5
        bench.step(1);
        assertEquals(ExceptionState.HARD_FAULT, bench.regs.ipsr(), "INVPC, escalated");
        assertEquals(ControlRegisters.CFSR_INVPC, bench.core.controlRegisters().cfsr());
        assertEquals(0xFFFF_FFFD, bench.regs.lr());
        assertEquals(frame, bench.regs.psp(), "pushed back where it was popped from");
        assertEquals(M3Bench.STACK_TOP, bench.regs.msp(), "nothing on the main stack");
        assertEquals(ExceptionState.BUS_FAULT, bench.word(frame + 28) & 0x1FF);
    }

    @Test
    void bfhfnmignIgnoresADataBusErrorInTheHardFaultHandlerInsteadOfLockingUp() {
        for (boolean ignore : new boolean[] {true, false}) {
            M3Bench bench = new M3Bench()
                    .at(M3Bench.handler(ExceptionState.HARD_FAULT), 0x6808, M3Bench.LOOP) // LDR r0, [r1]; B .
                    .at(M3Bench.RESET, 0xDE00).start(); // UDF
            bench.regs.set(0, 0x1234);
            bench.regs.set(1, 0x3000_0000);
            bench.write(0xE000_ED14, ignore ? 0x300 : 0x200);
            bench.step(4);
            assertEquals(!ignore, bench.core.lockedUp());
            if (ignore) {
                assertEquals(M3Bench.handler(ExceptionState.HARD_FAULT) + 2, bench.regs.pc());
                assertEquals(0, bench.regs.get(0), "the load returned (UNKNOWN) 0");
                assertEquals(0, bench.core.controlRegisters().cfsr() & ControlRegisters.CFSR_PRECISERR);
            }
        }
    }

    @Test
    void preciseBusFaultAddressReadsThroughBfarAndMmfarAlike() {
        M3Bench bench = new M3Bench().at(M3Bench.RESET, 0x6808, M3Bench.LOOP).start(); // LDR r0, [r1]
        bench.write(0xE000_ED24, 1 << 17); // BusFault enabled
        bench.regs.set(1, 0x3000_0040);
        bench.step(2);
        assertEquals(ExceptionState.BUS_FAULT, bench.regs.ipsr());
        assertEquals(ControlRegisters.CFSR_PRECISERR | ControlRegisters.CFSR_BFARVALID, bench.word(0xE000_ED28),
                "BFARVALID, not MMARVALID: one address register on the Cortex-M3");
        assertEquals(0x3000_0040, bench.word(0xE000_ED38), "BFAR");
        assertEquals(0x3000_0040, bench.word(0xE000_ED34), "MMFAR");
    }

    @Test
    void stackingWithoutStkalignKeepsAFourByteAlignedFrame() {
        M3Bench bench = nopsWithPendSvAndIrq0();
        bench.core.controlRegisters().writeCcr(0);
        bench.regs.setMsp(M3Bench.STACK_TOP - 4);
        bench.core.exceptions().setPending(ExceptionState.PENDSV, true);
        bench.step(1);
        assertEquals(M3Bench.STACK_TOP - 0x24, bench.regs.msp());
        assertEquals(0, bench.word(M3Bench.STACK_TOP - 0x24 + 28) & (1 << 9));
    }

    @Test
    void returnToThreadPastAnActiveExceptionEscalatesInvpcToHardFaultOnTheSameFrame() {
        M3Bench bench = nopsWithPendSvAndIrq0(new M3Bench().at(M3Bench.handler(ExceptionState.FIRST_IRQ), M3Bench.BX_LR));
        bench.core.exceptions().setPending(ExceptionState.FIRST_IRQ, true);
        bench.step(1);
        bench.core.exceptions().setActive(ExceptionState.SVCALL, true); // as if IRQ 0 had preempted an SVCall
        bench.step(1);
        assertEquals(ExceptionState.HARD_FAULT, bench.regs.ipsr(), "UsageFault disabled: escalated");
        assertEquals(ControlRegisters.CFSR_INVPC, bench.core.controlRegisters().cfsr());
        assertEquals(0xFFFF_FFF9, bench.regs.lr(), "LR keeps the EXC_RETURN");
        assertEquals(M3Bench.STACK_TOP - 0x20, bench.regs.msp(), "nothing popped, nothing pushed");
        assertFalse(bench.core.exceptions().isActive(ExceptionState.FIRST_IRQ), "the returning exception is over");
    }
}
