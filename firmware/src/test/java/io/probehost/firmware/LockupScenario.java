package io.probehost.firmware;

import static io.probehost.firmware.Armv6mExceptionModel.Cause.FAULT;
import static io.probehost.firmware.Armv6mExceptionModel.Cause.SVC;

import io.probehost.firmware.Armv6mExceptionModel.Outcome;

/**
 * What each lockup program does, replayed on {@link Armv6mExceptionModel}: the model's outcome of
 * the locking instruction, and of an NMI a debugger pends afterwards. Addresses the model needs
 * but the tests cannot know (the firmware's) are placeholders: only the lockup address, the
 * priorities, IPSR and EXC_RETURN are compared.
 */
enum LockupScenario {
    /** UDF in thread mode, then UDF inside HardFault. */
    UDF_IN_HARDFAULT(Program.LOCKUP_UDF),
    /** UDF in thread mode, then SVC inside HardFault. */
    SVC_IN_HARDFAULT(Program.LOCKUP_SVC),
    /** NMI pended from thread mode, then UDF inside NMI. */
    UDF_IN_NMI(Program.LOCKUP_NMI);

    private static final int SOMEWHERE = 0x100;

    /** Result values of lockup.c. */
    static final int V_HF_IPSR = 0;
    static final int V_HF_EXC_RETURN = 1;
    static final int V_NMI_ENTRIES = 4;
    static final int V_NMI_IPSR = 5;
    static final int V_NMI_EXC_RETURN = 6;
    static final int V_NMI_STACKED_PC = 7;
    static final int V_NMI_STACKED_XPSR = 8;
    /** Status lockup.c writes just before the locking instruction: "LOCK". */
    static final int STATUS_LOCKING = 0x4B43_4F4C;

    final Program program;

    LockupScenario(Program program) {
        this.program = program;
    }

    /** The first handler entry, from thread mode: NMI pended, or HardFault from UDF. */
    private Outcome enterFirstHandler(Armv6mExceptionModel model) {
        return program == Program.LOCKUP_NMI ? model.pend(Armv6mExceptionModel.NMI, SOMEWHERE)
                : model.raise(FAULT, SOMEWHERE, SOMEWHERE + 2);
    }

    /** Replays the program on {@code model} up to its locking instruction; returns that instruction's outcome. */
    private Outcome lockUp(Armv6mExceptionModel model) {
        enterFirstHandler(model);
        return model.raise(program == Program.LOCKUP_SVC ? SVC : FAULT, SOMEWHERE + 4, SOMEWHERE + 6);
    }

    /** The handler entry before the lockup (lockup.c records it as HardFault's or NMI's). */
    Outcome firstEntry() {
        return enterFirstHandler(new Armv6mExceptionModel());
    }

    /** The result value that holds the first entry's IPSR. */
    int firstEntryIpsrValue() {
        return program == Program.LOCKUP_NMI ? V_NMI_IPSR : V_HF_IPSR;
    }

    /** The result value that holds the first entry's EXC_RETURN. */
    int firstEntryExcReturnValue() {
        return program == Program.LOCKUP_NMI ? V_NMI_EXC_RETURN : V_HF_EXC_RETURN;
    }

    /** The locking instruction's outcome: lockup, its priority, and the handler (IPSR) it stays in. */
    Outcome lockup() {
        return lockUp(new Armv6mExceptionModel());
    }

    /** A debugger pends NMI while the core is locked up: the NMI's entry, or null if the lockup holds. */
    Outcome nmiAfterLockup() {
        Armv6mExceptionModel model = new Armv6mExceptionModel();
        lockUp(model);
        return model.pend(Armv6mExceptionModel.NMI, SOMEWHERE);
    }
}
