package io.probehost.driver.jlink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.ProtocolException;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.SwjControl;
import io.probehost.api.probe.WireProtocol;

/** The driver's requests and answers byte by byte, against the protocol note (jlink-usb.md). */
class JlinkPacketTest {
    private static final ProbeDescription LISTED = new ProbeDescription(FoundProbe.DRIVER_NAME, "000260100123", "SEGGER",
            "J-Link", "", "", "", "test:1");
    /** GET_CAPS of a V11: bits 0, 1, 4, 9, 11, 12, 13, 17, 31. */
    private static final String V11_CAPS = "13 3a 02 80";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final JlinkChannel channel = new JlinkChannel(transport);

    private static byte[] versionText(String text) {
        return Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), 0x70);
    }

    private void scriptV11Identity() {
        transport.reply(V11_CAPS).reply(V11_CAPS + " 01" + " 00".repeat(27)) // GET_CAPS, GET_CAPS_EX
                .reply("03 00 00 00") // SELECT_IF 0xFF: JTAG and SWD
                .reply("00 40 00 00") // GET_MAX_MEM_BLOCK: 16 KiB
                .reply("70 00").reply(versionText("J-Link V11 compiled Oct 26 2022 16:34:04"))
                .reply("b0 ad 01 00") // GET_HW_VERSION 110000
                .reply("00 6c dc 02 04 00"); // GET_SPEEDS 48 MHz / 4
    }

    @Test
    void identifyAsksInTheNotesOrderAndDecodesEveryAnswer() {
        scriptV11Identity();
        JlinkIdentity identity = JlinkOpener.identify(channel);
        assertEquals(List.of("e8", "ed", "c7 ff", "d4", "01", "f0", "c0"), transport.written);
        assertEquals("J-Link V11 compiled Oct 26 2022 16:34:04", identity.firmware());
        assertEquals(new JlinkHardwareVersion(0, 11, 0, 0), identity.hardware());
        assertEquals(0b11, identity.interfaces());
        assertEquals(0x4000, identity.maxMemBlock());
        assertEquals(12_000_000, identity.maxClockHz());
        assertTrue(identity.capabilities().has(32), "the extended set replaced GET_CAPS");
        assertEquals("J-Link V11.00 (firmware Oct 26 2022 16:34:04)", identity.productName());
        assertEquals(0, transport.unusedReplies());
    }

    @Test
    void aProbeWithoutOptionalCommandsIsAskedOnlyWhatItHas() {
        transport.reply("03 00 00 00") // bits 0 and 1: GET_HW_VERSION only
                .reply("70 00").reply(versionText("J-Link ARM V8 compiled Nov 28 2014 13:44:46"))
                .reply("40 42 0f 00"); // 1 000 000: type 1, a J-Trace
        JlinkIdentity identity = JlinkOpener.identify(channel);
        assertEquals(List.of("e8", "01", "f0"), transport.written);
        assertEquals(0b01, identity.interfaces(), "without SELECT_IF: JTAG only");
        assertEquals(JlinkOpener.DEFAULT_MAX_MEM_BLOCK, identity.maxMemBlock());
        assertEquals(JlinkOpener.DEFAULT_MAX_CLOCK_HZ, identity.maxClockHz());
        assertEquals("J-Trace", identity.hardware().typeName());
    }

    @Test
    void extendedCapsThatLackALegacyBitAreAProtocolError() {
        transport.reply(V11_CAPS).reply("01" + " 00".repeat(31));
        ProtocolException bad = assertThrows(ProtocolException.class, () -> JlinkOpener.identify(channel));
        assertTrue(bad.getMessage().contains("GET_CAPS_EX"), bad.getMessage());
    }

    @Test
    void openReadsVtrefAndRefusesAnUnpoweredTarget() {
        scriptV11Identity();
        transport.reply("00 00 00 00 00 00 01 01"); // GET_STATE: 0 mV
        ProbeException refused = assertThrows(ProbeException.class,
                () -> JlinkOpener.open(LISTED, transport, io.probehost.api.option.SessionOptions.defaults()));
        assertTrue(refused.getMessage().contains("0.00 V"), refused.getMessage());
        assertEquals("07", transport.written.get(transport.written.size() - 1));
        assertTrue(transport.closed, "the handle is released");
    }

    @Test
    void hwJtag3RequestIsCommandDummyCountThenBothVectors() {
        HwJtag3Request request = new HwJtag3Request(10, new byte[] {(byte) 0xFF, 0x03}, new byte[] {(byte) 0xA5, 0x01});
        assertArrayEquals(ScriptedTransport.bytes("cf 00 0a 00 ff 03 a5 01"), request.request());
        assertEquals(4 + 2 * 8192, HwJtag3Request.requestBytes(65535));
        assertThrows(IllegalArgumentException.class, () -> new HwJtag3Request(0, new byte[0], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new HwJtag3Request(65536, new byte[0], new byte[0]));
    }

    @Test
    void noMemoryStatusIsATypedErrorKeepingTheCode() {
        transport.reply("00 00 06");
        JlinkStatus.JlinkStatusException error = assertThrows(JlinkStatus.JlinkStatusException.class,
                () -> channel.execute(new HwJtag3Request(16, new byte[2], new byte[2])));
        assertEquals(JlinkStatus.NO_MEMORY.code(), error.status());
        assertTrue(error.getMessage().contains("status 0x06 (out of memory"), error.getMessage());
    }

    private JlinkProbe probe(int maxMemBlock) {
        JlinkIdentity identity = new JlinkIdentity("J-Link V11 compiled", new JlinkHardwareVersion(0, 11, 0, 0),
                new JlinkCapabilities(ScriptedTransport.bytes(V11_CAPS)), 0b11, maxMemBlock, 12_000_000);
        return new JlinkProbe(LISTED, channel, identity, false);
    }

    @Test
    void connectSelectsTheInterfaceSetsTheSpeedAgainAndReleasesTheResetLines() {
        JlinkProbe probe = probe(0x4000);
        transport.reply("00 00 00 00");
        probe.connect(WireProtocol.SWD);
        assertEquals(List.of("c7 01", "05 90 01", "dd", "df"), transport.written, "400 kHz until set");
        transport.written.clear();
        assertEquals(4_000_000, probe.setClockHz(4_000_000));
        assertEquals(12_000_000, probe.setClockHz(30_000_000));
        assertEquals(1000, probe.setClockHz(10));
        assertEquals(List.of("05 a0 0f", "05 e0 2e", "05 01 00"), transport.written);
    }

    @Test
    void swdCaptureOneBitEarlyIsRealignedToTheProtocolsNumbering() {
        JlinkProbe probe = probe(0x4000);
        transport.reply("00 00 00 00");
        probe.connect(WireProtocol.SWD);
        transport.written.clear();
        // a DPIDR read: 8 request bits driven, 38 released. The probe captures each cycle's level one
        // bit early: the request's cycles 1..7 at bits 0..6, the turnaround (low) at 7, ACK OK (1, 0, 0) at 8..10
        byte[] drive = {(byte) 0xFF, 0, 0, 0, 0, 0};
        byte[] out = {(byte) 0xA5, 0, 0, 0, 0, 0};
        byte[] captured = {(byte) (0xA5 >>> 1), 0x01, 0, 0, 0, 0};
        transport.reply(Arrays.copyOf(captured, 7)); // 6 bytes and status 0
        byte[] seen = probe.sequence(46, drive, out);
        assertEquals(List.of("cf 00 2e 00 ff 00 00 00 00 00 a5 00 00 00 00 00"), transport.written,
                "released bits send 0");
        assertTrue(BitStreams.bit(seen, 9), "ACK[0] on cycle 9");
        assertFalse(BitStreams.bit(seen, 8), "the turnaround on cycle 8");
        assertFalse(BitStreams.bit(seen, 10) || BitStreams.bit(seen, 11), "ACK[1], ACK[2] low");
        assertEquals((byte) 0xA5, seen[0], "the request as driven: cycle 0 is the host's own bit");
    }

    @Test
    void longStreamsAreCutToTheProbesBuffer() {
        JlinkProbe probe = probe(36); // (36 - 4) / 2 = 16 bytes a vector: 128 bits a request
        transport.reply("00 00 00 00");
        probe.connect(WireProtocol.JTAG);
        transport.written.clear();
        byte[] tms = new byte[25];
        byte[] tdi = new byte[25];
        Arrays.fill(tdi, (byte) 0x5A);
        byte[] first = new byte[17];
        Arrays.fill(first, 0, 16, (byte) 0x11);
        byte[] second = new byte[10];
        Arrays.fill(second, 0, 9, (byte) 0x22);
        transport.reply(first).reply(second);
        byte[] tdo = probe.shift(200, tms, tdi);
        assertEquals(2, transport.written.size());
        assertTrue(transport.written.get(0).startsWith("cf 00 80 00"), transport.written.get(0));
        assertTrue(transport.written.get(1).startsWith("cf 00 48 00"), transport.written.get(1));
        assertEquals(25, tdo.length);
        assertEquals(0x11, tdo[15]);
        assertEquals(0x22, tdo[16]);
    }

    @Test
    void sequencersFollowTheSelectedInterface() {
        JlinkProbe probe = probe(0x4000);
        transport.reply("00 00 00 00");
        probe.connect(WireProtocol.JTAG);
        assertTrue(probe.capability(io.probehost.api.probe.JtagSequencer.class).isPresent());
        assertTrue(probe.capability(io.probehost.api.probe.SwdSequencer.class).isEmpty());
        assertThrows(ProbeException.class, () -> probe.sequence(8, new byte[1], new byte[1]));
    }

    @Test
    void swjPinsDriveTheResetLinesAndReadGetState() {
        JlinkProbe probe = probe(0x4000);
        transport.reply("e4 0c 00 01 01 01 00 01");
        int levels = probe.swjPins(0, SwjControl.PIN_NRESET, 0);
        assertEquals(List.of("dc", "07"), transport.written);
        assertEquals(SwjControl.PIN_TDI | SwjControl.PIN_TDO | SwjControl.PIN_SWDIO_TMS | SwjControl.PIN_NTRST, levels);
        transport.written.clear();
        probe.setResetAsserted(false);
        assertEquals(List.of("dd"), transport.written);
    }

    @Test
    void closeSwitchesOffThePowerItSwitchedOn() {
        JlinkIdentity identity = new JlinkIdentity("J-Link", null, new JlinkCapabilities(new byte[4]), 1, 100, 1000);
        new JlinkProbe(LISTED, channel, identity, true).close();
        assertEquals(List.of("08 00"), transport.written);
        assertTrue(transport.closed);
        assertNull(identity.hardware());
    }

    @Test
    void hardwareVersionIsDecimalCoded() {
        assertEquals(new JlinkHardwareVersion(3, 1, 2, 3), JlinkHardwareVersion.decode(3_010_203));
        assertEquals("J-Link Pro", JlinkHardwareVersion.decode(3_010_203).typeName());
        assertEquals("V9.03", JlinkHardwareVersion.decode(90300).display());
    }

    @Test
    void nativeProductIdsAreLegacyOnesAndNewStyleOnesWithSeggerOrWinUsbInterfaces() {
        for (int pid : new int[] {0x0101, 0x0102, 0x0105, 0x0107, 0x0108, 0x1015, 0x1020, 0x1051, 0x1055, 0x1059}) {
            assertTrue(FoundProbe.isNativeProductId(pid), Integer.toHexString(pid));
        }
        for (int pid : new int[] {0x0106, 0x1008, 0x1000, 0x0109, 0x0100}) {
            assertFalse(FoundProbe.isNativeProductId(pid), "a CDC-only or CMSIS-DAP J-Link: " + Integer.toHexString(pid));
        }
    }
}
