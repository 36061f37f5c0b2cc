package io.probehost.driver.pemicro.internal;

/** The {@code pe_special_features} codes this driver uses (PE Micro note, section 4). */
enum PeFeature {
    POWER_ON(0x3800_0011),
    POWER_OFF(0x3800_0012),
    SET_COMM_MODE(0x4400_0001),
    ENABLE_DEBUG_MODULE(0x4400_0002),
    WRITE_AP(0x4400_0003),
    READ_AP(0x4400_0004),
    FLUSH(0x4400_0005),
    LAST_SWD_STATUS(0x4400_0006),
    WRITE_DP(0x4400_0007),
    READ_DP(0x4400_0008),
    SELECT_DEVICE(0x5800_4001),
    SET_APPLICATION_FILES_DIRECTORY(0x5800_6000);

    /** Communication modes of {@link #SET_COMM_MODE}: the inverse of pypemicro's interface enum. */
    static final int COMM_MODE_SWD = 0;
    static final int COMM_MODE_JTAG = 1;

    private final int code;

    PeFeature(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** The code as the note writes it, for messages. */
    String display() {
        return String.format("%s (0x%08X)", name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), code);
    }
}
