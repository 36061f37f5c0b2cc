package io.probehost.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.firmware.Armv6mExceptionModel.Outcome;
import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.RunOutcome;
import io.probehost.sim.mcu.cpu.CoreRegister;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lockup programs on the lab, judged by {@link Armv6mExceptionModel} where QEMU only aborts:
 * the core stops at 0xFFFFFFFE in the handler it faulted in, DHCSR.S_LOCKUP reads one, and an
 * NMI a debugger pends ends a lockup at HardFault priority (stacking 0xFFFFFFFE) but not one at
 * NMI priority.
 */
class LockupOnLabTest {
    private static final int ICSR = 0xE000_ED04;
    private static final int NMIPENDSET = 1 << 31;
    private static final int S_HALT = 1 << 17;
    private static final long NMI_RUN_CYCLES = 100_000;

    @ParameterizedTest
    @EnumSource(LockupScenario.class)
    void labLocksUpAndAnswersAnNmiAsTheModelDoesWhenTheProgramLocksUp(LockupScenario scenario) throws Exception {
        Outcome lockup = scenario.lockup();
        try (LabMicrobit lab = new LabMicrobit()) {
            lab.load(scenario.program);
            ResultBlock block = lab.awaitWithoutDebugger(ResultBlock::isFinished, QemuRuns.TIMEOUT);
            assertEquals(LockupScenario.STATUS_LOCKING, block.status(), "status before the locking instruction" + block);
            assertEquals(lockup.lockup(), lab.lockedUp(), "DHCSR.S_LOCKUP");
            assertEquals(0, lab.mcu().debugBus().read(LabMicrobit.DHCSR, AccessSize.WORD) & S_HALT, "DHCSR.S_HALT");
            assertEquals(lockup.returnAddress(), lab.mcu().readCoreRegister(CoreRegister.PC), "PC while locked up");
            assertEquals(lockup.stackedIpsr(), lab.mcu().readCoreRegister(CoreRegister.XPSR) & 0x3F, "IPSR while locked up");
            Outcome first = scenario.firstEntry();
            assertEquals(first.exception(), block.value(scenario.firstEntryIpsrValue()), "IPSR in the first handler");
            assertEquals(first.excReturn(), block.value(scenario.firstEntryExcReturnValue()), "EXC_RETURN in the first handler");
            int nmiEntriesBefore = block.value(LockupScenario.V_NMI_ENTRIES);

            lab.mcu().debugBus().write(ICSR, AccessSize.WORD, NMIPENDSET);
            RunOutcome run = lab.mcu().runUntilHalted(NMI_RUN_CYCLES);
            ResultBlock after = new ResultBlock(lab.readWords(ResultBlock.BASE, ResultBlock.WORDS));
            Outcome nmi = scenario.nmiAfterLockup();
            if (nmi == null) {
                assertEquals(RunOutcome.LOCKED_UP, run, "an NMI does not end a lockup at priority " + lockup.lockupPriority());
                assertEquals(nmiEntriesBefore, after.value(LockupScenario.V_NMI_ENTRIES), "NMI entries");
            } else {
                assertEquals(RunOutcome.CYCLE_LIMIT, run, "the NMI handler ends in its DONE loop");
                assertEquals(ResultBlock.STATUS_DONE, after.status(), "status" + after);
                assertEquals(nmiEntriesBefore + 1, after.value(LockupScenario.V_NMI_ENTRIES), "NMI entries");
                assertEquals(nmi.exception(), after.value(LockupScenario.V_NMI_IPSR), "IPSR in NMI");
                assertEquals(nmi.excReturn(), after.value(LockupScenario.V_NMI_EXC_RETURN), "EXC_RETURN in NMI");
                assertEquals(nmi.returnAddress(), after.value(LockupScenario.V_NMI_STACKED_PC), "stacked PC: the lockup address");
                assertEquals(nmi.stackedIpsr(), after.value(LockupScenario.V_NMI_STACKED_XPSR) & 0x3F, "stacked IPSR");
                assertTrue((after.value(LockupScenario.V_NMI_STACKED_XPSR) & 1 << 24) != 0, "stacked EPSR.T kept");
            }
        }
    }
}
