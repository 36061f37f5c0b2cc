package io.probehost.sim.probe.stlink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One virtual ST-Link: its hardware, firmware version and identity.
 *
 * @param model           the hardware variant (PID, endpoints, bus speed)
 * @param jtagVersion     the J of "V2J37S7": the JTAG/SWD firmware version that gates every feature
 * @param swimOrMsc       the S (SWIM) of a V2, the M (mass storage) of a V2-1 or V3
 * @param bridgeVersion   the B of a V3 ("V3J15M7B5"); 0 on V2
 * @param serialNumber    the USB serial string (24 hex characters on real probes)
 * @param boardId         the 4-character board ID GET_BOARD_IDENTIFIERS reports (Nucleo-F103RB: 0700), or
 *                        null for a stand-alone probe (answered as all zeros)
 * @param targetMillivolts the target supply GET_TARGET_VOLTAGE measures
 * @param stm32Only       the firmware talks to STM32 targets only (see {@link StlinkFirmware})
 * @param timing          the USB latency and throughput the link model charges per packet
 */
public record StlinkConfig(StlinkModel model, int jtagVersion, int swimOrMsc, int bridgeVersion,
        String serialNumber, String boardId, int targetMillivolts, boolean stm32Only, StlinkLinkTiming timing) {

    public StlinkConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(timing, "timing");
        if (jtagVersion < 0 || jtagVersion > 63 || swimOrMsc < 0 || swimOrMsc > 63) {
            throw new IllegalArgumentException("firmware version fields are 6 bits");
        }
        if (boardId != null && boardId.length() != 4) {
            throw new IllegalArgumentException("a board ID has 4 characters: " + boardId);
        }
    }

    /** An ST-Link/V2-1 on a Nucleo-F103RB (board ID 0700), firmware V2J37M26 (STM32-only). */
    public static StlinkConfig nucleoF103rb(String serial) {
        return new StlinkConfig(StlinkModel.V2_1, 37, 26, 0, serial, "0700", 3300, true,
                StlinkLinkTiming.FULL_SPEED);
    }

    /** A stand-alone STLINK-V3SET, firmware V3J7M3B2 (STM32-only, no board ID). */
    public static StlinkConfig stlinkV3(String serial) {
        return new StlinkConfig(StlinkModel.V3, 7, 3, 2, serial, null, 3300, true, StlinkLinkTiming.HIGH_SPEED);
    }

    /** An STLINK-V3PWR (hardware version 4). */
    public static StlinkConfig stlinkV3Pwr(String serial) {
        return new StlinkConfig(StlinkModel.V3PWR, 7, 0, 0, serial, null, 3300, true, StlinkLinkTiming.HIGH_SPEED);
    }

    /** A stand-alone ST-Link/V2 with firmware V2J23S4: too old for READ_DAP_REG and JTAG_SET_FREQ. */
    public static StlinkConfig outdatedV2(String serial) {
        return new StlinkConfig(StlinkModel.V2, 23, 4, 0, serial, null, 3300, false, StlinkLinkTiming.FULL_SPEED);
    }

    /** A stand-alone ST-Link/V2 with the given J version (talks to any target). */
    public static StlinkConfig v2(String serial, int jtagVersion) {
        return new StlinkConfig(StlinkModel.V2, jtagVersion, 7, 0, serial, null, 3300, false,
                StlinkLinkTiming.FULL_SPEED);
    }

    /** A stable ST-Link-style serial: 24 uppercase hex characters derived from {@code seed}. */
    public static String serialFor(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    public StlinkConfig withStm32Only(boolean only) {
        return new StlinkConfig(model, jtagVersion, swimOrMsc, bridgeVersion, serialNumber, boardId,
                targetMillivolts, only, timing);
    }

    /** The J threshold of a feature: {@code v2} on V2/V2-1, {@code v3} on V3/V3PWR. */
    boolean has(int v2, int v3) {
        return jtagVersion >= (model.isV3() ? v3 : v2);
    }

    /**
     * The GET_VERSION word: V (4 bits), J (6 bits), S or M (6 bits). V3 and V3PWR report J = S = 0 there
     * (the fields come from GET_VERSION_EX) but their own V: pyOCD takes the hardware version (3 or 4)
     * from this word, OpenOCD from GET_VERSION_EX byte 0.
     */
    int versionWord() {
        if (model.isV3()) {
            return model.hardwareVersion() << 12;
        }
        return model.hardwareVersion() << 12 | jtagVersion << 6 | swimOrMsc;
    }
}
