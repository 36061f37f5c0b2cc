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
 * One running QEMU, ARM or RISC-V, whose physical memory is read with HMP {@code xp} through QMP
 * on stdio. Every wait is bounded; {@link #close()} kills the emulator. The RISC-V judges in
 * {@code firmware.riscv} use it through this module's test-jar.
 */
public final class QemuMonitor implements AutoCloseable {
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern HEX_WORD = Pattern.compile("0x([0-9a-fA-F]{8})");
    private static final int WORDS_PER_XP = 256;

    private final Process process;
    private final Path stderrFile;
    private final QmpChannel qmp;

    private QemuMonitor(Process process, Path stderrFile) {
        this.process = process;
        this.stderrFile = stderrFile;
        this.qmp = new QmpChannel(process.getInputStream(), process.getOutputStream(), REPLY_TIMEOUT);
    }

    /**
     * Starts {@code command} (which must include {@code -qmp stdio}) with stderr kept in a temp
     * file named after {@code name}, and completes the QMP handshake.
     *
     * @param debianPackage the package named in the error when the executable cannot be started
     */
    public static QemuMonitor start(String name, List<String> command, String debianPackage) throws IOException {
        Path stderrFile = Files.createTempFile("qemu-" + name, ".stderr");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(stderrFile.toFile()).start();
        } catch (IOException e) {
            Files.deleteIfExists(stderrFile);
            throw new IOException(command.get(0) + " cannot be started (Debian: apt-get install " + debianPackage + ")", e);
        }
        QemuMonitor qemu = new QemuMonitor(process, stderrFile);
        try {
            qemu.qmp.handshake();
        } catch (IOException e) {
            String stderr = qemu.stderr();
            qemu.close();
            throw new IOException("QEMU did not start: " + e.getMessage() + " stderr: " + stderr, e);
        }
        return qemu;
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
