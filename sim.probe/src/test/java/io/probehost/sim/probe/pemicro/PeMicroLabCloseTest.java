package io.probehost.sim.probe.pemicro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * A closed lab serves nobody: the stand-in reconnects once on a broken connection, and that reconnect
 * must not find a lab that is half closed (its listening socket still accepting).
 */
class PeMicroLabCloseTest {
    /** The race lost about two times in three before the fix; this many rounds make a miss practically impossible. */
    private static final int ROUNDS = 50;
    private static final String LIST = "get_enumerated_number_of_ports 99";

    @Test
    void aProcessThatReconnectsAfterCloseIsNotServed() throws IOException {
        for (int round = 0; round < ROUNDS; round++) {
            PeMicroLab lab = PeMicroLab.start();
            String[] address = lab.address().split(":");
            String host = address[0];
            int port = Integer.parseInt(address[1]);
            try (Socket process = new Socket(host, port)) {
                assertEquals("0 0", call(process), "served while open");
                lab.close();
                assertNull(call(process), "round " + round + ": the old connection is dropped");
            }
            assertNull(reconnect(host, port), "round " + round + ": a reconnect after close is served");
            assertEquals(0, lab.connectionCount(), "round " + round);
        }
    }

    /** The answer to a request on a new connection, or null when the lab refused or dropped it. */
    private static String reconnect(String host, int port) throws IOException {
        try (Socket process = new Socket(host, port)) {
            return call(process);
        } catch (ConnectException e) {
            return null;
        }
    }

    /** The answer line, or null when the lab dropped the connection. */
    private static String call(Socket process) {
        try {
            process.setSoTimeout(10_000);
            process.getOutputStream().write((LIST + "\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
