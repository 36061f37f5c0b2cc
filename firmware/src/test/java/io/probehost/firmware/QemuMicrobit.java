package io.probehost.firmware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one firmware image on {@code qemu-system-arm -M microbit} and reads its memory through
 * QMP on stdio. Every wait is bounded; {@link #close()} kills the emulator.
 */
public final class QemuMicrobit implements AutoCloseable {
    public static final String EXECUTABLE = "qemu-system-arm";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private final QemuMonitor qemu;

    private QemuMicrobit(QemuMonitor qemu) {
        this.qemu = qemu;
    }

    /** Starts the emulator with the ELF loaded; the core runs from reset at once. */
    public static QemuMicrobit start(Path elf) throws IOException {
        return start("microbit", elf);
    }

    /** Starts another QEMU board the same way (stm32vldiscovery for the Cortex-M3 programs). */
    public static QemuMicrobit start(String machine, Path elf) throws IOException {
        return new QemuMicrobit(QemuMonitor.start(machine, List.of(EXECUTABLE, "-M", machine, "-kernel", elf.toString(),
                "-nographic", "-monitor", "none", "-serial", "none", "-qmp", "stdio"), "qemu-system-arm"));
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
        return qemu.readWords(address, count);
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
        qemu.close();
    }
}
