package io.probehost.driver.stlink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;

class StlinkVersionTest {

    @Test
    void v2VersionDecodesAsJtagAndSwim() {
        StlinkVersion version = StlinkVersion.decode(StlinkModel.V2, 0x2947);
        assertEquals("V2J37S7", version.display());
        assertEquals(37, version.jtag());
        assertFalse(StlinkVersion.needsExtended(0x2947));
    }

    @Test
    void v21VersionDecodesAsJtagAndMassStorage() {
        StlinkVersion version = StlinkVersion.decode(StlinkModel.V2_1, 0x2B5E);
        assertEquals("V2J45M30", version.display());
        assertEquals(45, version.jtag());
        assertEquals(30, version.massStorage());
    }

    @Test
    void v21Stm8OnlyFirmwareHasNoJtagAndIsRefused() {
        StlinkVersion version = StlinkVersion.decode(StlinkModel.V2_1, 0x2647);
        assertEquals(0, version.jtag());
        assertEquals(25, version.massStorage());
        ProbeException error = assertThrows(ProbeException.class, () -> version.requireSupported("X"));
        assertTrue(error.getMessage().contains("no SWD/JTAG support"), error.getMessage());
        assertTrue(error.getMessage().contains("update the firmware"), error.getMessage());
    }

    @Test
    void v3NeedsTheExtendedVersion() {
        assertTrue(StlinkVersion.needsExtended(0x3000));
        StlinkVersion version = StlinkVersion.decodeExtended(StlinkModel.V3,
                ScriptedTransport.bytes("03 00 0f 07 05 00 00 00 83 04 4f 37"));
        assertEquals("V3J15M7B5", version.display());
        assertEquals(512, version.max8BitBytes());
        assertTrue(version.hasBoardIdentifiers());
    }

    @Test
    void hardwareVersionFourIsV3pwr() {
        StlinkVersion version = StlinkVersion.decodeExtended(StlinkModel.V3,
                ScriptedTransport.bytes("04 00 02 00 00 01 00 00 83 04 57 37"));
        assertEquals(StlinkModel.V3PWR, version.model());
        assertEquals("V4J2M0B0P1", version.display());
        assertEquals(64, version.max8BitBytes());
        assertFalse(version.hasBoardIdentifiers());
        assertTrue(version.hasApInMemoryCommands());
    }

    @Test
    void firmwareBelowV2J24IsRefusedWithAnUpdateHint() {
        StlinkVersion version = StlinkVersion.decode(StlinkModel.V2, 0x25C7);
        assertEquals("V2J23S7", version.display());
        ProbeException error = assertThrows(ProbeException.class, () -> version.requireSupported("066D"));
        assertEquals("ST-Link 066D runs firmware V2J23S7; V2J24 is the oldest supported: update the firmware "
                + "with ST's STSW-LINK007 (STM32CubeProgrammer's firmware upgrade)", error.getMessage());
    }

    @Test
    void featuresArriveWithTheFirmwareTheNoteLists() {
        assertFalse(TestProbes.v2(25).has16BitAccess());
        assertTrue(TestProbes.v2(26).has16BitAccess());
        assertFalse(TestProbes.v2(27).hasMultipleAps());
        assertTrue(TestProbes.v2(28).hasMultipleAps());
        assertFalse(TestProbes.v2(31).hasApInMemoryCommands());
        assertTrue(TestProbes.v2(32).hasApInMemoryCommands());
        assertTrue(TestProbes.v2(31).hasJtagDpReadQuirk());
        assertFalse(TestProbes.v2(32).hasJtagDpReadQuirk());
        assertFalse(TestProbes.v2(35).hasBoardIdentifiers());
        assertTrue(TestProbes.v2(36).hasBoardIdentifiers());
        assertFalse(TestProbes.v3(5).hasBoardIdentifiers());
        assertTrue(TestProbes.v3(6).hasBoardIdentifiers());
        assertFalse(TestProbes.v3(1).hasApInMemoryCommands());
        assertTrue(TestProbes.v3(2).hasApInMemoryCommands());
        assertFalse(TestProbes.v3(15).hasSwdSetFreq());
    }

    @Test
    void productIdsMapToTheirModels() {
        assertEquals(StlinkModel.V2, StlinkModel.fromProductId(0x3748).orElseThrow());
        assertEquals(StlinkModel.V2_1, StlinkModel.fromProductId(0x374B).orElseThrow());
        assertEquals(StlinkModel.V3, StlinkModel.fromProductId(0x374F).orElseThrow());
        assertEquals(StlinkModel.V3PWR, StlinkModel.fromProductId(0x3757).orElseThrow());
        assertTrue(StlinkModel.fromProductId(0x3744).isEmpty(), "V1 is not supported");
        assertTrue(StlinkModel.fromProductId(0x374D).isEmpty(), "the V3 DFU loader cannot debug");
        assertEquals(0x02, StlinkModel.V2.outEndpoint());
        assertEquals(0x01, StlinkModel.V2_1.outEndpoint());
    }
}
