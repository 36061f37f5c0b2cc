package io.probehost.sim.mcu.cpu;

/** The breakpoint and watchpoint units as the core consults them on each instruction and access. */
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

    DebugComparators NONE = new DebugComparators() {
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
