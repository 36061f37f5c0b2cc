package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

/**
 * RTT on the virtual micro:bit through the shell on the shipped sim bundle set: examples/rtt-log.elf
 * flashed and reset, its control block found through the ELF's {@code _SEGGER_RTT} and by scanning
 * RAM, its lines streamed by rtt:attach while the core runs, and a line written down and echoed back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class RttLabIT extends LabSessionIT {
    private static final String MICROBIT = "9900";
    private static final int PORT = 19021;

    @Override
    protected String stateFolder() {
        return "probehost-rtt-state";
    }

    private void flashAndRun() throws Exception {
        String programmed = shell.run("flash:program -u " + MICROBIT + " " + ShippedRuntime.example("rtt-log.elf"));
        assertTrue(programmed, programmed.contains("Programmed rtt-log.elf"));
        shell.run("target:reset");
    }

    @Test
    public void attachStreamsTheFirmwaresLinesWhileItRuns() throws Exception {
        flashAndRun();
        String streamed = shell.run("rtt:attach --elf " + ShippedRuntime.example("rtt-log.elf") + " --for 2");
        assertTrue(streamed, streamed.startsWith("rtt-log started\ntick 0\ntick 1\n"));
        String status = shell.run("target:status");
        assertTrue(status, status.startsWith("Running"));
        String later = shell.run("rtt:read");
        assertTrue(later, Pattern.compile("^tick \\d+\n").matcher(later).find());
    }

    /** Correctness, not speed: the figures are the README's; here every line must arrive, whole and in order. */
    @Test
    public void benchStreamsTheBusyBlockingLogWithoutLosingAByte() throws Exception {
        String bench = shell.run("rtt:bench -u " + MICROBIT + " " + ShippedRuntime.example("rtt-bench.elf"));
        Matcher block = Pattern.compile("busy, block\\s+(\\d+)\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+%\\s+(\\d+)\\s+(\\d+)")
                .matcher(bench);
        assertTrue(bench, block.find());
        assertTrue(bench, Long.parseLong(block.group(1)) >= 256 * 1024);
        assertEquals(bench, "0", block.group(2));
        assertEquals(bench, "0", block.group(3));
        Matcher skip = Pattern.compile("busy, skip\\s+\\d+\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+%\\s+(\\d+)\\s+(\\d+)")
                .matcher(bench);
        assertTrue(bench, skip.find());
        long lost = Long.parseLong(skip.group(1));
        assertTrue("skip mode drops lines, and the host misses none but those: " + bench,
                lost > 0 && lost <= Long.parseLong(skip.group(2)) * 32);
    }

    @Test
    public void listShowsTheChannelsAndWriteIsEchoed() throws Exception {
        flashAndRun();
        shell.run("rtt:attach --for 1");
        String channels = shell.run("rtt:list");
        assertTrue(channels, Pattern.compile("up 0\\s+Terminal\\s+256\\s+skip").matcher(channels).find());
        assertTrue(channels, Pattern.compile("down 0\\s+Terminal\\s+16\\s+skip").matcher(channels).find());
        String wrote = shell.run("rtt:write 0 hello");
        assertTrue(wrote, wrote.contains("Wrote 6 of 6 bytes to down channel 0 (mode skip)"));
        String echoed = shell.run("rtt:attach --for 2");
        assertTrue(echoed, echoed.contains("got: hello\n"));
        String missing = shell.fail("rtt:write 3 hello");
        assertTrue(missing, missing.contains("there is no down channel 3"));
    }

    @Test
    public void serveBridgesTheChannelsToALoopbackClient() throws Exception {
        flashAndRun();
        CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
            try {
                return shell.run("rtt:serve --port " + PORT + " --for 4");
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        StringBuilder received = new StringBuilder();
        try (Socket socket = connect()) {
            socket.setSoTimeout(3000);
            InputStream in = socket.getInputStream();
            readUntil(in, received, "tick 1\n");
            socket.getOutputStream().write("bridge\n".getBytes(StandardCharsets.US_ASCII));
            readUntil(in, received, "got: bridge\n");
        }
        assertTrue(received.toString(), received.toString().startsWith("rtt-log started\ntick 0\n"));
        String log = served.get();
        assertTrue(log, log.contains("RTT channel 0 on localhost/127.0.0.1:" + PORT));
    }

    private static Socket connect() throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), PORT);
            } catch (IOException e) {
                if (attempt == 100) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static void readUntil(InputStream in, StringBuilder received, String wanted) throws IOException {
        byte[] buffer = new byte[512];
        while (!received.toString().contains(wanted)) {
            int count = in.read(buffer);
            if (count < 0) {
                throw new IOException("the bridge closed before '" + wanted.strip() + "': " + received);
            }
            received.append(new String(buffer, 0, count, StandardCharsets.US_ASCII));
        }
    }
}
