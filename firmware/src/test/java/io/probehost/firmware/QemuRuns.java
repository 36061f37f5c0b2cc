package io.probehost.firmware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Runs each program on QEMU once per test JVM and keeps what it left in RAM. */
final class QemuRuns {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Map<Program, MemorySnapshot> SNAPSHOTS = new EnumMap<>(Program.class);

    private QemuRuns() {
    }

    static ResultBlock resultOf(Program program) {
        return snapshotOf(program).block();
    }

    static synchronized MemorySnapshot snapshotOf(Program program) {
        return SNAPSHOTS.computeIfAbsent(program, p -> {
            try (QemuMicrobit qemu = QemuMicrobit.start(p.elf())) {
                ResultBlock block = qemu.awaitResultBlock(TIMEOUT);
                return MemorySnapshot.take(p, block, qemu::readWords);
            } catch (IOException e) {
                throw new UncheckedIOException("QEMU run of " + p + " failed", e);
            } catch (Exception e) {
                throw new IllegalStateException("QEMU run of " + p + " failed", e);
            }
        });
    }
}
