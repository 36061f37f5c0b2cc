package io.probehost.firmware.riscv;

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
 * Runs one ELF on {@code qemu-system-riscv32 -M virt -bios none} with a CPU cut down to RV32IMAC
 * in M-mode (no F, D, S, U, H, MMU, PMP or bit-manipulation extensions), and reads its memory
 * with HMP {@code xp} through QMP on stdio. Every wait is bounded; {@link #close()} kills it.
 */
final class QemuVirt implements AutoCloseable {
    static final String EXECUTABLE = "qemu-system-riscv32";
    static final String CPU = "rv32,f=false,d=false,s=false,u=false,h=false,mmu=false,pmp=false,"
            + "zba=false,zbb=false,zbc=false,zbs=false";
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Pattern HEX_WORD = Pattern.compile("0x([0-9a-fA-F]{8})");
    private static final int WORDS_PER_XP = 256;

    private final Process process;
    private final Path stderrFile;
    private final QmpChannel qmp;

    private QemuVirt(Process process, Path stderrFile) {
        this.process = process;
        this.stderrFile = stderrFile;
        this.qmp = new QmpChannel(process.getInputStream(), process.getOutputStream(), REPLY_TIMEOUT);
    }

    static QemuVirt start(Path elf) throws IOException {
        Path stderrFile = Files.createTempFile("qemu-virt", ".stderr");
        ProcessBuilder builder = new ProcessBuilder(EXECUTABLE, "-M", "virt", "-cpu", CPU, "-bios", "none",
                "-kernel", elf.toString(), "-nographic", "-monitor", "none", "-serial", "none", "-qmp", "stdio")
                .redirectError(stderrFile.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            Files.deleteIfExists(stderrFile);
            throw new IOException(EXECUTABLE + " cannot be started (Debian: apt-get install qemu-system-misc)", e);
        }
        QemuVirt qemu = new QemuVirt(process, stderrFile);
        try {
            qemu.qmp.handshake();
        } catch (IOException e) {
            String stderr = Files.readString(stderrFile).strip();
            qemu.close();
            throw new IOException("QEMU did not start: " + e.getMessage() + " stderr: " + stderr, e);
        }
        return qemu;
    }

    /** Polls the status word until DONE or FAIL, then reads the whole block. */
    ResultBlock awaitResultBlock(Duration timeout) throws IOException, InterruptedException {
        int address = Platform.VIRT.resultBlockAddress();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ResultBlock.isFinished(readWords(address, 1)[0])) {
            if (System.nanoTime() > deadline) {
                throw new IOException("no DONE/FAIL status at 0x" + Integer.toHexString(address) + " within " + timeout);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return new ResultBlock(readWords(address, ResultBlock.WORDS));
    }

    int[] readWords(int address, int count) throws IOException {
        int[] words = new int[count];
        for (int done = 0; done < count; done += WORDS_PER_XP) {
            int chunk = Math.min(WORDS_PER_XP, count - done);
            List<Integer> parsed = parseXp(qmp.humanCommand(String.format("xp /%dwx 0x%08x", chunk, address + 4 * done)));
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
