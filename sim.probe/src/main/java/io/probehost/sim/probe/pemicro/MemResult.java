package io.probehost.sim.probe.pemicro;

/** The library's {@code mem_result} codes, as the note lists them. */
enum MemResult {
    OK(0), NO_ACCESS(1), BUS_ERROR(2), UNIMPLEMENTED(3), UNINITIALISED(4), PROGRAMMING_ERROR(5);

    private final int code;

    MemResult(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
