package io.probehost.driver.stlink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.option.SessionOptions;

class OpenSequenceTest {

    @Test
    void v21InDebugModeIsTakenOutOfItAndItsVoltageRead() {
        ScriptedTransport transport = new ScriptedTransport()
                .reply(6, "29 5a 83 04 4b 37")
                .reply(2, "02 00")
                .reply(8, "b0 04 00 00 72 06 00 00");
        StlinkProbe probe = StlinkOpener.open(TestProbes.DESCRIPTION, StlinkModel.V2_1, transport,
                SessionOptions.defaults());
        assertEquals(List.of("f1", "f5", "f2 21", "f7"), transport.written);
        assertEquals("V2J37M26", probe.version().display());
        assertEquals(3.3, probe.targetVolts(), 1e-9);
        assertEquals(0, transport.unusedReplies());
    }

    @Test
    void dfuAndSwimModesAreLeftWithTheirExitCommands() {
        ScriptedTransport dfu = new ScriptedTransport().reply(6, "29 47").reply(2, "00 00").reply(8, "");
        StlinkOpener.open(TestProbes.DESCRIPTION, StlinkModel.V2, dfu, SessionOptions.defaults());
        assertEquals(List.of("f1", "f5", "f3 07", "f7"), dfu.written);
        ScriptedTransport swim = new ScriptedTransport().reply(6, "29 47").reply(2, "03 00").reply(8, "");
        StlinkOpener.open(TestProbes.DESCRIPTION, StlinkModel.V2, swim, SessionOptions.defaults());
        assertEquals(List.of("f1", "f5", "f4 01", "f7"), swim.written);
    }

    @Test
    void v3ReadsTheExtendedVersionAndSetsThePrescaler() {
        ScriptedTransport transport = new ScriptedTransport()
                .reply(6, "30 00 83 04 4f 37")
                .reply(12, "03 00 0f 07 05 00 00 00 83 04 4f 37")
                .reply(2, "01 00")
                .reply(8, "b0 04 00 00 72 06 00 00")
                .reply(8, "40 00");
        StlinkProbe probe = StlinkOpener.open(TestProbes.DESCRIPTION, StlinkModel.V3, transport,
                TestProbes.options(StlinkOptions.V3_PRESCALER, "4"));
        assertEquals(List.of("f1", "fb", "f5", "f7", "f2 63 04"), transport.written);
        assertEquals("V3J15M7B5", probe.version().display());
    }

    @Test
    void aPrescalerOtherThanOneTwoOrFourIsRefused() {
        ScriptedTransport transport = new ScriptedTransport()
                .reply(6, "30 00").reply(12, "03 00 0f 07 05").reply(2, "01 00").reply(8, "");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> StlinkOpener.open(TestProbes.DESCRIPTION, StlinkModel.V3, transport,
                        TestProbes.options(StlinkOptions.V3_PRESCALER, "3")));
        assertEquals("stlink.v3_prescaler must be 1, 2 or 4, not 3", error.getMessage());
        assertTrue(transport.closed);
    }

    @Test
    void oldFirmwareIsRefusedBeforeAnythingElseIsSent() {
        ScriptedTransport transport = new ScriptedTransport().reply(6, "25 c7 83 04 48 37");
        ProbeException error = assertThrows(ProbeException.class, () -> StlinkOpener.open(TestProbes.DESCRIPTION,
                StlinkModel.V2, transport, SessionOptions.defaults()));
        assertTrue(error.getMessage().contains("V2J23S7; V2J24 is the oldest supported: update the firmware"),
                error.getMessage());
        assertEquals(List.of("f1"), transport.written);
        assertTrue(transport.closed);
    }
}
