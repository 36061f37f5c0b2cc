package io.probehost.sim.mcu.cpu;

/**
 * The breakpoint and watchpoint units as the core consults them on each instruction and access.
 * The DWT is disabled while DEMCR.DWTENA (TRCENA on ARMv7-M) is clear: the core asks
 * {@link #pcMatchAt} and {@link #dataMatch} only while it is set.
 */
public interface DebugComparators {

    /** True if an enabled FPB comparator matches the instruction at {@code pc}. */
    boolean breakpointAt(int pc);

    /** True if a DWT comparator in PC-match mode matches {@code pc}; marks it MATCHED. */
    boolean pcMatchAt(int pc);

    /** True if a DWT data comparator matches this CPU access; marks it MATCHED. */
    boolean dataMatch(int address, int bytes, boolean write);

    /**
     * FPB remap (ARMv7-M): the address a core instruction fetch or data load in the Code region
     * reads instead of {@code address}, or {@code address} itself. Debugger accesses are not remapped.
     */
    default int remap(int address, boolean instruction) {
        return address;
    }

    /** False only while {@link #breakpointAt} is false for every address (the FPB disabled). */
    default boolean breakpointsEnabled() {
        return true;
    }

    /** True if {@link #remap} may return another address for some instruction fetch now. */
    default boolean remapping() {
        return false;
    }

    DebugComparators NONE = new DebugComparators() {
        @Override
        public boolean breakpointsEnabled() {
            return false;
        }

        @Override
        public boolean breakpointAt(int pc) {
            return false;
        }

        @Override
        public boolean pcMatchAt(int pc) {
            return false;
        }

        @Override
        public boolean dataMatch(int address, int bytes, boolean write) {
            return false;
        }
    };
}
