package io.probehost.firmware.riscv;

/** Where each build of a program is linked: the result block sits at the same offset in RAM. */
enum Platform {
    /** QEMU's virt machine: code at 0x80000000, RAM at 0x80100000. */
    VIRT(0x8010_0000),
    /** The lab board (the GD32VF103's map): code in flash at 0x08000000, SRAM at 0x20000000. */
    LAB(0x2000_0000);

    static final int RESULT_OFFSET = 0x7000;

    private final int ramBase;

    Platform(int ramBase) {
        this.ramBase = ramBase;
    }

    int ramBase() {
        return ramBase;
    }

    int resultBlockAddress() {
        return ramBase + RESULT_OFFSET;
    }

    String suffix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
