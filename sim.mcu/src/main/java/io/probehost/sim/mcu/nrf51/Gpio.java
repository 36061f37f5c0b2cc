package io.probehost.sim.mcu.nrf51;

import io.probehost.sim.mcu.bus.WordRegisters;

/** GPIO port at 0x50000000: OUT/DIR with SET/CLR aliases and PIN_CNF; inputs read low. */
final class Gpio extends WordRegisters {
    static final int BASE = 0x5000_0000;
    private static final int PIN_CNF_DEFAULT = 2; // input, buffer disconnected

    private int out;
    private int dir;
    private final int[] pinConfig = new int[32];

    Gpio() {
        reset();
    }

    void reset() {
        out = 0;
        dir = 0;
        java.util.Arrays.fill(pinConfig, PIN_CNF_DEFAULT);
    }

    int out() {
        return out;
    }

    @Override
    protected int readWord(int offset) {
        switch (offset) {
            case 0x504: case 0x508: case 0x50C: return out;
            case 0x510: return out & dir;
            case 0x514: case 0x518: case 0x51C: return dir;
            default:
                if (offset >= 0x700 && offset < 0x780) {
                    return pinConfig[(offset - 0x700) / 4];
                }
                return 0;
        }
    }

    @Override
    protected void writeWord(int offset, int value) {
        switch (offset) {
            case 0x504: out = value; break;
            case 0x508: out |= value; break;
            case 0x50C: out &= ~value; break;
            case 0x514: setDir(value); break;
            case 0x518: setDir(dir | value); break;
            case 0x51C: setDir(dir & ~value); break;
            default:
                if (offset >= 0x700 && offset < 0x780) {
                    int pin = (offset - 0x700) / 4;
                    pinConfig[pin] = value;
                    dir = (dir & ~(1 << pin)) | ((value & 1) << pin);
                }
                break;
        }
    }

    private void setDir(int value) {
        dir = value;
        for (int pin = 0; pin < 32; pin++) {
            pinConfig[pin] = (pinConfig[pin] & ~1) | ((value >>> pin) & 1);
        }
    }
}
