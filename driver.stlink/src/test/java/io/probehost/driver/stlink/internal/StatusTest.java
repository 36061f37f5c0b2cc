package io.probehost.driver.stlink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProtocolException;
import io.probehost.api.TransferException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.probe.ArmMemoryEngine;

class StatusTest {

    @Test
    void everyStatusCodeRoundTripsAndUnknownCodesAreRefused() {
        int known = 0;
        for (int code = 0; code < 256; code++) {
            try {
                assertEquals(code, StlinkStatus.fromCode(code).code());
                known++;
            } catch (IllegalArgumentException e) {
                assertEquals(String.format("unknown ST-Link status 0x%02X", code), e.getMessage());
            }
        }
        assertEquals(StlinkStatus.values().length, known);
    }

    @Test
    void statusesBecomeTypedErrors() {
        assertInstanceOf(TransferTimeoutException.class, StlinkErrors.of(StlinkStatus.SWD_DP_WAIT, "X", null));
        assertInstanceOf(TransferFaultException.class, StlinkErrors.of(StlinkStatus.SWD_AP_FAULT, "X", null));
        assertInstanceOf(TransferFaultException.class, StlinkErrors.of(StlinkStatus.SWD_DP_FAULT, "X", null));
        assertInstanceOf(ProtocolException.class, StlinkErrors.of(StlinkStatus.SWD_AP_PARITY_ERROR, "X", null));
        assertInstanceOf(TransferException.class, StlinkErrors.of(StlinkStatus.SWD_DP_ERROR, "X", null));
        assertFalse(StlinkErrors.of(StlinkStatus.SWD_DP_ERROR, "X", null) instanceof TransferFaultException);
    }

    @Test
    void waitIsRetriedThenSucceeds() {
        ScriptedTransport transport = new ScriptedTransport().reply(8, "14 00").reply(8, "80 00 00 00 77 14 a0 2b");
        StlinkProbe probe = TestProbes.probe(transport, TestProbes.v2(37));
        assertEquals(0x2BA0_1477, probe.readDapRegister(ArmMemoryEngine.DEBUG_PORT, 0));
        assertEquals(2, transport.written.size());
        assertEquals("f2 45 ff ff", transport.written.get(0));
    }

    @Test
    void waitPastTheRetriesTimesOut() {
        ScriptedTransport transport = new ScriptedTransport();
        for (int i = 0; i <= StlinkChannel.WAIT_RETRIES; i++) {
            transport.reply(8, "14 00");
        }
        StlinkProbe probe = TestProbes.probe(transport, TestProbes.v2(37));
        TransferTimeoutException error = assertThrows(TransferTimeoutException.class,
                () -> probe.readDapRegister(ArmMemoryEngine.DEBUG_PORT, 4));
        assertEquals("ST-Link READ_DAP_REG DP 0x04 failed: SWD DP WAIT (0x14); the target kept answering WAIT",
                error.getMessage());
        assertEquals(StlinkChannel.WAIT_RETRIES + 1, transport.written.size());
    }

    @Test
    void apRegistersOpenTheirApFirstAndWritesCarryTheValue() {
        ScriptedTransport transport = new ScriptedTransport().reply(2, "80 00").reply(2, "80 00");
        StlinkProbe probe = TestProbes.probe(transport, TestProbes.v2(37));
        probe.writeDapRegister(1, 0x04, 0xE000_ED00);
        assertEquals("f2 4b 01", transport.written.get(0));
        assertEquals("f2 46 01 00 04 00 00 ed 00 e0", transport.written.get(1));
    }

    @Test
    void badApOnRecentFirmwareSaysTheProbeTalksToStm32Only() {
        ScriptedTransport transport = new ScriptedTransport().reply(2, "1d 00");
        StlinkProbe probe = TestProbes.probe(transport, TestProbes.v2(37));
        TransferException error = assertThrows(TransferException.class, () -> probe.readDapRegister(0, 0xFC));
        assertEquals(List.of("f2 4b"), transport.written);
        assertTrue(error.getMessage().contains("V2J37S7 only lets the ST-Link talk to STM32 targets"),
                error.getMessage());
    }

    @Test
    void badApOnOlderFirmwareMakesNoStm32Claim() {
        ScriptedTransport transport = new ScriptedTransport().reply(2, "1d 00");
        StlinkProbe probe = TestProbes.probe(transport, TestProbes.v2(36));
        TransferException error = assertThrows(TransferException.class, () -> probe.readDapRegister(0, 0xFC));
        assertFalse(error.getMessage().contains("STM32"), error.getMessage());
    }

    @Test
    void aMissingApBeyondZeroIsAFaultSoThatAnApScanStops() {
        ScriptedTransport transport = new ScriptedTransport().reply(2, "1d 00");
        StlinkProbe probe = TestProbes.probe(transport, TestProbes.v2(36));
        TransferFaultException error = assertThrows(TransferFaultException.class,
                () -> probe.readDapRegister(1, 0xFC));
        assertEquals("ST-Link INIT_AP 1 failed: bad AP (not initialised or not present) (0x1D)", error.getMessage());
    }

    @Test
    void anUnknownStatusIsAProtocolError() {
        ScriptedTransport transport = new ScriptedTransport().reply(2, "99 00");
        ProtocolException error = assertThrows(ProtocolException.class,
                () -> TestProbes.probe(transport, TestProbes.v2(37)).setResetAsserted(true));
        assertEquals("ST-Link answered DRIVE_NRST 0 with the unknown status 0x99", error.getMessage());
        assertEquals("f2 3c", transport.written.get(0));
    }
}
