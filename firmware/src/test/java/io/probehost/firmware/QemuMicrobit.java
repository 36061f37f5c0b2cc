package io.probehost.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one firmware image on {@code qemu-system-arm -M microbit} and reads its memory through
 * QMP on stdio. Every wait is bounded; {@link #close()} kills the emulator.
 */
public final class QemuMicrobit implements AutoCloseable {
    public static final String EXECUTABLE = "qemu-system-arm";
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Pattern HEX_WORD = Pattern.compile("0x([0-9a-fA-F]{8})");
    private static final int WORDS_PER_XP = 256;

    private final Process process;
    private final Path stderrFile;
    private final QmpChannel qmp;

    private QemuMicrobit(Process process, Path stderrFile) throws IOException {
        this.process = process;
        this.stderrFile = stderrFile;
        this.qmp = new QmpChannel(process.getInputStream(), process.getOutputStream(), REPLY_TIMEOUT);
    }

    /** Starts the emulator with the ELF loaded; the core runs from reset at once. */
    public static QemuMicrobit start(Path elf) throws IOException {
        return start("microbit", elf);
    }

    /** Starts another QEMU board the same way (stm32vldiscovery for the Cortex-M3 programs). */
    public static QemuMicrobit start(String machine, Path elf) throws IOException {
        Path stderrFile = Files.createTempFile("qemu-" + machine, ".stderr");
        ProcessBuilder builder = new ProcessBuilder(EXECUTABLE, "-M", machine, "-kernel", elf.toString(),
                "-nographic", "-monitor", "none", "-serial", "none", "-qmp", "stdio")
                .redirectError(stderrFile.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            Files.deleteIfExists(stderrFile);
            throw new IOException(EXECUTABLE + " cannot be started (Debian: apt-get install qemu-system-arm)", e);
        }
        QemuMicrobit qemu = new QemuMicrobit(process, stderrFile);
        try {
            qemu.qmp.handshake();
        } catch (IOException e) {
            String stderr = qemu.stderr();
            qemu.close();
            throw new IOException("QEMU did not start: " + e.getMessage() + " stderr: " + stderr, e);
        }
        return qemu;
    }

    /** Runs the program to its final status word and returns the result block. */
    public static ResultBlock run(Program program, Duration timeout) throws IOException {
        try (QemuMicrobit qemu = start(program.elf())) {
            return qemu.awaitResultBlock(timeout);
        }
    }

    /** How a QEMU run that was left to itself ended: its exit code and what it wrote to stderr. */
    public record Exit(int code, String stderr) {
    }

    /**
     * Runs an image that ends QEMU by itself (QEMU 7.2 aborts with "Lockup: ..." where the core
     * locks up) and returns how it ended; fails if it still runs after {@code timeout}.
     */
    public static Exit runToExit(Path elf, Duration timeout) throws IOException, InterruptedException {
        Path stderrFile = Files.createTempFile("qemu-microbit", ".stderr");
        try {
            Process process = new ProcessBuilder(EXECUTABLE, "-M", "microbit", "-kernel", elf.toString(),
                    "-nographic", "-monitor", "none", "-serial", "none")
                    .redirectError(stderrFile.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IOException(EXECUTABLE + " still ran after " + timeout + ": " + Files.readString(stderrFile).strip());
            }
            return new Exit(process.exitValue(), Files.readString(stderrFile));
        } finally {
            Files.deleteIfExists(stderrFile);
        }
    }

    /** Polls the status word until the program reports DONE or FAIL, then reads the whole block. */
    public ResultBlock awaitResultBlock(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ResultBlock.isFinished(readWords(ResultBlock.BASE, 1)[0])) {
            if (System.nanoTime() > deadline) {
                throw new IOException("no DONE/FAIL status at 0x" + Integer.toHexString(ResultBlock.BASE)
                        + " within " + timeout + "; block so far:" + new ResultBlock(readWords(ResultBlock.BASE, ResultBlock.WORDS)));
            }
            sleep(POLL_INTERVAL);
        }
        return new ResultBlock(readWords(ResultBlock.BASE, ResultBlock.WORDS));
    }

    /** Reads physical memory with HMP {@code xp}. */
    public int[] readWords(int address, int count) throws IOException {
        int[] words = new int[count];
        for (int done = 0; done < count; done += WORDS_PER_XP) {
            int chunk = Math.min(WORDS_PER_XP, count - done);
            List<Integer> parsed = parseXp(qmp.humanCommand(
                    String.format("xp /%dwx 0x%08x", chunk, address + 4 * done)));
            if (parsed.size() != chunk) {
                throw new IOException("xp gave " + parsed.size() + " words, expected " + chunk);
            }
            for (int i = 0; i < chunk; i++) {
                words[done + i] = parsed.get(i);
            }
        }
        return words;
    }

    private static List<Integer> parseXp(String text) {
        List<Integer> values = new ArrayList<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            Matcher matcher = HEX_WORD.matcher(colon < 0 ? line : line.substring(colon + 1));
            while (matcher.find()) {
                values.add(Integer.parseUnsignedInt(matcher.group(1), 16));
            }
        }
        return values;
    }

    private String stderr() {
        try {
            return Files.readString(stderrFile).strip();
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(stderrFile);
            } catch (IOException e) {
                // a leftover temp file is harmless
            }
        }
    }
}
