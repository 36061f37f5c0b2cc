package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.BeforeClass;
import org.junit.Test;

import io.probehost.itest.ProbehostCliIT.Result;

/**
 * {@code ./probehost --sim run FILE} as a process, as CI would run firmware tests: on the micro:bit
 * (ARMv6-M), the Nucleo-F103RB (ARMv7-M) and the Longan Nano (RISC-V). examples/semihost logs on RTT,
 * prints through semihosting and exits with code 3, which must become the process's status; the
 * fault examples must print the halt, a stack trace naming decode and its callers with file:line, and
 * exit 1; rtt-log runs for its --for seconds and ends with 0.
 */
public class RunIT {
    private static final String MICROBIT = "9900";
    private static final String NUCLEO = "0670";
    private static final String LONGAN = "PHRV0001";
    private static Path state;
    private static Path deploy;

    @BeforeClass
    public static void privateStateFolder() throws IOException {
        state = Files.createTempDirectory("probehost-run-state");
        deploy = Files.createTempDirectory("probehost-run-deploy");
    }

    private static Result run(String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "--sim";
        command[1] = "run";
        System.arraycopy(args, 0, command, 2, args.length);
        return ProbehostCliIT.runWith(state, deploy, null, command);
    }

    /** Checks that {@code lines} come out in this order, each as a whole line. */
    private static void inOrder(String out, List<String> lines) {
        int from = 0;
        for (String line : lines) {
            int at = out.indexOf(line + "\n", from);
            assertTrue("'" + line + "' comes next in:\n" + out.substring(from), at >= 0 && (at == 0
                    || out.charAt(at - 1) == '\n'));
            from = at + line.length();
        }
    }

    private static void exitsWithTheFirmwaresCode(String probe, String example) throws Exception {
        Result result = run("-u", probe, ShippedRuntime.example(example));
        assertEquals(result.out() + result.err(), 3, result.status());
        assertEquals(result.err(), "", result.err());
        assertTrue(result.out(), result.out().startsWith("Flashed " + example + " into "));
        inOrder(result.out(), List.of("rtt: starting", "rtt: counting to 3"));
        inOrder(result.out(), List.of("semihosting: hello", "!", "semihosting: written to stdout",
                "Firmware exited: exit code 3"));
        assertTrue(result.out(), result.out().contains("\nrtt: exiting with 3\n"));
    }

    private static void faultPrintsTheTraceAndFails(String probe, String example, String pcOfDecode)
            throws Exception {
        Result result = run("-u", probe, ShippedRuntime.example(example));
        assertEquals(result.out() + result.err(), 1, result.status());
        assertEquals("Error: the firmware halted on a fault", result.err().trim());
        String out = result.out();
        assertTrue(out, out.contains("Firmware halted on a fault (the core took an exception):\n"));
        assertTrue(out, out.matches("(?s).*#\\d 0x" + pcOfDecode + " in decode at fault\\.c:1[45]\n.*"));
        assertTrue(out, out.matches("(?s).*#\\d 0x[0-9a-f]{8} in read_sensor at fault\\.c:22\n"
                + "#\\d 0x[0-9a-f]{8} in check_sensors at fault\\.c:30\n#\\d 0x[0-9a-f]{8} in main at fault\\.c:38\n.*"));
        assertTrue(out, out.contains("\nFault:\n"));
    }

    @Test
    public void semihostingExitOnTheArmv6mMicrobitIsTheProcessStatus() throws Exception {
        exitsWithTheFirmwaresCode(MICROBIT, "semihost.elf");
    }

    @Test
    public void semihostingExitOnTheArmv7mNucleoIsTheProcessStatus() throws Exception {
        exitsWithTheFirmwaresCode(NUCLEO, "nucleo-semihost.elf");
    }

    @Test
    public void semihostingExitOnTheRiscvLonganIsTheProcessStatus() throws Exception {
        exitsWithTheFirmwaresCode(LONGAN, "longan-semihost.elf");
    }

    @Test
    public void aHardFaultOnTheMicrobitPrintsTheStackFromTheHandlerAndFails() throws Exception {
        faultPrintsTheTraceAndFails(MICROBIT, "fault.elf", "0000008c");
    }

    @Test
    public void anEscalatedUsageFaultOnTheNucleoPrintsTheStackAndFails() throws Exception {
        faultPrintsTheTraceAndFails(NUCLEO, "nucleo-fault.elf", "08000092");
    }

    @Test
    public void anIllegalInstructionOnTheLonganIsCaughtAtTheTrapVectorAndFails() throws Exception {
        faultPrintsTheTraceAndFails(LONGAN, "longan-fault.elf", "0800007e");
    }

    @Test
    public void withoutTheCatchAFaultingFirmwareRunsForItsSecondsAndEndsWithZero() throws Exception {
        Result result = run("-u", MICROBIT, "--no-catch-hardfault", "--for", "1", ShippedRuntime.example("fault.elf"));
        assertEquals(result.out() + result.err(), 0, result.status());
        assertTrue(result.out(), result.out().endsWith("Stopped; the firmware runs on\n"));
    }

    @Test
    public void aStopSignalEndsTheRunAsStoppedWithNoErrorLine() throws Exception {
        File out = Files.createTempFile("probehost-run-out", ".txt").toFile();
        File err = Files.createTempFile("probehost-run-err", ".txt").toFile();
        Process process = ProbehostCliIT.start(state, deploy, true, out, err, "--sim", "run", "-u", MICROBIT,
                ShippedRuntime.example("rtt-log.elf"));
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(out.toPath()).contains("\ntick 1\n")) {
                assertTrue("the run logs ticks: " + Files.readString(out.toPath()) + Files.readString(err.toPath()),
                        process.isAlive() && System.nanoTime() - end < 0);
                Thread.sleep(100);
            }
            process.destroy(); // SIGTERM: the JVM stops the runtime as on Ctrl-C's SIGINT
            assertTrue("the run ends on the signal", process.waitFor(30, TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
        String printed = Files.readString(out.toPath());
        assertTrue(printed, printed.endsWith("Stopped; the firmware runs on\n"));
        assertEquals("", Files.readString(err.toPath()));
    }

    @Test
    public void theRttExampleLogsLiveForItsSecondsAndASecondRunSkipsTheUnchangedSector() throws Exception {
        Result first = run("-u", MICROBIT, "--for", "2", ShippedRuntime.example("rtt-log.elf"));
        assertEquals(first.out() + first.err(), 0, first.status());
        inOrder(first.out(), List.of("Running rtt-log.elf (RTT channel 0); Ctrl-C stops", "rtt-log started"));

        Result second = run("-u", MICROBIT, "--for", "1", ShippedRuntime.example("rtt-log.elf"));
        assertEquals(second.out() + second.err(), 0, second.status());
        assertTrue(second.out(), second.out().contains("0 sectors written, 1 skipped (unchanged)"));
    }
}
