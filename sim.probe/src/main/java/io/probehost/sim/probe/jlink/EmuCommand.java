package io.probehost.sim.probe.jlink;

/** The EMU_CMD codes the emulator answers, with the length of each request. */
final class EmuCommand {
    static final int VERSION = 0x01;
    static final int RESET_TRST = 0x02;
    static final int RESET_TARGET = 0x03;
    static final int SET_SPEED = 0x05;
    static final int GET_STATE = 0x07;
    static final int SET_KS_POWER = 0x08;
    static final int GET_SPEEDS = 0xC0;
    static final int GET_HW_INFO = 0xC1;
    static final int SELECT_IF = 0xC7;
    static final int HW_JTAG2 = 0xCE;
    static final int HW_JTAG3 = 0xCF;
    static final int GET_MAX_MEM_BLOCK = 0xD4;
    static final int HW_RESET0 = 0xDC;
    static final int HW_RESET1 = 0xDD;
    static final int HW_TRST0 = 0xDE;
    static final int HW_TRST1 = 0xDF;
    static final int GET_CAPS = 0xE8;
    static final int GET_CAPS_EX = 0xED;
    static final int GET_HW_VERSION = 0xF0;
    static final int READ_CONFIG = 0xF2;

    private EmuCommand() {
    }

    /**
     * The length of the request at the start of {@code buffer} ({@code available} bytes), or -1 when
     * more bytes must come to know it or to complete it.
     */
    static int requestLength(byte[] buffer, int available) {
        if (available == 0) {
            return -1;
        }
        int length;
        switch (buffer[0] & 0xFF) {
            case SET_SPEED:
                length = 3;
                break;
            case SET_KS_POWER:
            case SELECT_IF:
                length = 2;
                break;
            case GET_HW_INFO:
                length = 5;
                break;
            case HW_JTAG2:
            case HW_JTAG3:
                if (available < 4) {
                    return -1;
                }
                length = 4 + 2 * vectorBytes(bitCount(buffer));
                break;
            default:
                length = 1;
        }
        return available >= length ? length : -1;
    }

    static int bitCount(byte[] request) {
        return (request[2] & 0xFF) | (request[3] & 0xFF) << 8;
    }

    static int vectorBytes(int bits) {
        return (bits + 7) / 8;
    }
}
