package io.probehost.flash.format.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.probehost.flash.format.debug.VariableLocation.Kind;

/** The single-operation DWARF location expressions, from their encodings in DWARF 5 §2.5 and §7.7.1. */
class VariableLocationTest {

    private static VariableLocation decode(int... bytes) {
        byte[] expression = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            expression[i] = (byte) bytes[i];
        }
        return VariableLocation.decode(expression);
    }

    @Test
    void decodesFrameBaseOffsetsWithSignedLeb128() {
        assertEquals(new VariableLocation(Kind.FRAME_BASE_OFFSET, -1, -20), decode(0x91, 0x6c));
        assertEquals(new VariableLocation(Kind.FRAME_BASE_OFFSET, -1, 200), decode(0x91, 0xc8, 0x01));
    }

    @Test
    void decodesRegistersAndRegisterOffsets() {
        assertEquals(new VariableLocation(Kind.REGISTER, 5, 0), decode(0x55));
        assertEquals(new VariableLocation(Kind.REGISTER, 266, 0), decode(0x90, 0x8a, 0x02));
        assertEquals(new VariableLocation(Kind.REGISTER_OFFSET, 7, 8), decode(0x77, 0x08));
        assertEquals(new VariableLocation(Kind.REGISTER_OFFSET, 13, -4), decode(0x92, 0x0d, 0x7c));
    }

    @Test
    void decodesAddressesAndTheCallFrameCfa() {
        assertEquals(new VariableLocation(Kind.ADDRESS, -1, 0x2000_0004L), decode(0x03, 0x04, 0x00, 0x00, 0x20));
        assertEquals(new VariableLocation(Kind.CALL_FRAME_CFA, -1, 0), decode(0x9c));
    }

    @Test
    void givesUnknownForLongerTruncatedOrOtherExpressions() {
        assertEquals(VariableLocation.UNKNOWN, decode(0x91));
        assertEquals(VariableLocation.UNKNOWN, decode(0x91, 0x80));
        assertEquals(VariableLocation.UNKNOWN, decode(0x55, 0x93, 0x04));
        assertEquals(VariableLocation.UNKNOWN, decode(0x9c, 0x23, 0x04));
        assertEquals(VariableLocation.UNKNOWN, decode());
        assertEquals(VariableLocation.UNKNOWN, VariableLocation.decode(null));
    }
}
