package io.probehost.arch.arm;

/**
 * A CoreSight component found while walking ROM tables.
 *
 * @param address        base address of its 4 KiB block
 * @param componentClass CIDR1[7:4]: 0x1 ROM table, 0x9 CoreSight, 0xE generic IP
 * @param partNumber     PIDR part number (12 bits)
 * @param designer       JEP106 designer code from the PIDRs (Arm = 0x23B)
 * @param devarch        DEVARCH of a class 0x9 component, 0 otherwise
 * @param role           what the debugger uses it for
 */
public record CoreSightComponent(long address, int componentClass, int partNumber, int designer, int devarch,
        Role role) {

    /** The components a Cortex-M debugger cares about. */
    public enum Role {
        ROM_TABLE, SCS, DWT, FPB, BPU, ITM, TPIU, ETM, OTHER
    }

    @Override
    public String toString() {
        return String.format("%s at 0x%08X (class 0x%X, part 0x%03X, designer 0x%03X)", role, address,
                componentClass, partNumber, designer);
    }
}
