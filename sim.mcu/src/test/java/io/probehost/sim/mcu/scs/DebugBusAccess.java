package io.probehost.sim.mcu.scs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import java.util.function.IntPredicate;

/**
 * A test that talks to a chip as a debugger does through the AHB-AP: word reads and writes of the
 * debug registers, DHCSR polled while the core runs on its own thread, core registers moved through
 * DCRSR and DCRDR. A subclass sets {@link #bus} to the chip's debug bus.
 */
abstract class DebugBusAccess {
    static final int DHCSR = 0xE000_EDF0;
    static final int DCRSR = 0xE000_EDF4;
    static final int DCRDR = 0xE000_EDF8;
    static final int DEMCR = 0xE000_EDFC;
    static final int DFSR = 0xE000_ED30;
    static final int AIRCR = 0xE000_ED0C;
    static final int C_HALT = 1 << 1;
    static final int S_REGRDY = 1 << 16;
    static final int S_HALT = 1 << 17;
    static final int S_LOCKUP = 1 << 19;
    static final int S_RETIRE_ST = 1 << 24;
    static final int S_RESET_ST = 1 << 25;
    static final int REG_R0 = 0x00;
    static final int REG_PC = 0x0F;

    MemoryPort bus;

    int read(int address) throws BusFault {
        return bus.read(address, AccessSize.WORD);
    }

    void write(int address, int value) throws BusFault {
        bus.write(address, AccessSize.WORD, value);
    }

    /** Polls DHCSR until {@code until} holds (at most about two seconds); returns the last value read. */
    int pollDhcsr(IntPredicate until) throws Exception {
        int dhcsr = read(DHCSR);
        for (int i = 0; i < 2000 && !until.test(dhcsr); i++) {
            Thread.sleep(1);
            dhcsr = read(DHCSR);
        }
        return dhcsr;
    }

    int readCoreRegister(int regsel) throws BusFault {
        write(DCRSR, regsel);
        assertTrue((read(DHCSR) & S_REGRDY) != 0);
        return read(DCRDR);
    }

    void writeCoreRegister(int regsel, int value) throws BusFault {
        write(DCRDR, value);
        write(DCRSR, regsel | 0x10000);
        assertTrue((read(DHCSR) & S_REGRDY) != 0);
    }

    static void putWord(byte[] b, int offset, int value) {
        putHalfword(b, offset, value);
        putHalfword(b, offset + 2, value >>> 16);
    }

    static void putHalfword(byte[] b, int offset, int value) {
        b[offset] = (byte) value;
        b[offset + 1] = (byte) (value >>> 8);
    }
}
