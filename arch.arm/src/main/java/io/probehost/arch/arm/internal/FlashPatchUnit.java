package io.probehost.arch.arm.internal;

import io.probehost.api.debug.MemoryInterface;

/**
 * The FPB (or the ARMv6-M BPU, which has the FPBv1 layout) code comparators. FPBv1 compares word
 * addresses in the Code region and picks the halfword with REPLACE; FPBv2 takes any halfword address.
 */
final class FlashPatchUnit {
    private static final int CTRL_KEY_ENABLE = 0x3;
    private static final int COMP_ENABLE = 1;
    private static final long V1_LIMIT = 0x2000_0000L;
    private static final int REPLACE_LOWER = 0x4000_0000;
    private static final int REPLACE_UPPER = 0x8000_0000;

    private final MemoryInterface memory;
    private final long base;
    private final int revision;
    private final int codeComparators;

    FlashPatchUnit(MemoryInterface memory, long base) {
        this.memory = memory;
        this.base = base;
        int ctrl = memory.read32(base);
        this.revision = ctrl >>> 28;
        this.codeComparators = ((ctrl >>> 12) & 0x7) << 4 | ((ctrl >>> 4) & 0xF);
    }

    /** Clears every code comparator and enables the unit. */
    void enable() {
        for (int n = 0; n < codeComparators; n++) {
            memory.write32(comparator(n), 0);
        }
        memory.write32(base, CTRL_KEY_ENABLE);
        memory.flush();
    }

    int comparatorCount() {
        return codeComparators;
    }

    boolean isVersion2() {
        return revision >= 1;
    }

    boolean covers(long address) {
        return isVersion2() || address < V1_LIMIT;
    }

    String coverage() {
        return isVersion2() ? "any address" : "0x00000000-0x1FFFFFFF only (FPBv1)";
    }

    void set(int n, long address) {
        int value;
        if (isVersion2()) {
            value = (int) (address & 0xFFFF_FFFEL) | COMP_ENABLE;
        } else {
            int replace = (address & 2) != 0 ? REPLACE_UPPER : REPLACE_LOWER;
            value = (int) (address & 0x1FFF_FFFCL) | replace | COMP_ENABLE;
        }
        memory.write32(comparator(n), value);
        memory.flush();
    }

    void clear(int n) {
        memory.write32(comparator(n), 0);
        memory.flush();
    }

    private long comparator(int n) {
        return base + 8 + 4L * n;
    }
}
