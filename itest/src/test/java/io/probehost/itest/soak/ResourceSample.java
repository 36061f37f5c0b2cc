package io.probehost.itest.soak;

/** The station's resources after {@code commands} commands: threads, heap in use after a full GC (KiB), open files. */
record ResourceSample(int commands, long threads, long heapKib, long fds) {
}
