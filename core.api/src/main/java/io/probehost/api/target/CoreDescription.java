package io.probehost.api.target;

/**
 * One core of a target.
 *
 * @param name         core name within the target, such as {@code core0}
 * @param type         core type, such as {@code Cortex-M0} or {@code RV32IMAC}
 * @param architecture {@code armv6m}, {@code armv7m}, {@code armv7em}, {@code armv8m}, {@code riscv}
 * @param apAddress    MEM-AP index (ARM) or hart index (RISC-V)
 */
public record CoreDescription(String name, String type, String architecture, int apAddress) {
}
