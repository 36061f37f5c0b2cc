package io.probehost.sim.mcu.scs;

/**
 * The peripheral and component ID registers at offsets 0xFD0-0xFFC of a CoreSight component's
 * 4 KiB block, with the Cortex-M0 and Cortex-M3 values (ARM JEP106 0x3B, continuation code 4;
 * revision 0 in PID2 for all).
 */
public enum CoreSightId {
    /** Cortex-M0 ROM table, part 0x471, class 1 (ROM table). */
    ROM_TABLE(new int[] {0x71, 0xB4, 0x0B, 0x00, 0x04}, 0x10),
    /** Cortex-M0 System Control Space, part 0x008, class 0xE (generic IP). */
    SCS(new int[] {0x08, 0xB0, 0x0B, 0x00, 0x04}, 0xE0),
    /** Cortex-M0 DWT, part 0x00A. */
    DWT(new int[] {0x0A, 0xB0, 0x0B, 0x00, 0x04}, 0xE0),
    /** Cortex-M0 breakpoint unit, part 0x00B. */
    BPU(new int[] {0x0B, 0xB0, 0x0B, 0x00, 0x04}, 0xE0),
    /** Cortex-M3 ROM table, part 0x4C3. */
    ROM_TABLE_M3(new int[] {0xC3, 0xB4, 0x0B, 0x00, 0x04}, 0x10),
    /** Cortex-M3 System Control Space, part 0x000. */
    SCS_M3(new int[] {0x00, 0xB0, 0x0B, 0x00, 0x04}, 0xE0),
    /** Cortex-M3 DWT, part 0x002. */
    DWT_M3(new int[] {0x02, 0xB0, 0x0B, 0x00, 0x04}, 0xE0),
    /** Cortex-M3 FPB, part 0x003. */
    FPB_M3(new int[] {0x03, 0xB0, 0x0B, 0x00, 0x04}, 0xE0),
    /** Cortex-M3 ITM, part 0x001. */
    ITM_M3(new int[] {0x01, 0xB0, 0x0B, 0x00, 0x04}, 0xE0),
    /** Cortex-M3 TPIU, part 0x923, class 9 (CoreSight component). */
    TPIU_M3(new int[] {0x23, 0xB9, 0x0B, 0x00, 0x04}, 0x90),
    /** Cortex-M3 ETM, part 0x924, class 9. */
    ETM_M3(new int[] {0x24, 0xB9, 0x0B, 0x00, 0x04}, 0x90);

    public static final int FIRST_OFFSET = 0xFD0;
    private final int[] pid;
    private final int cid1;

    CoreSightId(int[] pid, int cid1) {
        this.pid = pid;
        this.cid1 = cid1;
    }

    /** True for offsets 0xFD0..0xFFC. */
    public static boolean covers(int offset) {
        return offset >= FIRST_OFFSET && offset < 0x1000;
    }

    /** Value of the ID register at {@code offset} (word-aligned, 0xFD0..0xFFC). */
    public int read(int offset) {
        switch (offset & ~3) {
            case 0xFD0: return pid[4];
            case 0xFE0: return pid[0];
            case 0xFE4: return pid[1];
            case 0xFE8: return pid[2];
            case 0xFEC: return pid[3];
            case 0xFF0: return 0x0D;
            case 0xFF4: return cid1;
            case 0xFF8: return 0x05;
            case 0xFFC: return 0xB1;
            default: return 0; // PID5-7
        }
    }
}
