package io.probehost.remote.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;

class RemoteServerTest {
    private static final String TOKEN = "3f6c0a5e9d1b47c2a8e4f0b6d2c9a7e1";
    private final FakeBus bus = new FakeBus();
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private RemoteServer server;
    private StationAddress station;

    @BeforeEach
    void listen() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server = new RemoteServer(socket, TOKEN, () -> List.of(bus),
                new AuthThrottle(Duration.ofMillis(250), Duration.ofSeconds(8)), slept::add);
        station = new StationAddress(InetAddress.getLoopbackAddress().getHostAddress(), server.port());
    }

    @AfterEach
    void close() {
        server.close();
    }

    private RemoteUsbBus client(String token) {
        return new RemoteUsbBus(station, () -> token);
    }

    /** The devices of {@code bus} as the remote driver's listing sees them. */
    private static List<UsbDeviceInfo> devices(RemoteUsbBus bus) {
        return RemoteUsbBus.forRemoteDriver(bus::devices);
    }

    @Test
    void aClientWithTheTokenListsTheStationsDevicesOnItsOwnBus() {
        List<UsbDeviceInfo> devices = devices(client(TOKEN));
        assertEquals(1, devices.size());
        UsbDeviceInfo device = devices.get(0);
        assertEquals("remote-" + station, device.busName());
        assertEquals("fake/1-2", device.location());
        assertEquals("FAKE0001", device.serialNumber());
        assertEquals(FakeBus.DEVICE.interfaces(), device.interfaces());
    }

    @Test
    void transfersReachTheStationsDeviceAndComeBack() {
        RemoteUsbBus remote = client(TOKEN);
        try (UsbDevice device = remote.open(devices(remote).get(0))) {
            device.claimInterface(0);
            assertEquals(0, bus.claimedInterface);
            assertEquals(3, device.bulkTransfer(0x01, new byte[] {9, 1, 2, 3}, 1, 3, 100));
            byte[] in = new byte[8];
            assertEquals(3, device.bulkTransfer(0x81, in, 2, 6, 100));
            assertArrayEquals(new byte[] {0, 0, 3, 2, 1, 0, 0, 0}, in);
            byte[] control = new byte[4];
            assertEquals(2, device.controlTransfer(0xC0, 1, 0, 0, control, 0, 4, 100));
            assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0}, control);
        }
        assertEquals(1, bus.closed);
    }

    @Test
    void aFailureOnTheStationIsThrownAsTheSameKindOfException() {
        RemoteUsbBus remote = client(TOKEN);
        try (UsbDevice device = remote.open(devices(remote).get(0))) {
            TransferTimeoutException error = assertThrows(TransferTimeoutException.class,
                    () -> device.interruptTransfer(0x81, new byte[64], 0, 64, 50));
            assertEquals("station " + station + ": interrupt transfer timed out after 50 ms", error.getMessage());
        }
    }

    @Test
    void aDeviceOpenOnOneClientIsBusyForAnother() {
        RemoteUsbBus first = client(TOKEN);
        RemoteUsbBus second = client(TOKEN);
        try (UsbDevice device = first.open(devices(first).get(0))) {
            ProbeException error = assertThrows(ProbeException.class, () -> second.open(devices(second).get(0)));
            assertTrue(error.getMessage().contains("probe busy: USB device fake:1-2 is in use by"), error.getMessage());
        }
        second.open(devices(second).get(0)).close();
        assertEquals(2, bus.opened);
    }

    @Test
    void aWrongTokenIsRefusedAndEachRefusalWaitsLonger() {
        RemoteUsbBus intruder = client("not-the-token");
        assertEquals(List.of(), devices(intruder));
        assertTrue(intruder.lastError().orElseThrow() instanceof RemoteAuthException);
        assertEquals("station " + station + ": wrong token", intruder.lastError().orElseThrow().getMessage());
        devices(client("still-not-the-token"));
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), slept);
        assertEquals(1, devices(client(TOKEN)).size());
        assertEquals(0, bus.opened);
    }

    @Test
    void theStationsDevicesShowOnlyToTheRemoteDriver() {
        RemoteUsbBus remote = client(TOKEN);
        assertEquals(List.of(), remote.devices());
        assertEquals(1, devices(remote).size());
    }

    @Test
    void aBusDoesNotAskAgainWithATokenTheStationRefused() {
        RemoteUsbBus intruder = client("not-the-token");
        devices(intruder);
        devices(intruder);
        devices(intruder);
        assertEquals(List.of(Duration.ofMillis(250)), slept);
        assertEquals("station " + station + ": wrong token", intruder.lastError().orElseThrow().getMessage());
    }

    @Test
    void aStationWithoutTheTokenIsNotBelieved() throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        try (RemoteServer impostor = new RemoteServer(socket, "guessed", () -> List.of(bus),
                new AuthThrottle(Duration.ZERO, Duration.ZERO), slept::add)) {
            RemoteUsbBus remote = new RemoteUsbBus(new StationAddress(station.host(), impostor.port()), () -> TOKEN);
            devices(remote);
            assertTrue(remote.lastError().orElseThrow() instanceof RemoteAuthException);
        }
    }

    @Test
    void theTokenNeverTravelsInEitherDirection() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Socket socket = new Socket(station.host(), station.port());
        FrameChannel channel = new FrameChannel(tee(socket.getInputStream(), received),
                tee(socket.getOutputStream(), sent), socket, station.toString());
        try (RemoteConnection connection = new RemoteConnection(channel, TOKEN)) {
            connection.call(Operation.LIST_DEVICES, out -> { });
        }
        assertTrue(sent.size() > 64 && received.size() > 64);
        for (ByteArrayOutputStream wire : List.of(sent, received)) {
            String hex = HexFormat.of().formatHex(wire.toByteArray());
            assertFalse(hex.contains(HexFormat.of().formatHex(TOKEN.getBytes(StandardCharsets.UTF_8))));
            assertFalse(hex.contains(HexFormat.of().formatHex(TOKEN.substring(0, 8).getBytes(StandardCharsets.UTF_8))));
            assertFalse(new String(wire.toByteArray(), StandardCharsets.ISO_8859_1).contains(TOKEN));
        }
    }

    private static InputStream tee(InputStream in, ByteArrayOutputStream copy) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    copy.write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int count = super.read(buffer, offset, length);
                if (count > 0) {
                    copy.write(buffer, offset, count);
                }
                return count;
            }
        };
    }

    private static OutputStream tee(OutputStream out, ByteArrayOutputStream copy) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                copy.write(b);
                out.write(b);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                copy.write(buffer, offset, length);
                out.write(buffer, offset, length);
            }
        };
    }
}
