package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A second machine using a station's probes: {@code ./probehost serve --sim --remote PORT} on one state
 * folder, and one-shot {@code ./probehost} commands without {@code --sim} on another, which reach the
 * lab's probes only through {@code remote:127.0.0.1:PORT/UID} and the station's token (listing names
 * the station in {@code PROBEHOST_REMOTE}; the other commands only in their {@code -u}).
 */
public class RemoteStationIT {
    private static final Pattern FIRST_WORD = Pattern.compile("20000000:\\s+([0-9a-f]{8})");
    private static Path stationState;
    private static Path serveOutput;
    private static Process station;
    private static int port;
    private static Path clientState;
    private static Path clientDeploy;

    @BeforeClass
    public static void startStation() throws Exception {
        stationState = Files.createTempDirectory("probehost-remote-station");
        Path stationDeploy = Files.createTempDirectory("probehost-remote-station-deploy");
        serveOutput = stationState.resolve("serve.out");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        station = ServeProcess.startAndAwaitReady(stationState, stationDeploy, serveOutput, "--remote",
                Integer.toString(port));
        clientState = Files.createTempDirectory("probehost-remote-client");
        clientDeploy = Files.createTempDirectory("probehost-remote-client-deploy");
        giveToken(clientState, Files.readString(stationState.resolve("remote/token")));
    }

    private static void giveToken(Path state, String token) throws Exception {
        Path file = state.resolve("remote/stations/127.0.0.1_" + port + ".token");
        Files.createDirectories(file.getParent());
        Files.writeString(file, token);
    }

    @AfterClass
    public static void stopStation() throws Exception {
        ServeProcess.stop(station);
    }

    /** A one-shot command that reaches the station only through the {@code -u remote:127.0.0.1:PORT/...} it names. */
    private static ProbehostCliIT.Result client(Path state, String... args) throws Exception {
        return ProbehostCliIT.runWith(Map.of("PROBEHOST_STATE", state.toString(), "PROBEHOST_DEPLOY",
                clientDeploy.toString()), null, args);
    }

    private static String remote(String uid) {
        return "remote:127.0.0.1:" + port + "/" + uid;
    }

    @Test
    public void theStationsTokenIsMadeForItsOwnerOnly() throws Exception {
        Path token = stationState.resolve("remote/token");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(token));
        assertEquals(64, Files.readString(token).strip().length());
    }

    @Test
    public void probeListShowsTheStationsProbesUnderRemote() throws Exception {
        ProbehostCliIT.Result listed = ProbehostCliIT.runWith(Map.of("PROBEHOST_STATE", clientState.toString(),
                "PROBEHOST_DEPLOY", clientDeploy.toString(), "PROBEHOST_REMOTE", "127.0.0.1:" + port), null, "probe:list");
        assertEquals(listed.err(), 0, listed.status());
        assertTrue(listed.out(), listed.out().contains("127.0.0.1:" + port + "/PHLAB0001"));
        assertTrue(listed.out(), listed.out().contains("127.0.0.1:" + port + "/PHRV0001"));
        assertEquals("listed once, under remote: " + listed.out(), 1, listed.out().split("PHLAB0001", -1).length - 1);
    }

    @Test
    public void flashResetAndReadOverRemoteSeeTheFirmwareRun() throws Exception {
        Path blinky = Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize()
                .resolve("examples/blinky.hex");
        ProbehostCliIT.Result flashed = client(clientState, "flash:program", "-u", remote("9900"), blinky.toString());
        assertEquals(flashed.err(), 0, flashed.status());
        assertTrue(flashed.out(), flashed.out().contains("Programmed blinky.hex"));
        ProbehostCliIT.Result reset = client(clientState, "target:reset", "-u", remote("9900"));
        assertEquals(reset.err(), 0, reset.status());
        long first = loopCount(client(clientState, "mem:read32", "-u", remote("9900"), "0x20000000", "1"));
        long second = loopCount(client(clientState, "mem:read32", "-u", remote("9900"), "0x20000000", "1"));
        assertTrue("blinky's loop counter advanced between two remote reads: " + first + " then " + second,
                second > first);
    }

    @Test
    public void aWrongTokenIsRefusedWithOneErrorLine() throws Exception {
        Path intruder = Files.createTempDirectory("probehost-remote-intruder");
        giveToken(intruder, "0".repeat(64));
        ProbehostCliIT.Result read = client(intruder, "mem:read32", "-W", "-u", remote("9900"), "0x20000000", "1");
        assertNotEquals(read.out(), 0, read.status());
        assertTrue(read.err(), read.err().contains("wrong token"));
        assertEquals(read.err(), 1, read.err().strip().lines().count());
        assertTrue(Files.readString(serveOutput).contains("remote: wrong token from 127.0.0.1"));
    }

    private static long loopCount(ProbehostCliIT.Result read) {
        assertEquals(read.err(), 0, read.status());
        Matcher word = FIRST_WORD.matcher(read.out());
        assertTrue(read.out(), word.find());
        return Long.parseLong(word.group(1), 16);
    }
}
