package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProtocolException;
import io.probehost.api.usb.UsbDeviceInfo;

class DapChannelTest {

    @Test
    void throwsProtocolExceptionWhenReplyEchoesAnotherCommand() {
        DapChannel channel = new DapChannel(new CannedTransport(64).reply("12 00"));
        ProtocolException error = assertThrows(ProtocolException.class,
                () -> channel.execute(new SwjClockRequest(1_000_000)));
        assertEquals("CMSIS-DAP protocol error: sent DAP_SWJ_Clock (0x11) but the reply echoes 0x12", error.getMessage());
    }

    @Test
    void throwsProtocolExceptionWhenReplyIsTooShort() {
        DapChannel channel = new DapChannel(new CannedTransport(64).reply("05 02"));
        ProtocolException error = assertThrows(ProtocolException.class, () -> channel.execute(
                new TransferRequest(0, List.of(Transfer.read(false, 0), Transfer.read(false, 4)))));
        assertEquals("CMSIS-DAP protocol error: the reply to DAP_Transfer (0x05) is too short (2 bytes)",
                error.getMessage());
    }

    @Test
    void throwsProtocolExceptionWhenTransferReplyLacksItsReadData() {
        DapChannel channel = new DapChannel(new CannedTransport(64).reply("05 01 01 77 14"));
        ProtocolException error = assertThrows(ProtocolException.class,
                () -> channel.execute(new TransferRequest(0, List.of(Transfer.read(false, 0)))));
        assertEquals("CMSIS-DAP protocol error: the reply to DAP_Transfer (0x05) is too short (5 bytes)",
                error.getMessage());
    }

    @Test
    void namesTheCommandWhenProbeAnswersInvalid() {
        DapChannel channel = new DapChannel(new CannedTransport(64).reply("ff"));
        ProtocolException error = assertThrows(ProtocolException.class,
                () -> channel.execute(new SwdSequenceRequest(List.of(new BitSequence(8, false, false, new byte[1])))));
        assertEquals("CMSIS-DAP probe does not implement DAP_SWD_Sequence (0x1D)", error.getMessage());
    }

    @Test
    void refusesRequestWhenLargerThanPacket() {
        DapChannel channel = new DapChannel(new CannedTransport(64));
        assertThrows(IllegalArgumentException.class,
                () -> channel.send(TransferBlockRequest.write(0, 0x0D, new int[15], 0, 15)));
    }

    @Test
    void bulkTransportSendsZeroLengthPacketWhenRequestFillsUsbPackets() {
        UsbDeviceInfo info = MockUsbBus.device("1", 0x0D28, 0x0204, "DAPLink CMSIS-DAP", "X",
                MockUsbBus.v2Interface(0, 64));
        MockUsbDevice device = new MockUsbDevice(info, request -> new byte[] {request[0], 0});
        CmsisDapInterface usb = CmsisDapInterface.findV2(info).orElseThrow();
        BulkTransport transport = new BulkTransport(device, usb, 100);
        transport.setPacketSize(512);
        transport.write(new byte[64], 64);
        assertEquals(1, device.zeroLengthPackets);
        transport.write(new byte[63], 63);
        assertEquals(1, device.zeroLengthPackets);
        transport.setPacketSize(64);
        transport.write(new byte[64], 64);
        assertEquals(1, device.zeroLengthPackets, "a full DAP packet ends the transfer by itself");
    }

    @Test
    void bulkTransportDropsStaleRepliesWhenDiscarding() {
        UsbDeviceInfo info = MockUsbBus.device("1", 0x0D28, 0x0204, "DAPLink CMSIS-DAP", "X",
                MockUsbBus.v2Interface(0, 64));
        MockUsbDevice device = new MockUsbDevice(info, request -> new byte[] {request[0], 0});
        device.addStaleReply(Bytes.hex("05 01 01 00 00 00 00"));
        device.addStaleReply(Bytes.hex("05 01 01 00 00 00 00"));
        DapChannel channel = new DapChannel(new BulkTransport(device, CmsisDapInterface.findV2(info).orElseThrow(), 100));
        channel.transport().discardStale();
        channel.execute(new SwjClockRequest(1000));
        assertEquals(List.of("11 e8 03 00 00"), device.writtenHex());
    }

    @Test
    void padsReportsAndIgnoresReplyPaddingWhenTransportIsHid() {
        UsbDeviceInfo info = MockUsbBus.device("1", 0xC251, 0xF002, "Keil CMSIS-DAP", "X",
                MockUsbBus.hidInterface(0, true));
        MockUsbDevice device = new MockUsbDevice(info, request -> new byte[] {request[0], 0x00});
        DapChannel channel = new DapChannel(new HidTransport(device, CmsisDapInterface.findV1(info).orElseThrow(), 100));
        channel.execute(new SwjClockRequest(1000));
        assertEquals(64, device.written.get(0).length);
        assertEquals("11 e8 03 00 00 00", Bytes.hex(java.util.Arrays.copyOf(device.written.get(0), 6)));
        assertEquals(0, device.controlWrites);
    }

    @Test
    void hidTransportUsesSetReportWhenThereIsNoOutEndpoint() {
        UsbDeviceInfo info = MockUsbBus.device("1", 0xC251, 0xF002, "Keil CMSIS-DAP", "X",
                MockUsbBus.hidInterface(0, false));
        MockUsbDevice device = new MockUsbDevice(info, request -> new byte[] {request[0], 0x00});
        DapChannel channel = new DapChannel(new HidTransport(device, CmsisDapInterface.findV1(info).orElseThrow(), 100));
        channel.execute(new DisconnectRequest());
        assertEquals(1, device.controlWrites);
        assertEquals(64, device.written.get(0).length);
    }
}
