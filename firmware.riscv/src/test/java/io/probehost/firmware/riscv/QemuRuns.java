package io.probehost.firmware.riscv;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Runs each program on QEMU once per test JVM and keeps its result block. */
final class QemuRuns {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Map<Program, ResultBlock> BLOCKS = new EnumMap<>(Program.class);

    private QemuRuns() {
    }

    static synchronized ResultBlock resultOf(Program program) {
        return BLOCKS.computeIfAbsent(program, p -> {
            try (QemuVirt qemu = QemuVirt.start(p.virtElf())) {
                return qemu.awaitResultBlock(TIMEOUT);
            } catch (IOException e) {
                throw new UncheckedIOException("QEMU run of " + p + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
    }
}
