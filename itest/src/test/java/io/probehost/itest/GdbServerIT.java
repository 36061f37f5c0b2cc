package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * The judge of {@code gdb:serve}: Debian's {@code gdb-multiarch} in batch mode against
 * {@code ./probehost --sim gdb:serve} run as a user runs it, through the micro:bit's CMSIS-DAP
 * (nRF51, Cortex-M0), the Nucleo's ST-Link (STM32F103, Cortex-M3) and the Longan Nano's CMSIS-DAP in
 * JTAG mode (GD32VF103, RISC-V): load of an example ELF through the flash loader, monitor reset halt,
 * a breakpoint, continue, next, registers, memory, a watchpoint hit, a shell command through monitor,
 * detach; kill and reconnect, a second GDB refused, Ctrl-C, and the signal of a core found in its
 * HardFault handler.
 */
public class GdbServerIT {
    @Test
    public void gdbLoadsBreaksStepsAndWatchesOnTheVirtualNrf51ThroughCmsisDap() throws Exception {
        try (ServerProcess server = serve("9900")) {
            String gdb = debugSession(server.port(), "examples/blinky.elf");
            assertSession(gdb, "0x00000044", "0x00000044", "led_toggle () at blinky.c:28", "29\t    watched.toggles++;");
            assertTrue("Cortex-M0 has no BASEPRI, and the description says so: " + gdb, !gdb.contains("basepri"));
            assertTrue(server.log(), server.log().contains("gdb: load into nrf51822_xxaa: 1 sector written"));
        }
    }

    @Test
    public void gdbLoadsBreaksStepsAndWatchesOnTheVirtualStm32f103ThroughStlink() throws Exception {
        try (ServerProcess server = serve("0670")) {
            String gdb = debugSession(server.port(), "examples/nucleo-blinky.elf");
            assertSession(gdb, "0x08000044", "0x08000044", "led_toggle () at nucleo-blinky.c:32",
                    "33\t    watched.toggles++;");
            assertTrue("the Cortex-M3's m-system registers: " + gdb, gdb.contains("basepri        0x0"));
            assertTrue(server.log(), server.log().contains("gdb: load into stm32f103rb: 1 sector written"));
        }
    }

    /** The GD32VF103 boots from the flash alias at 0, so reset halts there; the ELF starts at 0x08000000. */
    @Test
    public void gdbLoadsBreaksStepsAndWatchesOnTheVirtualGd32vf103ThroughCmsisDapJtag() throws Exception {
        try (ServerProcess server = serve("PHRV0001")) {
            String gdb = debugSession(server.port(), "examples/longan-blinky.elf");
            assertSession(gdb, "0x08000000", "0x00000000", "led_toggle () at ./longan-blinky.c:28",
                    "29\t    watched.toggles++;");
            assertTrue("the RISC-V registers by their ABI names: " + gdb,
                    Pattern.compile("(?m)^ra\\s+0x[0-9a-f]+\\s+0x[0-9a-f]+ <main\\+\\d+>").matcher(gdb).find());
            assertTrue(server.log(), server.log().contains("gdb: load into gd32vf103cb: 1 sector written"));
        }
    }

    /** kill resets and halts the core and leaves the connection; gdb may disconnect and connect again. */
    @Test
    public void killResetsTheTargetAndGdbReconnects() throws Exception {
        try (ServerProcess server = serve("9900")) {
            String gdb = gdb(List.of("-ex", "target extended-remote :" + server.port(), "-ex", "load", "-ex",
                    "monitor target:go", "-ex", "kill", "-ex", "disconnect", "-ex", "target extended-remote :"
                    + server.port(), "-ex", "info registers pc", "-ex", "stepi", "-ex", "info registers pc", "-ex",
                    "detach"), "examples/blinky.elf");
            assertTrue(gdb, gdb.contains("[Inferior 1 (Remote target) killed]"));
            assertTrue("kill left the core reset and halted: " + gdb,
                    Pattern.compile("(?m)^pc\\s+0x44\\s+0x44 <reset_handler>").matcher(gdb).find());
            assertTrue("a step after reconnecting: " + gdb,
                    Pattern.compile("(?m)^pc\\s+0x46\\s+0x46 <reset_handler\\+2>").matcher(gdb).find());
            assertTrue(gdb, gdb.contains("[Inferior 1 (Remote target) detached]"));
            assertEquals(server.log(), 2, server.log().split("attached to 9900", -1).length - 1);
        }
    }

    /** A program that ran into HardFault, found there by a GDB that attaches: SIGSEGV, as pyOCD reports it. */
    @Test
    public void aCoreFoundInItsHardFaultHandlerStoppedWithSigsegv() throws Exception {
        try (ServerProcess server = serve("9900")) {
            String gdb = gdb(List.of("-ex", "target extended-remote :" + server.port(), "-ex", "load", "-ex",
                    "monitor target:go", "-ex", "shell sleep 1", "-ex", "disconnect", "-ex", "target extended-remote :"
                    + server.port(), "-ex", "info program", "-ex", "detach"), "examples/fault.elf");
            assertTrue(gdb, gdb.contains("It stopped with signal SIGSEGV, Segmentation fault."));
        }
    }

    /** Issue 13's RTT through GDB: monitor runs the rtt commands like any other shell command. */
    @Test
    public void monitorRunsTheRttCommands() throws Exception {
        try (ServerProcess server = serve("9900")) {
            String gdb = gdb(List.of("-ex", "target extended-remote :" + server.port(), "-ex", "load", "-ex",
                    "monitor target:go", "-ex", "monitor rtt:attach --for 1", "-ex", "monitor rtt:list", "-ex",
                    "detach"), "examples/rtt-log.elf");
            assertTrue("rtt:attach streams the log: " + gdb, gdb.contains("rtt-log started\ntick 0\n"));
            assertTrue("rtt:list: " + gdb, Pattern.compile("up 0\\s+Terminal\\s+256").matcher(gdb).find());
        }
    }

    @Test
    public void aSecondGdbIsRefusedWhileOneIsAttachedAndMayAttachAfterIt() throws Exception {
        try (ServerProcess server = serve("9900")) {
            Process first = gdbProcess(List.of("-ex", "target extended-remote :" + server.port(), "-ex", "shell sleep 5",
                    "-ex", "detach"), "examples/blinky.elf");
            server.awaitLog("attached to 9900");
            String second = gdb(List.of("-ex", "target extended-remote :" + server.port()), "examples/blinky.elf", 1);
            assertTrue(second, second.contains("is already serving a GDB from 127.0.0.1:"));
            assertTrue(first.waitFor(60, TimeUnit.SECONDS));
            String third = gdb(List.of("-ex", "target extended-remote :" + server.port(), "-ex", "info registers pc",
                    "-ex", "detach"), "examples/blinky.elf");
            assertTrue(third, third.contains("[Inferior 1 (Remote target) detached]"));
            assertTrue(server.log(), server.log().contains("gdb: refused 127.0.0.1:"));
        }
    }

    /** Ctrl-C in gdb (SIGINT to the gdb process) while the target runs: gdb sends 0x03, the server halts the core. */
    @Test
    public void ctrlCInGdbHaltsTheRunningTarget() throws Exception {
        try (ServerProcess server = serve("9900")) {
            Process gdb = gdbProcess(List.of("-ex", "target extended-remote :" + server.port(), "-ex", "continue",
                    "-ex", "info registers pc", "-ex", "detach"), "examples/blinky.elf");
            server.awaitLog("attached to 9900");
            Thread.sleep(2000);
            Process interrupt = new ProcessBuilder("kill", "-INT", Long.toString(gdb.pid())).start();
            assertEquals(0, interrupt.waitFor());
            assertTrue("gdb finished", gdb.waitFor(60, TimeUnit.SECONDS));
            String output = new String(gdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(output, output.contains("Program received signal SIGINT, Interrupt."));
            assertTrue(output, output.contains("[Inferior 1 (Remote target) detached]"));
        }
    }

    private static void assertSession(String gdb, String entry, String resetPc, String breakpoint, String nextLine) {
        assertTrue("load goes through vFlash: " + gdb, gdb.contains("Start address " + entry));
        assertTrue("monitor reset halt: " + gdb, gdb.contains("halted at pc " + resetPc));
        assertTrue(gdb, gdb.contains("Breakpoint 1, " + breakpoint));
        assertTrue("the breakpoint is in flash, so GDB uses a hardware one: " + gdb,
                gdb.contains("automatically using hardware breakpoints"));
        assertTrue("info registers: " + gdb, Pattern.compile("(?m)^pc\\s+0x[0-9a-f]+\\s+0x[0-9a-f]+ <led_toggle>")
                .matcher(gdb).find());
        assertTrue("x/8wx shows 256 turns: " + gdb, gdb.contains("0x20000000 <watched>:\t0x00000100\t0x00000000"));
        assertTrue("next: " + gdb, gdb.contains(nextLine));
        assertTrue("the watchpoint hit: " + gdb, gdb.contains("Hardware watchpoint 2: *(int*)0x20000004\n\nOld value = 0\n"
                + "New value = 1"));
        assertTrue("monitor probe:list: " + gdb, gdb.contains("9900000037024e450024200f00000071000000009796990b"));
        assertTrue(gdb, gdb.contains("[Inferior 1 (Remote target) detached]"));
    }

    private static String debugSession(int port, String elf) throws Exception {
        return gdb(List.of("-ex", "target extended-remote :" + port, "-ex", "load", "-ex", "monitor reset halt",
                "-ex", "break led_toggle", "-ex", "continue", "-ex", "info registers", "-ex", "x/8wx 0x20000000",
                "-ex", "next", "-ex", "watch *(int*)0x20000004", "-ex", "continue", "-ex", "monitor probe:list",
                "-ex", "detach"), elf);
    }

    private static String gdb(List<String> commands, String elf) throws Exception {
        return gdb(commands, elf, 0);
    }

    private static String gdb(List<String> commands, String elf, int exitStatus) throws Exception {
        Process process = gdbProcess(commands, elf);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gdb-multiarch did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(output, exitStatus, process.exitValue());
        return output;
    }

    private static Process gdbProcess(List<String> commands, String elf) throws Exception {
        List<String> command = new ArrayList<>(List.of("gdb-multiarch", "-q", "-batch", "-nx",
                ServerProcess.top().resolve(elf).toString()));
        command.addAll(commands);
        // From the ELF's folder, where gdb finds the C source to show the lines.
        return new ProcessBuilder(command).directory(ServerProcess.top().resolve(elf).getParent().toFile()).redirectErrorStream(true)
                .redirectInput(new File("/dev/null")).start();
    }

    /** {@code ./probehost --sim gdb:serve -u UID --port 0} as a process, its output collected. */
    private static ServerProcess serve(String uid) throws Exception {
        return ServerProcess.start("gdb:serve", "-u", uid, "--port", "0");
    }
}
