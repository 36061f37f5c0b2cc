package io.probehost.firmware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Runs each program on QEMU once per test JVM and keeps the result block and a memory reader. */
final class QemuRuns {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Map<Program, ResultBlock> RESULTS = new EnumMap<>(Program.class);

    private QemuRuns() {
    }

    static synchronized ResultBlock resultOf(Program program) {
        return RESULTS.computeIfAbsent(program, p -> {
            try {
                return QemuMicrobit.run(p, TIMEOUT);
            } catch (IOException e) {
                throw new UncheckedIOException("QEMU run of " + p + " failed", e);
            }
        });
    }
}
