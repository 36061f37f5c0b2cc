package io.probehost.sim.mcu.nrf51;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.WordRegisters;

/**
 * The nRF51 non-volatile memory controller at 0x4001E000. Programming only clears bits; erases set
 * 0xFF. READY stays low for the modelled duration of each operation (virtual time): 41 us per word
 * written, 22 ms per page, UICR or full erase (typical nRF51 figures). A read of the code flash or
 * UICR meanwhile stalls until the operation ends, as the CPU does on silicon. Any reset ends the
 * operation in flight (its effect on the bits is already applied): READY reads 1 after a reset.
 */
final class Nvmc extends WordRegisters {
    static final int BASE = 0x4001_E000;
    static final long WORD_WRITE_NANOS = 41_000;
    static final long PAGE_ERASE_NANOS = 22_000_000;
    static final long ERASE_ALL_NANOS = 22_000_000;
    static final int CONFIG_WEN = 1;
    static final int CONFIG_EEN = 2;

    private static final int READY = 0x400;
    private static final int CONFIG = 0x504;
    private static final int ERASEPAGE = 0x508; // also ERASEPCR1
    private static final int ERASEALL = 0x50C;
    private static final int ERASEPCR0 = 0x510;
    private static final int ERASEUICR = 0x514;

    private final NonVolatileMemory nvm;
    private final VirtualClock clock;
    private int config;
    private long busyUntil;

    Nvmc(NonVolatileMemory nvm, VirtualClock clock) {
        this.nvm = nvm;
        this.clock = clock;
    }

    void reset() {
        setConfig(0);
        busyUntil = 0;
    }

    /** A bus read of flash or UICR during an operation waits for its end: the clock moves on to it. */
    void stallUntilReady() {
        clock.advanceTo(busyUntil);
    }

    boolean ready() {
        return clock.nowNanos() >= busyUntil;
    }

    private void busyFor(long nanos) {
        busyUntil = Math.max(busyUntil, clock.nowNanos()) + nanos;
    }

    @Override
    protected int readWord(int offset) {
        switch (offset) {
            case READY: return ready() ? 1 : 0;
            case CONFIG: return config;
            default: return 0;
        }
    }

    @Override
    protected void writeWord(int offset, int value) throws BusFault {
        switch (offset) {
            case CONFIG: setConfig(value & 3); break;
            case ERASEPAGE:
            case ERASEPCR0: erasePage(value); break;
            case ERASEALL:
                if ((value & 1) != 0 && config == CONFIG_EEN) {
                    nvm.flash.fill(NonVolatileMemory.ERASED);
                    nvm.uicr.fill(NonVolatileMemory.ERASED);
                    busyFor(ERASE_ALL_NANOS);
                    nvm.save();
                }
                break;
            case ERASEUICR:
                if ((value & 1) != 0 && config == CONFIG_EEN) {
                    nvm.uicr.fill(NonVolatileMemory.ERASED);
                    busyFor(PAGE_ERASE_NANOS);
                    nvm.save();
                }
                break;
            default: break;
        }
    }

    private void setConfig(int value) {
        boolean leavingProgramming = config != 0 && value == 0;
        config = value;
        if (leavingProgramming) {
            nvm.saveIfDirty();
        }
    }

    private void erasePage(int address) {
        if (config != CONFIG_EEN || Integer.compareUnsigned(address, Nrf51822.FLASH_SIZE) >= 0) {
            return;
        }
        int page = address & ~(Nrf51822.PAGE_SIZE - 1);
        nvm.flash.fill(page, Nrf51822.PAGE_SIZE, NonVolatileMemory.ERASED);
        busyFor(PAGE_ERASE_NANOS);
        nvm.save();
    }

    /** A bus write of one word into flash or UICR: applied only with CONFIG.WEN, as old AND new. */
    void program(Memory target, int offset, int value) {
        if (config != CONFIG_WEN) {
            return;
        }
        target.write(offset, AccessSize.WORD, target.read(offset, AccessSize.WORD) & value);
        busyFor(WORD_WRITE_NANOS);
        nvm.markDirty();
    }
}
