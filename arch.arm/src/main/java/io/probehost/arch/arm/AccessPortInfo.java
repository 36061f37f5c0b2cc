package io.probehost.arch.arm;

/**
 * An ADIv5 access port found by reading its IDR.
 *
 * @param index APSEL
 * @param idr   the IDR value (never 0)
 */
public record AccessPortInfo(int index, int idr) {
    /** IDR.CLASS of a memory access port. */
    public static final int CLASS_MEM_AP = 0x8;

    public int apClass() {
        return (idr >>> 13) & 0xF;
    }

    /** IDR.TYPE: the bus of a MEM-AP (1 AHB3, 2 APB, 4 AXI, 5 AHB5, 8 AHB5 with enhanced HPROT). */
    public int type() {
        return idr & 0xF;
    }

    /** JEP106 designer: continuation code in bits 10:7, identity code in bits 6:0 (Arm = 0x23B). */
    public int designer() {
        return (idr >>> 17) & 0x7FF;
    }

    public boolean isMemAp() {
        return apClass() == CLASS_MEM_AP;
    }

    public boolean isAhb() {
        return isMemAp() && (type() == 0x1 || type() == 0x5 || type() == 0x8);
    }

    @Override
    public String toString() {
        String kind = switch (isMemAp() ? type() : -1) {
            case 0x1 -> "AHB3-AP";
            case 0x2 -> "APB-AP";
            case 0x4 -> "AXI-AP";
            case 0x5, 0x8 -> "AHB5-AP";
            case 0x6 -> "APB4-AP";
            case 0x7 -> "AXI5-AP";
            case -1 -> apClass() == 0x1 ? "COM-AP" : "AP";
            default -> "MEM-AP";
        };
        return String.format("AP%d %s (IDR 0x%08X)", index, kind, idr);
    }
}
