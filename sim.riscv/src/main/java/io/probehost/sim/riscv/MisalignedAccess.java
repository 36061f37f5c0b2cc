package io.probehost.sim.riscv;

/**
 * What a load or store (not LR/SC/AMO, which always trap) does at an address that is not a
 * multiple of its size.
 */
public enum MisalignedAccess {
    /** Trap with mcause 4 (load) or 6 (store), mtval the address: the GD32VF103's Bumblebee core. */
    TRAP,
    /** Split into byte accesses: QEMU's virt machine on RAM. */
    SPLIT
}
