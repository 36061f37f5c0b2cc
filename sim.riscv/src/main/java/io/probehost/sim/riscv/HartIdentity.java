package io.probehost.sim.riscv;

/**
 * The read-only identification CSRs of a hart. {@code misa} is only reported: the hart executes
 * RV32IMAC in M-mode whatever it says (the GD32VF103's Bumblebee reports 0x40901105, with U and X,
 * and marchid 0x80000022).
 */
public record HartIdentity(int misa, int mvendorid, int marchid, int mimpid, int mhartid) {
    /** RV32IMAC, all IDs zero: a generic implementation, and what QEMU's {@code rv32} CPU reports as misa and mhartid. */
    public static final HartIdentity GENERIC = new HartIdentity(ControlStatusRegisters.MISA_RV32IMAC, 0, 0, 0, 0);
}
