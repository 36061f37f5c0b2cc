package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import io.probehost.client.AttachRequest;
import io.probehost.client.Frame;
import io.probehost.client.FrameType;
import io.probehost.client.SocketStreams;
import io.probehost.client.StationEndpoint;

/**
 * {@code ./probehost serve --sim} as a lab machine runs it: a process of its own on its own state
 * folder, which every other {@code ./probehost} attaches to; the lab's firmware runs on between
 * commands; SIGTERM stops it with status 0 and removes its socket.
 */
public class StationIT {
    private static final Pattern FIRST_WORD = Pattern.compile("20000000:\\s+([0-9a-f]{8})");
    private static Path state;
    private static Path deploy;
    private static Path serveOutput;
    private static Process station;
    private static StationEndpoint endpoint;

    @BeforeClass
    public static void startStation() throws Exception {
        state = Files.createTempDirectory("probehost-station");
        deploy = Files.createTempDirectory("probehost-station-deploy");
        endpoint = StationEndpoint.in(state);
        serveOutput = state.resolve("serve.out");
        // Started in the state folder, so that a file name relative to the test's folder resolves only
        // when the client's current folder reaches the station.
        station = ServeProcess.startAndAwaitReady(state, deploy, serveOutput);
    }

    private static Map<String, String> environment() {
        return Map.of("PROBEHOST_STATE", state.toString(), "PROBEHOST_DEPLOY", deploy.toString());
    }

    private static ProbehostCliIT.Result run(String input, String... args) throws Exception {
        return ProbehostCliIT.runWith(environment(), input, args);
    }

    @AfterClass
    public static void sigtermStopsTheStationWithStatusZeroAndRemovesTheSocket() throws Exception {
        if (station == null || !Files.exists(endpoint.socket())) {
            // It never started: startStation has said why.
            if (station != null) {
                station.destroyForcibly();
            }
            return;
        }
        station.destroy();
        boolean ended = station.waitFor(60, TimeUnit.SECONDS);
        String output = Files.readString(serveOutput);
        if (!ended) {
            station.destroyForcibly();
        }
        assertTrue("the station stopped on SIGTERM: " + output, ended);
        assertEquals(output, 0, station.exitValue());
        assertTrue(output, output.contains("SIGTERM received") && output.contains("stopped"));
        assertFalse("the socket is removed", Files.exists(endpoint.socket()));
        assertFalse("the token is removed", Files.exists(endpoint.token()));
    }

    @Test
    public void probeListAttachesToTheStationAndStartsNoRuntime() throws Exception {
        Map<String, String> timing = new HashMap<>(environment());
        timing.put("PROBEHOST_TIMING", "1");
        ProbehostCliIT.Result listed = ProbehostCliIT.runWith(timing, null, "probe:list");
        assertEquals(listed.err(), 0, listed.status());
        assertTrue(listed.out(), listed.out().contains("9900000037024e450024200f00000071000000009796990b"));
        assertTrue(listed.err(), listed.err().contains("attached to the station"));
        assertFalse("no framework started in the client: " + listed.err(), listed.err().contains("framework"));
        assertTrue(stationLog(), stationLog().contains(": probe:list -> 0"));
    }

    @Test
    public void firmwareFlashedByOneCommandKeepsRunningForTheNext() throws Exception {
        // flash:program resets the target after programming; the file name is relative to this test's folder.
        Path blinky = Path.of("").toAbsolutePath().relativize(
                Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize().resolve("examples/blinky.hex"));
        ProbehostCliIT.Result flashed = run(null, "flash:program", "-u", "9900", blinky.toString());
        assertEquals(flashed.err(), 0, flashed.status());
        assertTrue(flashed.out(), flashed.out().contains("Programmed blinky.hex"));

        long first = loopCount(run(null, "mem:read32", "-u", "9900", "0x20000000", "1"));
        long second = loopCount(run(null, "mem:read32", "-u", "9900", "0x20000000", "1"));
        assertTrue("blinky's loop counter advanced between two commands: " + first + " then " + second, second > first);
    }

    private static long loopCount(ProbehostCliIT.Result read) {
        assertEquals(read.err(), 0, read.status());
        Matcher word = FIRST_WORD.matcher(read.out());
        assertTrue(read.out(), word.find());
        return Long.parseLong(word.group(1), 16);
    }

    @Test
    public void linesOnStandardInputRunInOneSession() throws Exception {
        ProbehostCliIT.Result script = run("probe:list\nnosuch:command\nmem:read32 -u 9900 0x0 1\n");
        assertEquals("a failed line makes the status 1", 1, script.status());
        assertTrue(script.out(), script.out().contains("PHLAB0001"));
        assertTrue(script.out(), script.out().contains("00000000:  "));
        assertEquals("Error: unknown command 'nosuch:command' (help lists the commands)", script.err().trim());
    }

    @Test
    public void clientWithAWrongTokenIsRefused() throws Exception {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(endpoint.socket()))) {
            new AttachRequest("0".repeat(64), List.of("probe:list"), "/", false, 0, false, false, 1).toFrame()
                    .writeTo(SocketStreams.output(channel));
            Frame reply = Frame.readFrom(SocketStreams.input(channel)).orElseThrow();
            assertEquals(FrameType.REFUSED, reply.type());
            assertEquals("wrong token", reply.text());
        }
        assertTrue(stationLog(), stationLog().contains("wrong token"));
    }

    @Test
    public void secondStationOnTheStateFolderIsRefusedWithOneLine() throws Exception {
        ProbehostCliIT.Result second = run(null, "serve", "--sim");
        assertEquals(second.err(), 1, second.status());
        assertTrue(second.err(), second.err().startsWith("Error: a station already serves " + state));
        assertEquals(second.err(), 1, second.err().trim().lines().count());
        assertTrue("the first station still serves", Files.exists(endpoint.socket()));
    }

    private static String stationLog() throws IOException {
        return Files.readString(endpoint.folder().resolve("station.0.log"));
    }
}
