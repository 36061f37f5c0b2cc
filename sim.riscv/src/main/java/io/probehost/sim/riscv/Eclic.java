package io.probehost.sim.riscv;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.bus.LittleEndian;

/**
 * The Nuclei ECLIC of the Bumblebee core (0xD2000000 on the GD32VF103): {@code cliccfg} (+0,
 * nlbits in bits 4:1), {@code clicinfo} (+4, read-only), {@code mth} (+0xB), and per source i at
 * +0x1000+4i the bytes {@code clicintip}, {@code clicintie}, {@code clicintattr} (shv bit 0, trig
 * bits 2:1, mode bits 7:6 reading 3) and {@code clicintctl} (4 implemented bits, the low four read
 * 1). Sources 3 (software) and 7 (timer) follow the hart's MSIP and MTIP lines; an edge-triggered
 * source's pending bit clears when the hart takes it. Arbitration: the enabled pending source with
 * the highest {@code clicintctl} (level, then priority), then the highest id; it is taken if its
 * level exceeds both the hart's current level and {@code mth}.
 */
public final class Eclic implements MemoryPort {
    public static final int BASE = 0xD200_0000;
    public static final int SIZE = 0x2000;
    public static final int SOURCES = 87;
    public static final int SOFTWARE_SOURCE = 3;
    public static final int TIMER_SOURCE = 7;
    private static final int CLICCFG = 0x0;
    private static final int CLICINFO = 0x4;
    private static final int MTH = 0xB;
    private static final int SOURCE_BASE = 0x1000;
    private static final int CTL_BITS = 4;
    /** 87 sources, version 0x11, 4 clicintctl bits. */
    private static final int INFO = SOURCES | 0x11 << 13 | CTL_BITS << 21;

    private final byte[] registers = new byte[SIZE];
    private int hardwareLines;
    private boolean dirty = true;
    private int best = -1;

    public Eclic() {
        reset();
    }

    public void reset() {
        java.util.Arrays.fill(registers, (byte) 0);
        LittleEndian.put(registers, CLICINFO, 4, INFO);
        for (int source = 0; source < SOURCES; source++) {
            registers[SOURCE_BASE + 4 * source + 2] = (byte) 0xC0;
            registers[SOURCE_BASE + 4 * source + 3] = (byte) ((1 << (8 - CTL_BITS)) - 1);
        }
        hardwareLines = 0;
        dirty = true;
    }

    /** The level of the hart's MSIP (source 3) or MTIP (source 7) line. */
    void setLine(int source, boolean level) {
        int bit = 1 << source;
        int lines = level ? hardwareLines | bit : hardwareLines & ~bit;
        if (lines != hardwareLines) {
            hardwareLines = lines;
            dirty = true;
        }
    }

    private boolean pending(int source) {
        if (source == SOFTWARE_SOURCE || source == TIMER_SOURCE) {
            return (hardwareLines & 1 << source) != 0;
        }
        return (registers[SOURCE_BASE + 4 * source] & 1) != 0;
    }

    boolean enabled(int source) {
        return (registers[SOURCE_BASE + 4 * source + 1] & 1) != 0;
    }

    /** The interrupt to take above {@code currentLevel}, or -1. */
    int select(int currentLevel) {
        if (dirty) {
            best = -1;
            int bestCtl = -1;
            for (int source = 0; source < SOURCES; source++) {
                int ctl = registers[SOURCE_BASE + 4 * source + 3] & 0xFF;
                if (pending(source) && enabled(source) && ctl >= bestCtl) {
                    best = source;
                    bestCtl = ctl;
                }
            }
            dirty = false;
        }
        if (best < 0) {
            return -1;
        }
        int level = level(best);
        return level > currentLevel && level > (registers[MTH] & 0xFF) ? best : -1;
    }

    /** The interrupt level of {@code source}: its clicintctl's nlbits top bits, the rest ones. */
    int level(int source) {
        int nlbits = Math.min(registers[CLICCFG] >>> 1 & 0xF, 8);
        int ctl = registers[SOURCE_BASE + 4 * source + 3] & 0xFF;
        int levelMask = (0xFF << (8 - nlbits)) & 0xFF;
        return (ctl & levelMask) | (~levelMask & 0xFF);
    }

    boolean vectored(int source) {
        return (registers[SOURCE_BASE + 4 * source + 2] & 1) != 0;
    }

    /** The hart took {@code source}: an edge-triggered source's pending bit clears. */
    void claim(int source) {
        if ((registers[SOURCE_BASE + 4 * source + 2] & 2) != 0) {
            registers[SOURCE_BASE + 4 * source] = 0;
            dirty = true;
        }
    }

    @Override
    public int read(int offset, AccessSize size) {
        int value = 0;
        for (int i = size.bytes() - 1; i >= 0; i--) {
            value = value << 8 | readByte(offset + i);
        }
        return value;
    }

    private int readByte(int offset) {
        int source = (offset - SOURCE_BASE) >> 2;
        if (offset >= SOURCE_BASE && source < SOURCES && (offset & 3) == 0) {
            return pending(source) ? 1 : 0;
        }
        return registers[offset] & 0xFF;
    }

    @Override
    public void write(int offset, AccessSize size, int value) {
        for (int i = 0; i < size.bytes(); i++) {
            writeByte(offset + i, value >>> (8 * i) & 0xFF);
        }
        dirty = true;
    }

    private void writeByte(int offset, int value) {
        if (offset == CLICCFG) {
            registers[offset] = (byte) (value & 0x1E);
        } else if (offset == MTH) {
            registers[offset] = (byte) value;
        } else if (offset >= SOURCE_BASE && offset < SOURCE_BASE + 4 * SOURCES) {
            switch (offset & 3) {
                case 0, 1 -> registers[offset] = (byte) (value & 1);
                case 2 -> registers[offset] = (byte) (0xC0 | value & 7);
                default -> registers[offset] = (byte) (value | (1 << (8 - CTL_BITS)) - 1);
            }
        }
    }
}
