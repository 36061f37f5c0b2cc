package io.probehost.firmware;

import java.nio.file.Path;

/** The test programs, with the id each writes into its result block. */
public enum Program {
    TORTURE("torture", 0x5452_4F54),    // "TORT"
    TORTURE_O2("torture-o2", 0x5452_4F54), // the same checks compiled with -O2
    EXCEPTIONS("exceptions", 0x5043_5845), // "EXCP"
    FAULTS("faults", 0x5354_4C46),      // "FLTS"
    RTT("rtt", 0x5F54_5452),            // "RTT_"
    FUZZ("fuzz", 0x5A5A_5546),          // "FUZZ"
    FUZZ_MEMORY("fuzz-mem", 0x4D5A_5546), // "FUZM"
    /* The lockup programs end in lockup, not in DONE: QEMU aborts on them, LockupOnLabTest judges the lab. */
    LOCKUP_UDF("lockup-udf", 0x4B43_4F4C), // "LOCK"
    LOCKUP_SVC("lockup-svc", 0x4B43_4F4C),
    LOCKUP_NMI("lockup-nmi", 0x4B43_4F4C);

    /** The programs that run to DONE on QEMU, whose RAM the lab must reproduce. */
    static final String RUNS_TO_DONE = "^(?!LOCKUP_).*";

    private final String imageName;
    private final int id;

    Program(String imageName, int id) {
        this.imageName = imageName;
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** BKPT must escalate to HardFault, as with no debugger attached (QEMU without gdb). */
    public boolean runsWithoutDebugger() {
        return this == FAULTS || name().startsWith("LOCKUP_");
    }

    public Path elf() {
        return image(".elf");
    }

    public Path bin() {
        return image(".bin");
    }

    private Path image(String extension) {
        return FirmwareImage.path(imageName + extension);
    }
}
