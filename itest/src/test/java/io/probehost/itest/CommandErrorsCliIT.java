package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Bad arguments and failures as a user meets them through {@code ./probehost}: one {@code Error:} line
 * with the command's usage or the reason, the same one-shot, piped and on an interactive terminal.
 */
public class CommandErrorsCliIT {

    @BeforeClass
    public static void privateStateFolder() throws Exception {
        ProbehostCliIT.privateStateFolder();
    }

    @Test
    public void badArgumentsAnswerWithTheCommandsUsage() throws Exception {
        List<List<String>> lines = List.of(
                List.of("mem:read32", "-x", "0"),
                List.of("target:reset", "--bogus"),
                List.of("flash:erase"),
                List.of("break:add"),
                List.of("probe:bench", "-O", "frequency"),
                List.of("lab:rbb", "--port"));
        for (List<String> line : lines) {
            ProbehostCliIT.Result result = oneShot(line);
            String err = result.err().trim();
            assertEquals(line + ": " + err, 1, result.status());
            assertTrue(line + ": " + err, err.startsWith("Error: ") && err.contains("; usage: " + line.get(0) + " "));
            assertOneLineWithoutClassNames(err);
        }
    }

    @Test
    public void probeBenchTakesTheSwdClockAsASessionOption() throws Exception {
        ProbehostCliIT.Result result = oneShot(List.of("probe:bench", "-O", "frequency=4000000"));
        assertEquals(result.err(), 0, result.status());
        assertTrue(result.out(), result.out().contains("SWD at 4000000 Hz"));
        assertTrue(result.out(), result.out().contains("v2 bulk"));
    }

    @Test
    public void flashProgramRefusesAFileWhoseFormatNothingTellsUnlessFormatIsGiven() throws Exception {
        Path text = Files.createTempFile("passwd", "");
        Files.writeString(text, "root:x:0:0:root:/root:/bin/bash\n");
        ProbehostCliIT.Result refused = oneShot(List.of("flash:program", "-u", "9900", text.toString()));
        assertEquals(1, refused.status());
        assertEquals("Error: cannot tell the format of " + text + " from its name or content; name it with "
                + "--format bin|hex|elf|uf2", refused.err().trim());

        ProbehostCliIT.Result programmed = oneShot(List.of("flash:program", "-u", "9900", "--format", "bin",
                "--no-reset", text.toString()));
        assertEquals(programmed.err(), 0, programmed.status());
        assertTrue(programmed.out(), programmed.out().startsWith("Programmed " + text.getFileName()));
    }

    @Test
    public void aMissingFileIsNamed() throws Exception {
        ProbehostCliIT.Result result = oneShot(List.of("flash:program", "-u", "9900", "/nonexistent/x.hex"));
        assertEquals(1, result.status());
        assertEquals("Error: no such file: /nonexistent/x.hex", result.err().trim());
    }

    @Test
    public void numbersWithALeadingZeroAreDecimal() throws Exception {
        ProbehostCliIT.Result result = ProbehostCliIT.run(
                "mem:write32 -u 9900 0x20000000 010\nmem:read32 -u 9900 0x20000000\n", "--sim");
        assertEquals(result.err(), 0, result.status());
        assertTrue(result.out(), result.out().contains("20000000:  0000000a"));
    }

    @Test
    public void aFaultPrintsTheSameLineOneShotPipedAndOnATerminal() throws Exception {
        String command = "mem:read32 -u 9900 0xE0000000 1";
        ProbehostCliIT.Result oneShot = oneShot(List.of(command.split(" ")));
        String line = oneShot.err().trim();
        assertTrue(line, line.startsWith("Error: 32-bit read at 0xE0000000"));
        assertOneLineWithoutClassNames(line);

        ProbehostCliIT.Result piped = ProbehostCliIT.run(command + "\n", "--sim");
        assertEquals(line, piped.err().trim());

        String terminal = onATerminal(command + "\nnosuch\nexit\n");
        assertTrue(terminal, terminal.contains(line));
        assertTrue(terminal, terminal.contains("Error: unknown command 'nosuch' (help lists the commands)"));
        assertFalse(terminal, terminal.contains("Exception"));
    }

    private static ProbehostCliIT.Result oneShot(List<String> line) throws Exception {
        String[] args = new String[line.size() + 1];
        args[0] = "--sim";
        for (int i = 0; i < line.size(); i++) {
            args[i + 1] = line.get(i);
        }
        return ProbehostCliIT.run(null, args);
    }

    private static void assertOneLineWithoutClassNames(String err) {
        assertFalse(err, err.contains("\n"));
        assertFalse(err, err.contains("Exception") || err.contains("io.probehost.") || err.contains("Cannot coerce"));
    }

    /** The shell's line editor on a pseudo-terminal ({@code script}), typing {@code input} ahead. */
    private static String onATerminal(String input) throws Exception {
        assertTrue("script(1) (Debian bsdutils) is needed to run the shell on a pseudo-terminal",
                new File("/usr/bin/script").canExecute());
        Path top = Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize();
        File out = Files.createTempFile("probehost-pty", ".txt").toFile();
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/script", "-qfec",
                "stty cols 160 rows 40; exec " + top.resolve("probehost") + " --sim", "/dev/null")
                .redirectOutput(out).redirectErrorStream(true);
        builder.environment().put("TERM", "xterm");
        builder.environment().put("PROBEHOST_STATE", ProbehostCliIT.stateFolder().toString());
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the shell on a terminal did not exit within 120 s");
        }
        return Files.readString(out.toPath()).replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "");
    }
}
