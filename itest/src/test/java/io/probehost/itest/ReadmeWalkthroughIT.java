package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;

/**
 * The README's walk-through as a new user runs it: the shell session and the one-shot commands are
 * taken from README.md itself and run from the top folder with a fresh state folder, as on a fresh clone.
 */
public class ReadmeWalkthroughIT {
    private static final String PROMPT = "probehost> ";
    private static final String SESSION_START = "$ ./probehost --sim";
    private static final Pattern COUNTERS = Pattern.compile("(?m)^20000000:  ([0-9a-f]{8}) ([0-9a-f]{8})$");

    private final Path top = Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize();
    private Path state;
    private Path deploy;

    record Result(String command, int status, String out, String err) {
        String both() {
            return "$ " + command + "\n" + out + err;
        }
    }

    @Before
    public void freshStateFolder() throws IOException {
        state = Files.createTempDirectory("probehost-readme-state");
        deploy = Files.createTempDirectory("probehost-readme-deploy");
    }

    @Test
    public void firstSessionRunsAsWrittenAndShowsTheExampleRunning() throws Exception {
        List<String> session = firstSession(readme());
        assertEquals("the session starts the shell on the lab", SESSION_START, session.get(0));
        List<String> commands = session.stream().filter(line -> line.startsWith(PROMPT))
                .map(line -> line.substring(PROMPT.length())).toList();
        assertTrue("the session flashes the example: " + commands, commands.contains("flash:program examples/blinky.hex"));

        Result result = run(session.get(0).substring(2), String.join("\n", commands) + "\n");
        succeeded(result);
        String out = result.out();
        assertTrue(out, out.contains("9900000037024e450024200f00000071000000009796990b"));
        assertTrue("both probes listed: " + out, out.contains("PHLAB0001"));
        assertTrue(out, out.contains("Connected to nrf51822_xxaa"));
        assertTrue(out, out.contains("Programmed blinky.hex (212 bytes) into nrf51822_xxaa: 1 sector written"));
        assertTrue(out, out.contains("Reset (sw) and halted at pc 0x00000044"));
        assertEquals("each target:go stopped in led_toggle: " + out, 2,
                count(out, "Halted (breakpoint) at pc 0x00000080"));
        assertTrue("the first call of led_toggle: 256 turns, no LED change yet: " + out,
                out.contains("20000000:  00000100 00000000\n50000504:  00000000\n"));
        assertTrue("led_toggle returns into main: " + out, out.contains("lr = 0x000000c1"));
        assertTrue("the next call: 256 more turns, the LED lit: " + out,
                out.contains("20000000:  00000200 00000001\n50000504:  00002000\n"));

        List<Long> turns = new ArrayList<>();
        for (Matcher counters = COUNTERS.matcher(out); counters.find(); ) {
            turns.add(Long.parseLong(counters.group(1), 16));
        }
        assertEquals("four counter reads: " + out, 4, turns.size());
        assertTrue("the program runs on without the breakpoint: " + turns, turns.get(2) > 0x200);
        assertTrue("the counter moved between the last two reads: " + turns, turns.get(3) > turns.get(2));
    }

    /**
     * The README's session through the Nucleo's ST-Link, run on a fresh lab: every line it shows
     * comes out as written, the flash line up to its timing.
     */
    @Test
    public void stlinkSessionPrintsWhatTheReadmeShows() throws Exception {
        List<List<String>> sessions = sessions(readme());
        assertEquals("the README has the micro:bit, the ST-Link, the J-Link, Picoprobe and PE Micro, and the RISC-V"
                + " sessions", 4, sessions.size());
        List<String> commands = runPrintsAsWritten(sessions.get(1));
        assertTrue("the session flashes the Cortex-M3 example: " + commands,
                commands.contains("flash:program examples/nucleo-blinky.hex"));
    }

    /** The README's session through the J-Link, the Picoprobe and the PE Micro add-on, run on a fresh lab. */
    @Test
    public void jlinkPicoprobeAndPemicroSessionPrintsWhatTheReadmeShows() throws Exception {
        List<String> commands = runPrintsAsWritten(sessions(readme()).get(2));
        for (String driver : new String[] {"jlink", "picoprobe", "pemicro"}) {
            assertTrue("the session flashes through " + driver + ": " + commands,
                    commands.contains("flash:program -u " + driver + ": -t nrf51822_xxaa examples/blinky.hex"));
        }
        assertTrue(commands.toString(), commands.contains("driver:install pemicro"));
        assertTrue(commands.toString(), commands.contains("driver:uninstall pemicro"));
    }

    /** The README's session on the Longan Nano's RISC-V GD32VF103CB, run on a fresh lab. */
    @Test
    public void riscvSessionPrintsWhatTheReadmeShows() throws Exception {
        List<String> commands = runPrintsAsWritten(sessions(readme()).get(3));
        assertTrue("the session flashes the RV32 example: " + commands,
                commands.contains("flash:program examples/longan-blinky.hex"));
    }

    /**
     * Runs a README session's commands in one shell and checks that every line it shows comes out in
     * that order: a flash line up to its timing, and {@code ...} in a line standing for any text of it.
     *
     * @return the session's commands
     */
    private List<String> runPrintsAsWritten(List<String> session) throws Exception {
        List<String> commands = session.stream().filter(line -> line.startsWith(PROMPT))
                .map(line -> line.substring(PROMPT.length())).toList();
        Result result = run(session.get(0).substring(2), String.join("\n", commands) + "\n");
        succeeded(result);
        String out = result.out();
        int from = 0;
        for (String line : session.subList(1, session.size())) {
            if (line.startsWith(PROMPT)) {
                continue;
            }
            String expected = line.startsWith("Programmed ") ? line.substring(0, line.lastIndexOf(" in ")) : line;
            Matcher found = asWritten(expected).matcher(out);
            assertTrue("the README's line '" + expected + "' comes next in:\n" + out.substring(from),
                    found.find(from));
            from = found.end();
        }
        return commands;
    }

    /** A README line as a pattern: the text as is, {@code ...} matching any text within one output line. */
    static Pattern asWritten(String line) {
        StringBuilder pattern = new StringBuilder();
        String[] parts = line.split("\\.\\.\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            pattern.append(i == 0 ? "" : "[^\n]*?").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(pattern.toString());
    }

    @Test
    public void oneShotCommandsRunAsWrittenWithStatusZero() throws Exception {
        List<String> commands = oneShotCommands(readme());
        assertEquals("the README's one-shot block: " + commands, 3, commands.size());
        List<Result> results = new ArrayList<>();
        for (String command : commands) {
            Result result = run(command, null);
            succeeded(result);
            results.add(result);
        }
        assertTrue(results.get(0).both(), results.get(0).out().contains("PHLAB0001"));
        assertTrue(results.get(1).both(), results.get(1).out().contains("Programmed blinky.hex"));
        Matcher counters = COUNTERS.matcher(results.get(2).out());
        assertTrue(results.get(2).both(), counters.find());
        assertTrue("blinky ran in the lab from power-up until the connection halted it: " + results.get(2).both(),
                Long.parseLong(counters.group(1), 16) > 0);
    }

    private String readme() throws IOException {
        return Files.readString(top.resolve("README.md"));
    }

    /** The lines of the README's first code block that starts with {@code $ ./probehost --sim}. */
    static List<String> firstSession(String readme) {
        List<List<String>> sessions = sessions(readme);
        assertFalse("README.md has a code block starting with '" + SESSION_START + "'", sessions.isEmpty());
        return sessions.get(0);
    }

    /** The lines of each of the README's code blocks that start with {@code $ ./probehost --sim}, in order. */
    static List<List<String>> sessions(String readme) {
        List<String> lines = readme.lines().toList();
        List<List<String>> sessions = new ArrayList<>();
        for (int start = 0; start < lines.size(); start++) {
            if (lines.get(start).equals(SESSION_START) && start > 0 && lines.get(start - 1).equals("```")) {
                int end = lines.subList(start, lines.size()).indexOf("```");
                assertTrue("the session's code block ends", end > 0);
                sessions.add(lines.subList(start, start + end));
            }
        }
        return sessions;
    }

    /** The commands of the README's sh code block made only of {@code ./probehost --sim} commands. */
    static List<String> oneShotCommands(String readme) {
        List<String> block = new ArrayList<>();
        boolean inBlock = false;
        for (String line : readme.lines().toList()) {
            if (!inBlock && line.equals("```sh")) {
                inBlock = true;
                block.clear();
            } else if (inBlock && line.equals("```")) {
                inBlock = false;
                if (!block.isEmpty() && block.stream().allMatch(command -> command.startsWith("./probehost --sim "))) {
                    return List.copyOf(block);
                }
            } else if (inBlock) {
                block.add(line);
            }
        }
        throw new AssertionError("README.md has no sh code block of ./probehost --sim commands");
    }

    private static void succeeded(Result result) {
        assertEquals(result.both(), 0, result.status());
        assertFalse("no command failed: " + result.both(), result.both().contains("Error:"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** Runs a README command line with bash in the top folder, as typed there, with {@code input} piped in. */
    private Result run(String commandLine, String input) throws Exception {
        File out = Files.createTempFile("probehost-readme-out", ".txt").toFile();
        File err = Files.createTempFile("probehost-readme-err", ".txt").toFile();
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", commandLine).directory(top.toFile())
                .redirectOutput(out).redirectError(err);
        builder.environment().put("PROBEHOST_STATE", state.toString());
        builder.environment().put("PROBEHOST_DEPLOY", deploy.toString());
        builder.environment().remove("PROBEHOST_LAB");
        if (input == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process process = builder.start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(commandLine + " did not exit within 180 s");
        }
        return new Result(commandLine, process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }
}
