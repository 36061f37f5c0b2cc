package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The interactive shell as a user meets it on a terminal ({@code script} makes the pseudo-terminal):
 * leaving it, help, bad arguments, completion, tables that fit, and a terminal that reports no size.
 */
public class InteractiveShellCliIT {

    @BeforeClass
    public static void privateStateFolder() throws Exception {
        ProbehostCliIT.privateStateFolder();
    }

    @Test
    public void aSessionOnAnEightyColumnTerminal() throws Exception {
        Shell shell = onATerminal("stty cols 80 rows 24; ",
                "help\nlab:reset-state x\nmem:read32 -u PHLAB\t 0x20000000 1\noption:list\nexit\n");
        String out = shell.output();
        assertEquals(out, 0, shell.status());
        assertTrue(out, out.contains("lab:reset-state\r\n"));
        assertFalse("help hides the command that answers unknown names: " + out, out.contains("probehost:default"));
        assertTrue(out, out.contains("Error: unexpected argument 'x'; usage: lab:reset-state"));
        assertTrue("tab completes the probe ID after -u: " + out, out.contains("-u PHLAB0001 "));
        assertTrue(out, out.contains("20000000:  "));
        String optionRow = out.lines().filter(line -> line.contains("cmsis_dap.deferred_transfers")).findFirst()
                .orElseThrow();
        assertFalse("option help goes under its row on 80 columns: " + optionRow, optionRow.contains("Queue"));
        assertTrue(out, out.contains("  Queue DAP transfers"));
        assertLeftAtOnce(out, "exit");
    }

    @Test
    public void ctrlDLeavesAndATerminalWithNoSizeStillGetsThePrompt() throws Exception {
        Shell shell = onATerminal("", "probe:ids\n", "\u0004");
        String out = shell.output();
        assertEquals(out, 0, shell.status());
        assertTrue(out, out.contains("probehost> "));
        assertTrue(out, out.contains("PHLAB0001"));
        assertFalse(out, out.contains("stopping framework"));
    }

    @Test
    public void gogosOwnCommandWithBadArgumentsPrintsOneErrorLine() throws Exception {
        Shell shell = onATerminal("stty cols 120 rows 24; ", "lb x y\nprobe:ids\nexit\n");
        String out = shell.output();
        assertEquals(out, 0, shell.status());
        assertTrue(out, out.contains("Error: bad arguments for lb (help lb shows its usage)\r\n"));
        assertNoClassNames(out);
        assertTrue("the next command runs: " + out, out.contains("PHLAB0001"));
    }

    @Test
    public void ctrlCStopsALongCommandAndThePromptComesBack() throws Exception {
        Shell shell = onATerminal("stty cols 120 rows 24; ", new Keys("probehost> ", 1, "lab:rbb --port 0\n"),
                new Keys("Ctrl-C stops", 1, "\u0003"), new Keys("probehost> ", 2, "probe:ids\nexit\n"));
        String out = shell.output();
        assertEquals(out, 0, shell.status());
        assertNoClassNames(out);
        String afterCtrlC = out.substring(out.indexOf("Ctrl-C stops"));
        assertFalse("nothing but the prompt after Ctrl-C: " + afterCtrlC, afterCtrlC.contains("Error"));
        assertTrue("the next command runs: " + out, afterCtrlC.contains("PHLAB0001"));
        assertLeftAtOnce(out, "exit");
    }

    @Test
    public void ctrlCStopsAnRttStreamThatNeverRunsDry() throws Exception {
        String elf = ShippedRuntime.example("nucleo-defmt-log.elf");
        Shell shell = onATerminal("stty cols 120 rows 24; ",
                new Keys("probehost> ", 1, "flash:program -u 0670 " + elf + "\n"),
                new Keys("probehost> ", 2, "target:reset -u 0670\n"),
                new Keys("probehost> ", 3, "rtt:attach -u 0670 --elf " + elf + "\n"),
                new Keys("temperature", 20, "\u0003"),
                new Keys("probehost> ", 4, "probe:ids\nexit\n"));
        String out = shell.output();
        assertEquals(out.substring(Math.max(0, out.length() - 2000)), 0, shell.status());
        String afterStream = out.substring(out.lastIndexOf("temperature"));
        assertFalse(afterStream, afterStream.contains("Error"));
        assertTrue("the next command runs: " + afterStream, afterStream.contains("PHLAB0001"));
        assertNoClassNames(out);
    }

    private static void assertNoClassNames(String out) {
        assertFalse(out, out.contains("java."));
        assertFalse(out, out.contains("Exception"));
    }

    /** After the last command no prompt comes back and Gogo says nothing about stopping. */
    private static void assertLeftAtOnce(String out, String lastCommand) {
        String after = out.substring(out.lastIndexOf(lastCommand) + lastCommand.length());
        assertFalse(out, after.contains("probehost>"));
        assertFalse(out, out.contains("stopping framework"));
    }

    record Shell(int status, String output) {
    }

    /**
     * The shell's line editor on a pseudo-terminal, typing {@code input} ahead, then {@code atSecondPrompt}
     * once the second prompt shows (a Ctrl-D typed before the line editor reads would be the terminal's
     * end of a line); {@code setup} runs in the terminal first ({@code script}'s terminal has no size
     * unless it sets one).
     */
    private static Shell onATerminal(String setup, String input, String... atSecondPrompt) throws Exception {
        Keys ahead = new Keys("", 0, input);
        if (atSecondPrompt.length == 0) {
            return onATerminal(setup, ahead);
        }
        return onATerminal(setup, ahead, new Keys("probehost> ", 2, String.join("", atSecondPrompt)));
    }

    /** Keys typed once {@code shown} has appeared {@code times} times on the terminal. */
    record Keys(String shown, int times, String typed) {
    }

    private static Shell onATerminal(String setup, Keys... steps) throws Exception {
        assertTrue("script(1) (Debian bsdutils) is needed to run the shell on a pseudo-terminal",
                new File("/usr/bin/script").canExecute());
        Path top = Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize();
        File out = Files.createTempFile("probehost-pty", ".txt").toFile();
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/script", "-qfec",
                setup + "exec " + top.resolve("probehost") + " --sim", "/dev/null")
                .redirectOutput(out).redirectErrorStream(true);
        builder.environment().put("TERM", "xterm");
        builder.environment().put("PROBEHOST_STATE", ProbehostCliIT.stateFolder().toString());
        Process process = builder.start();
        for (Keys step : steps) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (step.times() > 0 && Files.readString(out.toPath()).split(Pattern.quote(step.shown()), -1).length <= step.times()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            process.getOutputStream().write(step.typed().getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the shell on a terminal did not exit within 120 s: " + Files.readString(out.toPath()));
        }
        return new Shell(process.exitValue(),
                Files.readString(out.toPath()).replaceAll("\u001B\\[[0-9;?]*[A-Za-z]|\u001B[=>]", ""));
    }
}
