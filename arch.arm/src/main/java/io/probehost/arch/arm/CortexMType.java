package io.probehost.arch.arm;

/** Cortex-M cores by CPUID PARTNO (bits 15:4). */
public enum CortexMType {
    CORTEX_M0(0xC20, "Cortex-M0"),
    CORTEX_M0_PLUS(0xC60, "Cortex-M0+"),
    CORTEX_M1(0xC21, "Cortex-M1"),
    CORTEX_M3(0xC23, "Cortex-M3"),
    CORTEX_M4(0xC24, "Cortex-M4"),
    CORTEX_M7(0xC27, "Cortex-M7"),
    CORTEX_M23(0xD20, "Cortex-M23"),
    CORTEX_M33(0xD21, "Cortex-M33"),
    CORTEX_M55(0xD22, "Cortex-M55"),
    CORTEX_M85(0xD23, "Cortex-M85"),
    CORTEX_M35P(0xD31, "Cortex-M35P"),
    UNKNOWN(-1, "unknown Cortex-M");

    private final int partNumber;
    private final String displayName;

    CortexMType(int partNumber, String displayName) {
        this.partNumber = partNumber;
        this.displayName = displayName;
    }

    public int partNumber() {
        return partNumber;
    }

    public String displayName() {
        return displayName;
    }

    /** The core named by a CPUID value; {@link #UNKNOWN} for a part number not listed. */
    public static CortexMType fromCpuid(int cpuid) {
        int part = (cpuid >>> 4) & 0xFFF;
        for (CortexMType type : values()) {
            if (type.partNumber == part) {
                return type;
            }
        }
        return UNKNOWN;
    }

    /** ARMv8-M cores have DWT v2 and FPB v2 style comparators. */
    public boolean isArmV8M() {
        return partNumber >= 0xD20;
    }
}
