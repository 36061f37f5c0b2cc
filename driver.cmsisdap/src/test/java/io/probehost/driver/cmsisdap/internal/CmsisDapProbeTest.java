package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.jtag.JtagChain;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.JtagSequencer;
import io.probehost.api.probe.ProbeCapability;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.SwjControl;
import io.probehost.api.probe.WireProtocol;

class CmsisDapProbeTest {
    private final FakeDap dap = new FakeDap(64, 4, "2.1.0");
    private final TestProbes probes = new TestProbes(dap);

    private CmsisDapProbe openClean() {
        CmsisDapProbe probe = probes.open();
        probes.device().written.clear();
        return probe;
    }

    @Test
    void sendsConnectClockTransferAndSwdConfigurationWhenConnectingSwd() {
        CmsisDapProbe probe = openClean();
        probe.connect(WireProtocol.SWD);
        assertEquals(List.of("02 01", "11 40 42 0f 00", "04 02 96 00 00 00", "13 00", "01 00 01"),
                probes.device().writtenHex());
        assertEquals(Optional.of(WireProtocol.SWD), probe.protocol());
    }

    @Test
    void connectThrowsWhenProbeCannotStartThePort() {
        dap.overrides.put(0x02, request -> Bytes.hex("02 00"));
        CmsisDapProbe probe = openClean();
        ProbeException error = assertThrows(ProbeException.class, () -> probe.connect(WireProtocol.SWD));
        assertEquals("CMSIS-DAP probe 0240000032044e4500 could not start SWD (DAP_Connect answered NONE)",
                error.getMessage());
        assertTrue(probe.protocol().isEmpty());
    }

    @Test
    void configuresChainAndAddressesArmDapWhenConnectingJtag() {
        dap.overrides.put(0x14, new JtagChainSimulator(JtagChainSimulator.stm32BoundaryScan(),
                JtagChainSimulator.armJtagDp()));
        CmsisDapProbe probe = openClean();
        probe.connect(WireProtocol.JTAG);
        List<String> written = probes.device().writtenHex();
        assertEquals("02 02", written.get(0));
        assertEquals("12 50 ff ff ff ff ff ff ff 3c e7 ff", written.get(3), "SWD-to-JTAG before the scan");
        assertTrue(written.contains("15 02 05 04"), written.toString());
        assertEquals(List.of(new JtagTap(0x06413041, 5), new JtagTap(0x4BA00477, 4)), probe.jtagChain());
        DapAccess access = probe.capability(DapAccess.class).orElseThrow();
        access.readDp(0x0);
        access.writeAbort(0x1E);
        assertEquals(List.of(1), dap.dapIndexes);
        assertTrue(probes.device().writtenHex().contains("05 01 01 02"));
        assertTrue(probes.device().writtenHex().contains("08 01 1e 00 00 00"));
    }

    @Test
    void offersOnlyTheJtagSequencerWhenTheChainHasNoArmDap() {
        dap.overrides.put(0x14, new JtagChainSimulator(JtagChainSimulator.stm32BoundaryScan()));
        CmsisDapProbe probe = openClean();
        probe.connect(WireProtocol.JTAG);
        assertEquals(List.of(new JtagTap(0x06413041, 5)), probe.jtagChain());
        assertTrue(probe.capability(DapAccess.class).isEmpty(), "no Arm debug port to reach");
        JtagSequencer sequencer = probe.capability(JtagSequencer.class).orElseThrow();
        assertEquals(List.of(0x06413041), JtagChain.readIdcodes(sequencer));
    }

    @Test
    void offersNoJtagSequencerOverSwd() {
        CmsisDapProbe probe = openClean();
        probe.connect(WireProtocol.SWD);
        assertTrue(probe.capability(JtagSequencer.class).isEmpty());
        assertTrue(probe.capability(DapAccess.class).isPresent());
    }

    @Test
    void refusesConnectWhenProbeLacksTheProtocol() {
        dap.info.put(0xF0, new byte[] {0x01});
        CmsisDapProbe probe = openClean();
        assertEquals(Set.of(WireProtocol.SWD), probe.supportedProtocols());
        assertThrows(ProbeException.class, () -> probe.connect(WireProtocol.JTAG));
        assertTrue(probes.device().written.isEmpty());
    }

    @Test
    void switchesLedOffAndReleasesPinsWhenDisconnecting() {
        CmsisDapProbe probe = openClean();
        probe.connect(WireProtocol.SWD);
        probes.device().written.clear();
        probe.disconnect();
        assertEquals(List.of("01 00 00", "03"), probes.device().writtenHex());
        assertTrue(probe.protocol().isEmpty());
    }

    @Test
    void drivesNresetThroughSwjPinsWhenResetIsAssertedAndReleased() {
        ResetControl reset = openClean().capability(ResetControl.class).orElseThrow();
        reset.setResetAsserted(true);
        reset.setResetAsserted(false);
        assertEquals(List.of("10 00 80 00 00 00 00", "10 80 80 00 00 00 00"), probes.device().writtenHex());
    }

    @Test
    void sendsSwjSequenceAfterQueuedTransfersWhenTransfersArePending() {
        CmsisDapProbe probe = openClean();
        probe.capability(DapAccess.class).orElseThrow().writeDp(0x8, 0);
        byte[] lineReset = {-1, -1, -1, -1, -1, -1, 0x07};
        probe.capability(SwjControl.class).orElseThrow().swjSequence(51, lineReset);
        assertEquals(List.of("05 00 01 08 00 00 00 00", "12 33 ff ff ff ff ff ff 07"), probes.device().writtenHex());
        assertEquals(0x8F, probe.capability(SwjControl.class).orElseThrow().swjPins(0, 0, 0));
    }

    @Test
    void reusesClockWhenConnectingAfterSetClockHz() {
        CmsisDapProbe probe = openClean();
        assertEquals(4_000_000, probe.setClockHz(4_000_000));
        probe.connect(WireProtocol.SWD);
        assertEquals("11 00 09 3d 00", probes.device().writtenHex().get(0));
        assertEquals("11 00 09 3d 00", probes.device().writtenHex().get(2));
    }

    @Test
    void recoversForNextCommandWhenAReplyIsLost() {
        CmsisDapProbe probe = openClean();
        dap.overrides.put(0x11, request -> null);
        io.probehost.api.TransferTimeoutException error = assertThrows(io.probehost.api.TransferTimeoutException.class,
                () -> probe.setClockHz(2_000_000));
        assertEquals("USB read timed out", error.getMessage());
        assertEquals("07", probes.device().writtenHex().get(1), "DAP_TransferAbort, then stale replies dropped");
        dap.overrides.clear();
        assertEquals(2_000_000, probe.setClockHz(2_000_000));
    }

    @Test
    void offersDapSwjAndResetWhenCapabilitiesAreAsked() {
        CmsisDapProbe probe = openClean();
        assertTrue(probe.capability(DapAccess.class).isPresent());
        assertTrue(probe.capability(SwjControl.class).isPresent());
        assertTrue(probe.capability(ResetControl.class).isPresent());
        assertTrue(probe.capability(UnknownCapability.class).isEmpty());
        assertEquals(Set.of(WireProtocol.SWD, WireProtocol.JTAG), probe.supportedProtocols());
    }

    @Test
    void describesBoardWhenOpenedProbeIsDaplink() {
        CmsisDapProbe probe = openClean();
        assertEquals("FRDM-K64F", probe.description().boardName());
        assertEquals("mk64fn1m0xxx12", probe.description().targetType());
        assertEquals("lab:1-1", probe.description().location());
    }

    @Test
    void releasesOnceAndFailsLaterCallsWhenClosedTwice() {
        CmsisDapProbe probe = openClean();
        probe.connect(WireProtocol.SWD);
        probes.device().written.clear();
        probe.close();
        probe.close();
        assertEquals(List.of("01 00 00", "03"), probes.device().writtenHex());
        assertEquals(List.of(0), probes.device().released);
        assertEquals(1, probes.device().closeCount);
        ProbeException error = assertThrows(ProbeException.class,
                () -> probe.capability(DapAccess.class).orElseThrow().readDp(0));
        assertEquals("CMSIS-DAP probe 0240000032044e4500 is closed", error.getMessage());
        assertThrows(ProbeException.class, () -> probe.connect(WireProtocol.SWD));
    }

    @Test
    void worksAgainWhenReopenedAfterADisconnect() {
        CmsisDapProbe probe = openClean();
        probes.device().disconnectAfterReads = probes.device().reads;
        assertThrows(io.probehost.api.ProbeDisconnectedException.class,
                () -> probe.capability(DapAccess.class).orElseThrow().readDp(0));
        probe.close();
        CmsisDapProbe again = probes.open();
        assertEquals(0x1000, again.capability(DapAccess.class).orElseThrow().readDp(0));
    }

    private interface UnknownCapability extends ProbeCapability {
    }
}
