package io.probehost.sim.riscv;

/** The read-only identification CSRs of a hart. */
public record HartIdentity(int mvendorid, int marchid, int mimpid, int mhartid) {
    /** All zero, like a generic implementation (and QEMU's {@code rv32} CPU for mhartid). */
    public static final HartIdentity GENERIC = new HartIdentity(0, 0, 0, 0);
}
