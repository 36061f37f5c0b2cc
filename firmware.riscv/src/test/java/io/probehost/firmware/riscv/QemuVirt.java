package io.probehost.firmware.riscv;

import io.probehost.firmware.QemuMonitor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs one ELF on {@code qemu-system-riscv32 -M virt -bios none} with a CPU cut down to RV32IMAC
 * in M-mode (no F, D, S, U, H, MMU, PMP or bit-manipulation extensions), and reads its memory
 * with HMP {@code xp} through QMP on stdio (the ARM judges' {@link QemuMonitor}). Every wait is
 * bounded; {@link #close()} kills it.
 */
final class QemuVirt implements AutoCloseable {
    static final String EXECUTABLE = "qemu-system-riscv32";
    static final String CPU = "rv32,f=false,d=false,s=false,u=false,h=false,mmu=false,pmp=false,"
            + "zba=false,zbb=false,zbc=false,zbs=false";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private final QemuMonitor qemu;

    private QemuVirt(QemuMonitor qemu) {
        this.qemu = qemu;
    }

    static QemuVirt start(Path elf) throws IOException {
        return new QemuVirt(QemuMonitor.start("virt", List.of(EXECUTABLE, "-M", "virt", "-cpu", CPU, "-bios", "none",
                "-kernel", elf.toString(), "-nographic", "-monitor", "none", "-serial", "none", "-qmp", "stdio"),
                "qemu-system-misc"));
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
        return qemu.readWords(address, count);
    }

    @Override
    public void close() {
        qemu.close();
    }
}
