package io.probehost.sim.probe.jlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.probe.cmsisdap.LinkMeter;

/**
 * The J-Link's command interpreter, as the protocol note describes it: one EMU_CMD request in, one
 * answer out (or none, for the commands that have none). SWD and JTAG go through HW_JTAG3 cycle by
 * cycle on the target's {@link SwjPins}; in SWD the captured SWDIO stream is one bit early, as a real
 * J-Link samples it (IN bit {@code i} is the level of cycle {@code i + 1}; the last bit repeats the
 * last level). A probe without SELECT_IF speaks JTAG only.
 */
final class JlinkFirmware {
    static final int INTERFACE_JTAG = 0;
    static final int INTERFACE_SWD = 1;
    static final int STATUS_OK = 0;
    static final int STATUS_NO_MEMORY = 0x06;
    static final int VERSION_LENGTH = 0x70;
    static final int ADAPTIVE_CLOCKING = 0xFFFF;

    private final JlinkConfig config;
    private final SwjPins pins;
    private final LinkMeter link;
    private int selectedInterface = INTERFACE_JTAG;
    private int speedKhz;
    private boolean targetPower;
    private boolean trstHigh = true;
    private boolean tmsLevel = true;
    private boolean tdiLevel = true;

    JlinkFirmware(JlinkConfig config, SwjPins pins, LinkMeter link) {
        this.config = config;
        this.pins = pins;
        this.link = link;
        this.speedKhz = config.defaultSpeedKhz();
    }

    int speedKhz() {
        return speedKhz;
    }

    int selectedInterface() {
        return selectedInterface;
    }

    boolean targetPower() {
        return targetPower;
    }

    /** Executes one whole request; returns the answer, or null for commands without one. */
    byte[] execute(byte[] request) {
        int command = request[0] & 0xFF;
        switch (command) {
            case EmuCommand.VERSION:
                return version();
            case EmuCommand.GET_CAPS:
                return u32(legacyCapabilities());
            case EmuCommand.GET_CAPS_EX:
                return requireCapability(JlinkConfig.CAP_GET_CAPS_EX, command) ? config.capabilities() : null;
            case EmuCommand.GET_HW_VERSION:
                return requireCapability(JlinkConfig.CAP_GET_HW_VERSION, command) ? u32(config.hardwareVersion()) : null;
            case EmuCommand.GET_SPEEDS:
                return requireCapability(JlinkConfig.CAP_SPEED_INFO, command) ? speeds() : null;
            case EmuCommand.GET_MAX_MEM_BLOCK:
                return requireCapability(JlinkConfig.CAP_GET_MAX_BLOCK_SIZE, command) ? u32(config.maxMemBlock()) : null;
            case EmuCommand.READ_CONFIG:
                return requireCapability(JlinkConfig.CAP_READ_CONFIG, command) ? filled(256) : null;
            case EmuCommand.GET_HW_INFO:
                return requireCapability(JlinkConfig.CAP_GET_HW_INFO, command) ? hardwareInfo(request) : null;
            case EmuCommand.GET_STATE:
                return state();
            case EmuCommand.SET_SPEED:
                speedKhz = (request[1] & 0xFF) | (request[2] & 0xFF) << 8;
                return null;
            case EmuCommand.SELECT_IF:
                return requireCapability(JlinkConfig.CAP_SELECT_IF, command) ? selectInterface(request[1] & 0xFF) : null;
            case EmuCommand.SET_KS_POWER:
                if (requireCapability(JlinkConfig.CAP_SET_KS_POWER, command)) {
                    targetPower = request[1] != 0;
                }
                return null;
            case EmuCommand.HW_JTAG2:
            case EmuCommand.HW_JTAG3:
                return bitStream(request, command == EmuCommand.HW_JTAG3);
            case EmuCommand.HW_RESET0:
                pins.setResetAsserted(true);
                return null;
            case EmuCommand.HW_RESET1:
                pins.setResetAsserted(false);
                return null;
            case EmuCommand.RESET_TARGET:
                pins.setResetAsserted(true);
                pins.setResetAsserted(false);
                return null;
            case EmuCommand.HW_TRST0:
                trstHigh = false;
                pins.jtagReset();
                return null;
            case EmuCommand.HW_TRST1:
                trstHigh = true;
                return null;
            case EmuCommand.RESET_TRST:
                pins.jtagReset();
                return null;
            default:
                throw new IllegalStateException(String.format("EMU_CMD 0x%02X is not understood", command));
        }
    }

    private boolean requireCapability(int capability, int command) {
        if (!config.has(capability)) {
            throw new IllegalStateException(String.format(
                    "EMU_CMD 0x%02X needs capability %d, which this J-Link does not have", command, capability));
        }
        return true;
    }

    private int legacyCapabilities() {
        return ByteBuffer.wrap(config.capabilities(), 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private byte[] version() {
        byte[] text = config.firmware().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer answer = ByteBuffer.allocate(2 + VERSION_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        answer.putShort((short) VERSION_LENGTH).put(text, 0, Math.min(text.length, VERSION_LENGTH - 1));
        return answer.array();
    }

    private byte[] speeds() {
        return ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putInt(config.baseFrequencyHz())
                .putShort((short) config.minDivider()).array();
    }

    /** Bit 0 of the mask: target power (0 or 1); bit 2: target current in mA (what a 5 V target draws). */
    private byte[] hardwareInfo(byte[] request) {
        int mask = ByteBuffer.wrap(request, 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer answer = ByteBuffer.allocate(4 * Integer.bitCount(mask)).order(ByteOrder.LITTLE_ENDIAN);
        for (int bit = 0; bit < 32; bit++) {
            if ((mask >>> bit & 1) != 0) {
                answer.putInt(bit == 0 ? (targetPower ? 1 : 0) : bit == 2 && targetPower ? 12 : 0);
            }
        }
        return answer.array();
    }

    private byte[] state() {
        int millivolts = config.poweredByProbe() && !targetPower ? 0 : config.targetMillivolts();
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) millivolts)
                .put((byte) 0).put(bit(tdiLevel)).put(bit(pins.tdo())).put(bit(tmsLevel))
                .put(bit(pins.resetPinHigh())).put(bit(trstHigh)).array();
    }

    /** 0xFF: the interfaces this probe has; 0xFE: the one selected; otherwise selects and returns the previous one. */
    private byte[] selectInterface(int wanted) {
        if (wanted == 0xFF) {
            return u32(config.interfaces());
        }
        if (wanted == 0xFE) {
            return u32(selectedInterface);
        }
        int previous = selectedInterface;
        if ((config.interfaces() >>> wanted & 1) != 0) {
            selectedInterface = wanted;
            speedKhz = config.defaultSpeedKhz();
        }
        return u32(previous);
    }

    /** HW_JTAG2/3: TMS (JTAG) or direction (SWD) vector, TDI or SWDIO-out vector; TDO or SWDIO-in back. */
    private byte[] bitStream(byte[] request, boolean withStatus) {
        int bits = EmuCommand.bitCount(request);
        int bytes = EmuCommand.vectorBytes(bits);
        byte[] answer = new byte[bytes + (withStatus ? 1 : 0)];
        if (4 + 2 * bytes > config.maxMemBlock()) {
            if (withStatus) {
                answer[bytes] = STATUS_NO_MEMORY;
            }
            return answer;
        }
        byte[] first = Arrays.copyOfRange(request, 4, 4 + bytes);
        byte[] second = Arrays.copyOfRange(request, 4 + bytes, 4 + 2 * bytes);
        boolean swd = selectedInterface == INTERFACE_SWD;
        boolean[] levels = new boolean[bits];
        for (int i = 0; i < bits; i++) {
            boolean a = bitAt(first, i);
            boolean b = bitAt(second, i);
            if (swd) {
                levels[i] = pins.swdClock(a, a && b);
                tmsLevel = levels[i];
            } else {
                tmsLevel = a;
                tdiLevel = b;
                levels[i] = pins.jtagClock(a, b);
            }
        }
        for (int i = 0; i < bits; i++) {
            // SWD: the capture runs one cycle early
            boolean level = swd ? levels[Math.min(i + 1, bits - 1)] : levels[i];
            if (level) {
                answer[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        link.wireCycles(!swd, bits, speedHz());
        return answer;
    }

    private long speedHz() {
        if (speedKhz == ADAPTIVE_CLOCKING || speedKhz == 0) {
            return config.defaultSpeedKhz() * 1000L;
        }
        return Math.min(speedKhz * 1000L, (long) config.baseFrequencyHz() / config.minDivider());
    }

    private static boolean bitAt(byte[] vector, int index) {
        return ((vector[index / 8] >>> (index % 8)) & 1) != 0;
    }

    private static byte bit(boolean level) {
        return (byte) (level ? 1 : 0);
    }

    private static byte[] u32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] filled(int length) {
        byte[] data = new byte[length];
        Arrays.fill(data, (byte) 0xFF);
        return data;
    }
}
