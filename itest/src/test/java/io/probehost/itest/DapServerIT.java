package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The judge of {@code dap:serve}: Microsoft's DAP test client ({@code @vscode/debugadapter-testsupport},
 * run by Debian's Node) against {@code ./probehost --sim dap:serve} run as a user runs it, through
 * the micro:bit's CMSIS-DAP (nRF51, Cortex-M0), the Nucleo's ST-Link (STM32F103, Cortex-M3) and the
 * Longan Nano's CMSIS-DAP in JTAG mode (GD32VF103, RV32IMAC):
 * launch with stopOnEntry (flash, reset, halt), a breakpoint on a source line of a {@code -g} example,
 * continue to it, the stack trace with functions and lines, registers, a memory read, a shell
 * command in the debug console, a source step, a function breakpoint, step out, an instruction
 * breakpoint, a memory write, pause, disconnect; then a second client attaches and pauses. The client's script is
 * {@code src/test/node/dap/judge.js}; {@code npm ci} installs its locked packages into target/.
 */
public class DapServerIT {
    private static Path judge;

    @BeforeClass
    public static void installTheTestClient() throws Exception {
        Path source = ServerProcess.top().resolve("itest/src/test/node/dap");
        judge = ServerProcess.top().resolve("itest/target/dap-judge");
        Files.createDirectories(judge);
        boolean current = Files.isDirectory(judge.resolve("node_modules/@vscode/debugadapter-testsupport"))
                && Files.exists(judge.resolve("package-lock.json"))
                && Arrays.equals(Files.readAllBytes(judge.resolve("package-lock.json")),
                        Files.readAllBytes(source.resolve("package-lock.json")));
        for (String file : List.of("package.json", "package-lock.json", "judge.js")) {
            Files.copy(source.resolve(file), judge.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!current) {
            String npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
            assertTrue("npm ci: " + npm, Files.isDirectory(judge.resolve("node_modules/@vscode/debugadapter-testsupport")));
        }
    }

    @Test
    public void theDapTestClientLaunchesBreaksOnALineAndReadsTheStackOnTheVirtualNrf51ThroughCmsisDap() throws Exception {
        try (ServerProcess server = ServerProcess.start("dap:serve", "-u", "9900", "--port", "0")) {
            String facts = judge(server.port(), "blinky", 29, "9900");
            assertSession(facts, "blinky.c", 29, "0x0000008c", "reset_handler", "startup.c");
            assertTrue(server.log(), server.log().contains("dap: debugging blinky.elf on 9900"));
        }
    }

    @Test
    public void theDapTestClientLaunchesBreaksOnALineAndReadsTheStackOnTheVirtualStm32f103ThroughStlink()
            throws Exception {
        try (ServerProcess server = ServerProcess.start("dap:serve", "--port", "0")) {
            String facts = judge(server.port(), "nucleo-blinky", 33, "0670");
            assertSession(facts, "nucleo-blinky.c", 33, "0x08000094", "reset_handler", "startup.c");
            assertTrue(server.log(), server.log().contains("dap: debugging nucleo-blinky.elf on 0670"));
        }
    }

    /** The Longan Nano's startup is assembly: DWARF has its lines but names no function there, so its frame is {@code ??}. */
    @Test
    public void theDapTestClientLaunchesBreaksOnALineAndReadsTheStackOnTheVirtualGd32vf103RiscvThroughCmsisDapJtag()
            throws Exception {
        try (ServerProcess server = ServerProcess.start("dap:serve", "--port", "0")) {
            String facts = judge(server.port(), "longan-blinky", 29, "PHRV0001");
            assertSession(facts, "longan-blinky.c", 29, "0x08000076", "??", "start-riscv.S");
            assertTrue(server.log(), server.log().contains("dap: debugging longan-blinky.elf on PHRV0001"));
        }
    }

    private static void assertSession(String facts, String file, int line, String pc, String startup,
            String startupFile) {
        assertTrue(facts, facts.contains("launch: true\n"));
        assertTrue("stopped on entry at the reset handler: " + facts, facts.contains("entry: " + startup + "\n"));
        assertTrue(facts, facts.contains("breakpoint: " + line + " at " + pc + "\n"));
        assertTrue(facts, facts.contains("stopped: breakpoint\n"));
        assertTrue("the stack, innermost first: " + facts, facts.contains("frame: led_toggle " + file + ":" + line
                + "\nframe: main " + file + ":"));
        assertTrue(facts, facts.contains("frame: " + startup + " " + startupFile + ":"));
        assertTrue("the pc register: " + facts, facts.contains("pc: " + pc + "\n"));
        assertTrue("256 turns, no toggle yet: " + facts, facts.contains("memory: 0x20000000 256 0\n"));
        assertTrue("the debug console runs shell commands: " + facts,
                facts.contains("evaluate: 20000000:  00000100 00000000\n"));
        assertTrue("next leaves led_toggle for main: " + facts, facts.contains("next: main " + file + ":"));
        assertTrue("a function breakpoint: " + facts, facts.contains("function: led_toggle " + file + ":"));
        assertTrue("the second call: 512 turns, one toggle: " + facts, facts.contains("memory: 512 1\n"));
        assertTrue(facts, facts.contains("stepOut: main " + file + ":"));
        assertTrue("an instruction breakpoint where the function breakpoint was: " + facts,
                Pattern.compile("(?m)^instruction: (0x[0-9a-f]{8}) \\1$").matcher(facts).find());
        assertTrue(facts, facts.contains("writeMemory: 4 bytes, now 100\n"));
        assertTrue("pause stops the running core in the program: " + facts,
                Pattern.compile("(?m)^pause: (main|led_toggle) " + Pattern.quote(file) + ":\\d+$").matcher(facts).find());
        assertTrue(facts, facts.contains("disconnect: ok\n"));
        assertTrue("a second client attaches to the running program and pauses it: " + facts,
                Pattern.compile("(?m)^attach: (led_toggle < )?main < " + Pattern.quote(startup) + "$").matcher(facts).find());
        assertTrue(facts, facts.contains("done: ok\n"));
    }

    /** Runs judge.js against the server; returns its facts, asserting it succeeded. */
    private static String judge(int port, String example, int line, String probe) throws Exception {
        Path examples = ServerProcess.top().resolve("examples");
        return run(List.of("node", "judge.js", Integer.toString(port), examples.resolve(example + ".elf").toString(),
                examples.resolve(example + ".c").toString(), Integer.toString(line), "led_toggle", probe), 180);
    }

    private static String run(List<String> command, int seconds) throws Exception {
        Process process = new ProcessBuilder(command).directory(judge.toFile()).redirectErrorStream(true)
                .redirectInput(new File("/dev/null")).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + seconds + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(command + ": " + output, 0, process.exitValue());
        return output;
    }
}
