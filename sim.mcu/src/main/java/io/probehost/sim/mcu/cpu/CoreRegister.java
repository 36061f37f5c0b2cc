package io.probehost.sim.mcu.cpu;

/** The core registers a debugger reaches through DCRSR, with their REGSEL codes (ARMv6-M). */
public enum CoreRegister {
    R0(0x00), R1(0x01), R2(0x02), R3(0x03), R4(0x04), R5(0x05), R6(0x06), R7(0x07),
    R8(0x08), R9(0x09), R10(0x0A), R11(0x0B), R12(0x0C),
    /** The current stack pointer (MSP or PSP, by mode and CONTROL.SPSEL). */
    SP(0x0D),
    LR(0x0E),
    /** DebugReturnAddress: the address of the next instruction to execute. */
    PC(0x0F),
    XPSR(0x10),
    MSP(0x11),
    PSP(0x12),
    /** Packed [31:24] CONTROL, [23:16] FAULTMASK (RAZ), [15:8] BASEPRI (RAZ), [7:0] PRIMASK. */
    CONTROL_PRIMASK(0x14);

    private final int regsel;

    CoreRegister(int regsel) {
        this.regsel = regsel;
    }

    public int regsel() {
        return regsel;
    }

    /** The register for a REGSEL value, or null if the core has none there. */
    public static CoreRegister fromRegsel(int regsel) {
        for (CoreRegister r : values()) {
            if (r.regsel == regsel) {
                return r;
            }
        }
        return null;
    }

    public static CoreRegister general(int n) {
        return values()[n];
    }
}
