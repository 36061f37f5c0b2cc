package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.TargetException;
import io.probehost.api.TransferException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.probe.WireProtocol;

class DebugPortTest {
    private final FakeDap dap = new FakeDap(new FakeCortexM(FakeCortexM.CPUID_M0));

    private DebugPort port(WireProtocol protocol) {
        return new DebugPort(dap, Optional.of(dap), protocol, Duration.ofMillis(20));
    }

    @Test
    void connectSendsSwitchReadsDpidrClearsStickyAndPowersUpWhenSwd() {
        int dpidr = port(WireProtocol.SWD).connect();

        assertEquals(0x0BB11477, dpidr);
        assertEquals(List.of(
                "SWJ 64 FFFFFFFFFFFFFFFF",
                "SWJ 16 9EE7",
                "SWJ 64 FFFFFFFFFFFFFF00",
                "R DPIDR",
                "W ABORT 0x0000001E",
                "W SELECT 0x00000000",
                "W CTRL/STAT 0x50000000",
                "R CTRL/STAT"), dap.takeLog());
    }

    @Test
    void connectWakesDormantDebugPortWhenLegacySwitchGetsNoAnswer() {
        dap.dpidrReadsThatFail = 1;

        port(WireProtocol.SWD).connect();

        List<String> log = dap.takeLog();
        int alert = log.indexOf("SWJ 128 92F30962952D8586E9AFDDE3A20EBC19");
        assertTrue(alert > log.indexOf("R DPIDR"), "selection alert after the failed DPIDR read: " + log);
        assertEquals(List.of("SWJ 12 A001", "SWJ 64 FFFFFFFFFFFFFF00", "R DPIDR"), log.subList(alert + 1, alert + 4));
    }

    @Test
    void connectNamesBothAttemptsWhenNoSwdTargetAnswers() {
        dap.dpidrReadsThatFail = 2;

        TransferException failure = assertThrows(TransferException.class, () -> port(WireProtocol.SWD).connect());

        assertEquals("no SWD debug port answered the DPIDR read after the JTAG-to-SWD switch and the dormant "
                + "wake-up: no ACK (line not driven)", failure.getMessage());
    }

    @Test
    void connectSwitchesToJtagAndClearsStickyThroughCtrlStatWhenJtag() {
        port(WireProtocol.JTAG).connect();

        assertEquals(List.of(
                "SWJ 64 FFFFFFFFFFFFFFFF",
                "SWJ 16 3CE7",
                "SWJ 8 FF",
                "SWJ 1 00",
                "R DPIDR",
                "W SELECT 0x00000000",
                "W CTRL/STAT 0x50000032",
                "W CTRL/STAT 0x50000000",
                "R CTRL/STAT"), dap.takeLog());
    }

    @Test
    void powerUpFailsNamingCtrlStatWhenAcksNeverCome() {
        dap.powerAcksFollowRequests = false;

        TargetException failure = assertThrows(TargetException.class, () -> port(WireProtocol.SWD).connect());

        assertEquals("debug power-up failed: CTRL/STAT 0x50000000 still lacks CSYSPWRUPACK|CDBGPWRUPACK after 20 ms",
                failure.getMessage());
    }

    @Test
    void selectIsWrittenOnlyWhenApBankOrDpBankChanges() {
        DebugPort dp = port(WireProtocol.SWD);
        dp.connect();
        dap.takeLog();

        dp.readAp(0, ApRegister.IDR);
        dp.readAp(0, ApRegister.BASE);
        dp.readAp(0, ApRegister.CSW);
        dp.readAp(0, ApRegister.TAR);
        dp.readDp(DpRegister.CTRL_STAT);
        dp.readDp(DpRegister.DLPIDR);
        dp.readAp(1, ApRegister.CSW);

        assertEquals(List.of(
                "W SELECT 0x000000F0",
                "R IDR",
                "R BASE",
                "W SELECT 0x00000000",
                "R CSW",
                "R TAR",
                "R CTRL/STAT",
                "W SELECT 0x00000003",
                "R DP 0x4 bank 3",
                "W SELECT 0x01000003",
                "R CSW"), dap.takeLog());
    }

    @Test
    void waitPastRetryLimitAbortsTheTransferAndForgetsSelect() {
        DebugPort dp = port(WireProtocol.SWD);
        dp.connect();
        dp.readAp(0, ApRegister.CSW);
        dap.waitOnDrw = true;
        dap.takeLog();

        assertThrows(TransferTimeoutException.class, () -> dp.readAp(0, ApRegister.DRW));
        dap.waitOnDrw = false;
        dp.readAp(0, ApRegister.CSW);

        assertEquals(List.of("R DRW", "W ABORT 0x00000001", "W SELECT 0x00000000", "R CSW"), dap.takeLog());
    }

    @Test
    void faultReadsCtrlStatBeforeAnySelectWriteWhenDpBankIsAlreadyZero() {
        DebugPort dp = port(WireProtocol.SWD);
        dp.connect();
        dp.readAp(0, ApRegister.CSW);
        dap.faultAt(0, 0x100);
        dap.takeLog();

        TransferFaultException fault = assertThrows(TransferFaultException.class, () -> dp.readAp(0, ApRegister.DRW));
        dp.readAp(0, ApRegister.CSW);

        assertEquals("FAULT on AP0 DRW read (CTRL/STAT 0xF0000020 STICKYERR)", fault.getMessage());
        // No SELECT write while the sticky flag is set: a probe that confirms each write would see it
        // FAULT. SELECT is written again, from scratch, by the next access.
        assertEquals(List.of(
                "R DRW",
                "R CTRL/STAT",
                "W ABORT 0x0000001E",
                "W SELECT 0x00000000",
                "R CSW"), dap.takeLog());
    }
}
