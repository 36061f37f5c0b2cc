package io.probehost.driver.stlink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.probe.ArmMemoryEngine.AccessWidth;

class MemoryTest {
    private static final String RW_OK = "80 00";

    @Test
    void wordReadsSplitAtThe6144ByteLimitOnlyAcrossTarBoundariesEachCheckedWithLastRwStatus2() {
        ScriptedTransport transport = new ScriptedTransport().reply(6144, "11 22").reply(12, RW_OK)
                .reply(256, "33 44").reply(12, RW_OK);
        byte[] into = new byte[0x1900];
        onV2(transport)
                .read(0, 0x2000_0300L, AccessWidth.WORD, into, 0, 0x1900);
        assertEquals(List.of("f2 07 00 03 00 20 00 18", "f2 3e", "f2 07 00 1b 00 20 00 01", "f2 3e"),
                transport.written);
        assertEquals(0x11, into[0]);
        assertEquals(0x33, into[6144]);
    }

    @Test
    void byteWritesSplitAt64BytesOnV2() {
        ScriptedTransport transport = new ScriptedTransport().reply(12, RW_OK).reply(12, RW_OK);
        byte[] data = new byte[100];
        data[64] = 0x5A;
        onV2(transport)
                .write(0, 0x2000_0000L, AccessWidth.BYTE, data, 0, 100);
        assertEquals(6, transport.written.size());
        assertEquals("f2 3e", transport.written.get(5));
        assertEquals("f2 0d 00 00 00 20 40", transport.written.get(0));
        assertEquals(64, ScriptedTransport.bytes(transport.written.get(1)).length);
        assertEquals("f2 3e", transport.written.get(2));
        assertEquals("f2 0d 40 00 00 20 24", transport.written.get(3));
        assertEquals((byte) 0x5A, ScriptedTransport.bytes(transport.written.get(4))[0]);
    }

    @Test
    void byteTransfersSplitAt512BytesOnV3FromJ6() {
        ScriptedTransport transport = new ScriptedTransport().reply(512, "").reply(12, RW_OK).reply(88, "")
                .reply(12, RW_OK);
        new StlinkMemory(TestProbes.channel(transport, TestProbes.v3(7)))
                .read(0, 0x2000_0000L, AccessWidth.BYTE, new byte[600], 0, 600);
        assertEquals(List.of("f2 0c 00 00 00 20 00 02", "f2 3e", "f2 0c 00 02 00 20 58", "f2 3e"),
                transport.written);
    }

    @Test
    void halfwordsGoOutWith0x48AndTheApNumber() {
        ScriptedTransport transport = new ScriptedTransport().reply(12, RW_OK);
        onV2(transport)
                .write(1, 0x2000_0010L, AccessWidth.HALFWORD, ScriptedTransport.bytes("34 12"), 0, 2);
        assertEquals(List.of("f2 48 10 00 00 20 02 00 01", "34 12", "f2 3e"), transport.written);
    }

    @Test
    void aOneByteReadReadsTwoBytes() {
        ScriptedTransport transport = new ScriptedTransport().reply(2, "a5 00").reply(12, RW_OK);
        byte[] into = new byte[1];
        onV2(transport)
                .read(0, 0x0800_0000L, AccessWidth.BYTE, into, 0, 1);
        assertArrayEquals(new byte[] {(byte) 0xA5}, into);
    }

    @Test
    void aFaultClearsTheStickyErrorsAndNamesTheAddress() {
        ScriptedTransport transport = new ScriptedTransport().reply(8, "").reply(12, "11 00 00 00 04 00 00 40")
                .reply(2, RW_OK);
        TransferFaultException fault = assertThrows(TransferFaultException.class,
                () -> onV2(transport)
                        .read(0, 0x4000_0000L, AccessWidth.WORD, new byte[8], 0, 8));
        assertEquals(0x4000_0004L, fault.address().orElseThrow());
        assertTrue(fault.getMessage().contains("SWD AP FAULT (0x11)"), fault.getMessage());
        assertEquals(List.of("f2 07 00 00 00 40 08", "f2 3e", "f2 46 ff ff 00 00 1e"), transport.written);
    }

    @Test
    void onJtagAFaultClearsTheStickyBitsThroughCtrlStat() {
        ScriptedTransport transport = new ScriptedTransport().reply(8, "").reply(12, "15 00 00 00 00 00 00 40")
                .reply(2, RW_OK);
        StlinkMemory memory = onV2(transport);
        memory.setJtag(true);
        assertThrows(TransferFaultException.class, () -> memory.read(0, 0x4000_0000L, AccessWidth.WORD, new byte[8], 0, 8));
        assertEquals("f2 46 ff ff 04 00 32 00 00 50", transport.written.get(2));
    }

    @Test
    void aSingleWordIsOneReadDebugRegWithItsStatusInTheReply() {
        ScriptedTransport transport = new ScriptedTransport().reply(8, "80 00 00 00 78 56 34 12");
        byte[] into = new byte[6];
        onV2(transport)
                .read(0, 0x2000_0040L, AccessWidth.WORD, into, 2, 4);
        assertEquals(List.of("f2 36 40 00 00 20"), transport.written);
        assertArrayEquals(ScriptedTransport.bytes("00 00 78 56 34 12"), into);
    }

    @Test
    void aSingleWordWriteIsOneWriteDebugReg() {
        ScriptedTransport transport = new ScriptedTransport().reply(2, RW_OK);
        onV2(transport)
                .write(0, 0x2000_0040L, AccessWidth.WORD, ScriptedTransport.bytes("78 56 34 12"), 0, 4);
        assertEquals(List.of("f2 35 40 00 00 20 78 56 34 12"), transport.written);
    }

    @Test
    void aSingleWordThatFaultsClearsTheStickyErrorsAndNamesItsAddress() {
        ScriptedTransport transport = new ScriptedTransport().reply(2, "81 00").reply(2, RW_OK);
        TransferFaultException fault = assertThrows(TransferFaultException.class,
                () -> onV2(transport)
                        .write(0, 0x4000_0000L, AccessWidth.WORD, new byte[4], 0, 4));
        assertEquals(0x4000_0000L, fault.address().orElseThrow());
        assertEquals(List.of("f2 35 00 00 00 40", "f2 46 ff ff 00 00 1e"), transport.written);
    }

    @Test
    void aSingleWordOnAnotherApTakesTheMemoryCommand() {
        ScriptedTransport transport = new ScriptedTransport().reply(4, "01 02 03 04").reply(12, RW_OK);
        byte[] into = new byte[4];
        onV2(transport)
                .read(1, 0x2000_0000L, AccessWidth.WORD, into, 0, 4);
        assertEquals(List.of("f2 07 00 00 00 20 04 00 01", "f2 3e"), transport.written);
        assertArrayEquals(ScriptedTransport.bytes("01 02 03 04"), into);
    }

    @Test
    void sixteenBitAccessNeedsV2J26() {
        ScriptedTransport transport = new ScriptedTransport();
        ProbeException error = assertThrows(ProbeException.class,
                () -> new StlinkMemory(TestProbes.channel(transport, TestProbes.v2(25)))
                        .read(0, 0x2000_0000L, AccessWidth.HALFWORD, new byte[2], 0, 2));
        assertTrue(error.getMessage().contains("update the firmware"), error.getMessage());
        assertEquals(List.of(), transport.written);
    }

    @Test
    void misalignedWordAccessIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> onV2(new ScriptedTransport())
                        .read(0, 0x2000_0002L, AccessWidth.WORD, new byte[4], 0, 4));
    }

    @Test
    void partsNeverExceedTheProtocolLimits() {
        assertEquals(6144, StlinkMemory.maxPartBytes(AccessWidth.WORD, TestProbes.v2(37)));
        assertEquals(64, StlinkMemory.maxPartBytes(AccessWidth.BYTE, TestProbes.v3(5)));
        assertEquals(512, StlinkMemory.maxPartBytes(AccessWidth.BYTE, TestProbes.v3(6)));
        assertEquals(100, StlinkMemory.partLength(100, 6144), "a part may cross the 1 KB TAR boundary");
        assertEquals(6144, StlinkMemory.partLength(65536, 6144));
        assertEquals(64, StlinkMemory.partLength(100, 64));
    }

    /** The driver's memory access over an ST-Link/V2 with firmware J37 that answers from {@code transport}. */
    private static StlinkMemory onV2(ScriptedTransport transport) {
        return new StlinkMemory(TestProbes.channel(transport, TestProbes.v2(37)));
    }
}
