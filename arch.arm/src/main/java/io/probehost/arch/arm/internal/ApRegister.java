package io.probehost.arch.arm.internal;

/** ADIv5 (APv1) MEM-AP register offsets and CSW fields. */
final class ApRegister {
    static final int CSW = 0x00;
    static final int TAR = 0x04;
    static final int DRW = 0x0C;
    /** Banked data: BD0-BD3 reach TAR[31:4] + 0x0, 0x4, 0x8, 0xC without moving TAR. */
    static final int BD0 = 0x10;
    static final int CFG = 0xF4;
    static final int BASE = 0xF8;
    static final int IDR = 0xFC;

    static final int CSW_SIZE_MASK = 0x7;
    static final int CSW_ADDRINC_SINGLE = 0x10;
    static final int CSW_ADDRINC_MASK = 0x30;
    static final int CSW_DEVICE_EN = 0x40;
    static final int CSW_TR_IN_PROG = 0x80;
    /** HPROT1 (privileged) and MasterType (debug) on an AHB-AP. */
    static final int CSW_AHB_PRIVILEGED_DEBUG = (1 << 25) | (1 << 29);

    private ApRegister() {
    }

    static String name(int register) {
        return switch (register) {
            case CSW -> "CSW";
            case TAR -> "TAR";
            case DRW -> "DRW";
            case BD0 -> "BD0";
            case BD0 + 0x4 -> "BD1";
            case BD0 + 0x8 -> "BD2";
            case BD0 + 0xC -> "BD3";
            case CFG -> "CFG";
            case BASE -> "BASE";
            case IDR -> "IDR";
            default -> String.format("0x%02X", register);
        };
    }
}
