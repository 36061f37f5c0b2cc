package io.probehost.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.firmware.Armv6mExceptionModel.Outcome;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * QEMU 7.2 does not model lockup: where the core locks up it aborts with "Lockup: can't escalate
 * 3 to HardFault (current priority P)" and a register dump. That is as far as it speaks: the
 * priority and the handler (IPSR in the dumped xPSR) must be the model's. What the lab shows
 * after that (PC 0xFFFFFFFE, S_LOCKUP, NMI) is judged by the model alone ({@link LockupOnLabTest}).
 */
class LockupOnQemuTest {
    private static final Pattern XPSR = Pattern.compile("XPSR=([0-9a-fA-F]{8})");

    @ParameterizedTest
    @EnumSource(LockupScenario.class)
    void qemuAbortsWithTheModelsLockupPriorityWhenTheProgramLocksUp(LockupScenario scenario) throws Exception {
        Outcome lockup = scenario.lockup();
        assertTrue(lockup.lockup(), "the model locks up");
        QemuMicrobit.Exit exit = QemuMicrobit.runToExit(scenario.program.elf(), QemuRuns.TIMEOUT);
        String message = "Lockup: can't escalate 3 to HardFault (current priority " + lockup.lockupPriority() + ")";
        assertTrue(exit.code() != 0 && exit.stderr().contains(message),
                "QEMU exit " + exit.code() + ", expected \"" + message + "\" in:\n" + exit.stderr());
        Matcher xpsr = XPSR.matcher(exit.stderr());
        assertTrue(xpsr.find(), "register dump with XPSR:\n" + exit.stderr());
        int ipsr = Integer.parseUnsignedInt(xpsr.group(1), 16) & 0x3F;
        assertEquals(lockup.stackedIpsr(), ipsr, "IPSR in QEMU's dump at lockup");
    }
}
