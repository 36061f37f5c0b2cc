package io.probehost.sim.probe.stlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** The byte layout of the firmware's answers: status words, status-plus-value, and the identification answers. */
final class Answers {
    /** VREFINT (1.2 V) as a 12-bit ADC count with a 3.3 V reference. */
    private static final int VREFINT_COUNT = 1489;

    private Answers() {
    }

    static ByteBuffer answer(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A 2-byte status answer (status, padding). */
    static byte[] status(int status) {
        return new byte[] {(byte) status, 0};
    }

    /** An 8-byte answer: status at [0], the value (0 on failure) at [4..7]. */
    static byte[] valueAnswer(int status, int value) {
        return answer(8).put((byte) status).position(4).putInt(status == StlinkStatus.OK ? value : 0).array();
    }

    /** GET_VERSION: the version word big-endian, then VID and PID little-endian. */
    static byte[] version(StlinkConfig config) {
        return answer(6).order(ByteOrder.BIG_ENDIAN).putShort((short) config.versionWord())
                .order(ByteOrder.LITTLE_ENDIAN).putShort((short) StlinkModel.VENDOR_ID)
                .putShort((short) config.model().productId()).array();
    }

    /** GET_VERSION_EX: HW, SWIM, JTAG, MSC, bridge, power versions, 2 reserved bytes, VID, PID. */
    static byte[] versionEx(StlinkConfig config) {
        return answer(12).put((byte) config.model().hardwareVersion()).put((byte) 0).put((byte) config.jtagVersion())
                .put((byte) config.swimOrMsc()).put((byte) config.bridgeVersion())
                .put((byte) (config.model() == StlinkModel.V3PWR ? 1 : 0)).position(8)
                .putShort((short) StlinkModel.VENDOR_ID).putShort((short) config.model().productId()).array();
    }

    /** GET_TARGET_VOLTAGE: a0 = the VREFINT count, a1 = half the target supply; V = 2 * a1 * 1.2 / a0. */
    static byte[] targetVoltage(StlinkConfig config) {
        int a1 = Math.round(config.targetMillivolts() * VREFINT_COUNT / 2400f);
        return answer(8).putInt(VREFINT_COUNT).putInt(a1).array();
    }

    /** GET_BOARD_IDENTIFIERS: 128 bytes, status word, the 4 ASCII characters of the board ID (zeros if none). */
    static byte[] boardIdentifiers(StlinkConfig config) {
        ByteBuffer out = answer(128).put((byte) StlinkStatus.OK).put((byte) 0);
        if (config.boardId() != null) {
            out.put(config.boardId().getBytes(StandardCharsets.US_ASCII));
        }
        return out.array();
    }
}
