package io.probehost.sim.adi.rbb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.adi.SwjPins;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteBitbangServerTest {

    /** Records pin activity; TDO reads back the TDI of the last clock. */
    static final class RecordingPins implements SwjPins {
        final List<String> events = new ArrayList<>();
        boolean lastTdi;
        boolean reset;

        @Override
        public synchronized boolean swdClock(boolean hostDrives, boolean hostBit) {
            return true;
        }

        @Override
        public synchronized boolean jtagClock(boolean tms, boolean tdi) {
            events.add("clk tms=" + (tms ? 1 : 0) + " tdi=" + (tdi ? 1 : 0));
            boolean previous = lastTdi;
            lastTdi = tdi;
            return previous;
        }

        @Override
        public synchronized boolean tdo() {
            return lastTdi;
        }

        @Override
        public synchronized void jtagReset() {
            events.add("trst");
        }

        @Override
        public synchronized void setResetAsserted(boolean asserted) {
            reset = asserted;
            events.add("srst=" + asserted);
        }

        @Override
        public synchronized boolean resetPinHigh() {
            return !reset;
        }
    }

    private static String exchange(int port, String commands, int replies) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(commands.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(replies);
            return new String(answer, StandardCharsets.US_ASCII);
        }
    }

    @Test
    void pinsAreClockedOnlyWhenTckRises() throws IOException {
        RecordingPins pins = new RecordingPins();
        try (RemoteBitbangServer server = new RemoteBitbangServer(pins, InetAddress.getLoopbackAddress(), 0)) {
            server.start();
            assertEquals("0", exchange(server.port(), "0" + "7" + "7" + "3" + "4" + "R" + "Q", 1));
        }
        assertEquals(List.of("clk tms=1 tdi=1", "clk tms=0 tdi=0"), pins.events);
    }

    @Test
    void trstAndSrstFollowWhenResetCommandsArrive() throws IOException {
        RecordingPins pins = new RecordingPins();
        try (RemoteBitbangServer server = new RemoteBitbangServer(pins, InetAddress.getLoopbackAddress(), 0)) {
            server.start();
            assertEquals("0", exchange(server.port(), "utsrR", 1));
        }
        assertEquals(List.of("trst", "srst=true", "trst", "srst=false", "srst=true", "srst=false"), pins.events);
    }

    @Test
    void clientsAreServedWhenTheyConnectOneAfterAnother() throws IOException {
        RecordingPins pins = new RecordingPins();
        try (RemoteBitbangServer server = new RemoteBitbangServer(pins, InetAddress.getLoopbackAddress(), 0)) {
            server.start();
            assertEquals("1", exchange(server.port(), "15RQ", 1));
            assertEquals("0", exchange(server.port(), "04R", 1));
            exchange(server.port(), "B", 0);
            assertEquals("0", exchange(server.port(), "R", 1), "TDO is target state, kept across clients");
        }
        assertEquals(2, pins.events.size());
    }

    @Test
    void ledFollowsWhenBlinkCommandsArrive() throws Exception {
        RecordingPins pins = new RecordingPins();
        try (RemoteBitbangServer server = new RemoteBitbangServer(pins, InetAddress.getLoopbackAddress(), 0)) {
            server.start();
            exchange(server.port(), "BR", 1);
            assertTrue(server.ledOn());
            exchange(server.port(), "bR", 1);
            assertFalse(server.ledOn());
        }
    }

    @Test
    void threadEndsAndPortIsFreedWhenClosed() throws Exception {
        RecordingPins pins = new RecordingPins();
        RemoteBitbangServer server = new RemoteBitbangServer(pins, InetAddress.getLoopbackAddress(), 0);
        server.start();
        int port = server.port();
        Socket idleClient = new Socket(InetAddress.getLoopbackAddress(), port);
        server.close();
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("remote-bitbang-" + port)));
        idleClient.close();
        assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }

    @Test
    void constructorRefusesWhenTheAddressIsNotLoopback() throws Exception {
        InetAddress external = InetAddress.getByAddress(new byte[] {10, 0, 0, 1});
        assertThrows(IllegalArgumentException.class, () -> new RemoteBitbangServer(new RecordingPins(), external, 0));
    }
}
