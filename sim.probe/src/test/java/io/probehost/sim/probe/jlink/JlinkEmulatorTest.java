package io.probehost.sim.probe.jlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.probe.usb.VirtualUsbBus;

/** The J-Link emulator packet by packet against the protocol note (jlink-usb.md). */
class JlinkEmulatorTest {
    private final Nrf51822 mcu = Nrf51822.create(null);
    private final VirtualUsbBus bus = new VirtualUsbBus();
    private JlinkProbe probe;
    private UsbDevice device;
    private UsbDeviceInfo info;

    private void plug(JlinkConfig config, WireMode mode) {
        probe = new JlinkProbe(config, new SwjDp(mcu, mode, 0), mcu.clock());
        info = bus.attach(probe);
        device = bus.open(info);
        device.claimInterface(config.model().jlinkInterface());
    }

    @AfterEach
    void close() {
        if (device != null) {
            device.close();
        }
        bus.close();
        mcu.close();
    }

    private void send(byte[] request) {
        device.bulkTransfer(probe.config().model().outEndpoint(), request, 0, request.length, 1000);
    }

    private byte[] exchange(String request) {
        return exchange(HexFormat.of().parseHex(request.replace(" ", "")));
    }

    private byte[] exchange(byte[] request) {
        send(request);
        byte[] buffer = new byte[20000];
        int n = device.bulkTransfer(probe.config().model().inEndpoint(), buffer, 0, buffer.length, 1000);
        return Arrays.copyOf(buffer, n);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }

    @Test
    void describesItselfAsASeggerVendorInterfaceWithTwoBulkEndpoints() {
        plug(JlinkConfig.v11(260100123), WireMode.SWD);
        assertEquals(0x1366, info.vendorId());
        assertEquals(0x1015, info.productId());
        assertEquals("000260100123", info.serialNumber());
        UsbInterfaceInfo jlink = info.findInterface(2).orElseThrow();
        assertEquals(0xFF, jlink.interfaceClass());
        assertEquals(0xFF, jlink.subClass());
        assertEquals(0xFF, jlink.protocol());
        assertEquals(2, jlink.endpoints().size());
        assertEquals(0x02, info.findInterface(0).orElseThrow().interfaceClass(), "the CDC port comes first");
    }

    @Test
    void answersVersionCapsHardwareVersionSpeedsAndMaxBlock() {
        plug(JlinkConfig.v11(1), WireMode.SWD);
        byte[] version = exchange("01");
        assertEquals("70 00", hex(Arrays.copyOf(version, 2)), "u16 length then the NUL-padded string");
        assertEquals(2 + 0x70, version.length);
        assertTrue(new String(version, 2, 0x70, StandardCharsets.US_ASCII).startsWith("J-Link V11 compiled"));
        assertEquals("13 3A 02 80", hex(exchange("E8")), "bits 0, 1, 4, 9, 11, 12, 13, 17, 31");
        byte[] extended = exchange("ED");
        assertEquals(32, extended.length);
        assertEquals("13 3A 02 80 01", hex(Arrays.copyOf(extended, 5)), "a superset: bit 32 too");
        assertEquals("B0 AD 01 00", hex(exchange("F0")), "110000: J-Link, major 11");
        assertEquals("00 6C DC 02 04 00", hex(exchange("C0")), "48 MHz base, divider 4");
        assertEquals("00 40 00 00", hex(exchange("D4")));
        assertEquals(256, exchange("F2").length);
    }

    @Test
    void selectIfListsSelectsAndResetsTheSpeed() {
        plug(JlinkConfig.v11(1), WireMode.SWD);
        assertEquals("03 00 00 00", hex(exchange("C7 FF")), "JTAG and SWD");
        send(HexFormat.of().parseHex("05E803")); // 1000 kHz
        assertEquals(1000, probe.speedKhz());
        assertEquals("00 00 00 00", hex(exchange("C7 01")), "the previous interface: JTAG");
        assertEquals("01 00 00 00", hex(exchange("C7 FE")));
        assertEquals(4000, probe.speedKhz(), "SELECT_IF resets the speed");
    }

    @Test
    void getStateGivesVtrefAndPinLevelsAndFollowsTheResetLine() {
        plug(JlinkConfig.v11(1), WireMode.SWD);
        byte[] state = exchange("07");
        assertEquals(8, state.length);
        assertEquals(3300, (state[0] & 0xFF) | (state[1] & 0xFF) << 8);
        assertEquals(1, state[6], "nRESET high");
        send(new byte[] {(byte) 0xDC});
        assertEquals(0, exchange("07")[6], "HW_RESET0 drives nRESET low");
        send(new byte[] {(byte) 0xDD});
        assertEquals(1, exchange("07")[6]);
    }

    @Test
    void trstLineFollowsHwTrst0AndHwTrst1() {
        plug(JlinkConfig.v11(1), WireMode.JTAG);
        assertEquals(1, exchange("07")[7], "nTRST high after power-up");
        send(new byte[] {(byte) 0xDE});
        assertEquals(0, exchange("07")[7]);
        send(new byte[] {(byte) 0xDF});
        assertEquals(1, exchange("07")[7]);
        assertTrue(probe.lastFirmwareError().isEmpty());
    }

    @Test
    void targetPowerSwitchesVtrefOfAProbePoweredTarget() {
        plug(JlinkConfig.v11(1).withTargetPoweredByProbe(), WireMode.SWD);
        assertEquals(0, exchange("07")[0]);
        assertEquals("00 00 00 00", hex(exchange("C1 01 00 00 00")));
        send(new byte[] {0x08, 0x01});
        assertTrue(probe.targetPower());
        assertEquals("E4 0C", hex(Arrays.copyOf(exchange("07"), 2)));
        assertEquals("01 00 00 00", hex(exchange("C1 01 00 00 00")));
    }

    @Test
    void swdCaptureIsOneBitEarlyAckAtBit8AndDataAtBit11() {
        plug(JlinkConfig.v11(1), WireMode.SWD);
        exchange("C7 01");
        Bits bits = new Bits();
        bits.drive(0xFFFF_FFFF_FFFF_FL, 52).drive(0xE79E, 16).drive(0xFFFF_FFFF_FFFF_FL, 52).drive(0, 8);
        int start = bits.count;
        bits.drive(0xA5, 8).release(38).drive(0, 8); // DPIDR read: start, RnW, parity, park
        byte[] answer = exchange(bits.request(0xCF));
        assertEquals(0, answer[answer.length - 1], "status OK");
        assertEquals(0b001, bits(answer, start + 8, 3), "ACK OK at bits 8..10");
        assertEquals(SwjDp.SW_DPIDR, (int) bits(answer, start + 11, 32), "DATA at bits 11..42");
        assertEquals(Integer.bitCount(SwjDp.SW_DPIDR) & 1, bits(answer, start + 43, 1), "parity at bit 43");
    }

    @Test
    void jtagCaptureIsAlignedTdoPerClock() {
        plug(JlinkConfig.v11(1), WireMode.JTAG);
        Bits bits = new Bits();
        bits.tms(0b11111, 5).tms(0, 1).tms(0b001, 3); // Test-Logic-Reset, Run-Test/Idle, Shift-DR
        int start = bits.count;
        bits.tms(0, 31).tms(1, 1).tms(0b01, 2);
        byte[] answer = exchange(bits.request(0xCF));
        assertEquals(EmuCommand.vectorBytes(bits.count) + 1, answer.length);
        assertEquals(SwjDp.JTAG_IDCODE, (int) bits(answer, start, 32));
        assertTrue(probe.link().snapshot().jtagBits() >= bits.count);
    }

    @Test
    void aBitStreamLargerThanTheBufferAnswersNoMemory() {
        plug(JlinkConfig.eduV9(2), WireMode.SWD);
        Bits bits = new Bits();
        bits.drive(0, 8 * 4096);
        byte[] answer = exchange(bits.request(0xCF));
        assertEquals(4097, answer.length);
        assertEquals(0x06, answer[4096]);
    }

    @Test
    void aRequestSplitOverTransfersIsExecutedWhenComplete() {
        plug(JlinkConfig.v11(1), WireMode.JTAG);
        Bits bits = new Bits();
        bits.tms(0b11111, 5).tms(0, 1).tms(0b001, 3).tms(0, 31).tms(1, 1).tms(0b01, 2);
        byte[] request = bits.request(0xCF);
        send(Arrays.copyOf(request, 3));
        byte[] answer = exchange(Arrays.copyOfRange(request, 3, request.length));
        assertEquals(SwjDp.JTAG_IDCODE, (int) bits(answer, 9, 32));
    }

    @Test
    void theEduHasNoExtendedCapsAndNoTargetPower() {
        plug(JlinkConfig.eduV9(2), WireMode.SWD);
        assertEquals(0x0101, info.productId());
        assertEquals(0, info.findInterface(0).orElseThrow().number());
        assertEquals("13 0A 02 00", hex(exchange("E8")));
        send(new byte[] {(byte) 0xED});
        assertTrue(probe.lastFirmwareError().isPresent(), "GET_CAPS_EX without capability 31");
        assertFalse(probe.targetPower());
    }

    private static long bits(byte[] vector, int start, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            int index = start + i;
            value |= (long) ((vector[index / 8] >>> (index % 8)) & 1) << i;
        }
        return value;
    }

    /** An HW_JTAG3 request being built: first vector (TMS or direction), second (TDI or SWDIO out). */
    private static final class Bits {
        private final byte[] first = new byte[8192];
        private final byte[] second = new byte[8192];
        int count;

        Bits drive(long value, int length) {
            for (int i = 0; i < length; i++) {
                put(true, i < 64 && ((value >>> i) & 1) != 0);
            }
            return this;
        }

        Bits release(int length) {
            for (int i = 0; i < length; i++) {
                put(false, false);
            }
            return this;
        }

        Bits tms(long value, int length) {
            for (int i = 0; i < length; i++) {
                put(((value >>> i) & 1) != 0, false);
            }
            return this;
        }

        private void put(boolean a, boolean b) {
            if (a) {
                first[count / 8] |= (byte) (1 << (count % 8));
            }
            if (b) {
                second[count / 8] |= (byte) (1 << (count % 8));
            }
            count++;
        }

        byte[] request(int command) {
            int bytes = (count + 7) / 8;
            ByteBuffer request = ByteBuffer.allocate(4 + 2 * bytes).order(ByteOrder.LITTLE_ENDIAN);
            request.put((byte) command).put((byte) 0).putShort((short) count).put(first, 0, bytes).put(second, 0, bytes);
            return request.array();
        }
    }
}
