package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProtocolVersionTest {

    private static String parse(String text, boolean bulk, boolean daplink) {
        return ProtocolVersion.parse(text, bulk, daplink).toString();
    }

    @Test
    void parsesAsIsWhenVersionHasThreeFields() {
        assertEquals("2.1.0", parse("2.1.0", true, false));
        assertEquals("1.3.0", parse("1.3.0", false, false));
    }

    @Test
    void readsTwoDigitMinorAsMinorAndPatchWhenVersionHasTwoFields() {
        assertEquals("1.1.0", parse("1.10", false, false));
        assertEquals("1.0.7", parse("1.07", false, false));
    }

    @Test
    void raisesToOnePointZeroWhenVersionIsBeta() {
        assertEquals("1.0.0", parse("0.01", false, false));
        assertEquals("1.0.0", parse("0.02", false, false));
    }

    @Test
    void mapsToTwoPointZeroWhenDaplinkReportsItsFirmwareVersion() {
        assertEquals("2.0.0", parse("0254", true, true));
        assertEquals("2.0.0", parse("0255", false, true));
        assertEquals("1.0.0", parse("0254", false, false), "major 254 is no CMSIS-DAP version");
    }

    @Test
    void fallsBackToTheTransportsLowestVersionWhenUnreadable() {
        assertEquals("2.0.0", parse("", true, false));
        assertEquals("1.0.0", parse("v1.x", false, false));
        assertEquals("2.0.0", parse("7.0.0", true, false));
    }

    @Test
    void offersBoardStringsWhenVersionIs21OrHid13() {
        assertTrue(ProtocolVersion.parse("2.1.0", true, false).hasBoardStrings());
        assertTrue(ProtocolVersion.parse("1.3.0", false, false).hasBoardStrings());
        assertFalse(ProtocolVersion.parse("2.0.0", true, false).hasBoardStrings());
        assertFalse(ProtocolVersion.parse("1.2.0", false, false).hasBoardStrings());
    }
}
