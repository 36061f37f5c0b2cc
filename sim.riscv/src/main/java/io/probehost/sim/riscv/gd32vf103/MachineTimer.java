package io.probehost.sim.riscv.gd32vf103;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.riscv.Hart;
import io.probehost.sim.riscv.TrapCause;

/**
 * The Bumblebee core's timer unit at 0xD1000000: 64-bit {@code mtime} (+0) counting at the core
 * clock / 4 on the virtual clock, {@code mtimecmp} (+8, reset all ones) and {@code msip} (+0xFFC,
 * bit 0). {@code mtime >= mtimecmp} drives the hart's machine timer interrupt line, {@code msip}
 * its software interrupt line (through mip, as in the default, non-ECLIC interrupt mode).
 */
final class MachineTimer implements MemoryPort {
    static final int BASE = 0xD100_0000;
    static final int SIZE = 0x1000;
    private static final int MTIME = 0x0;
    private static final int MTIMECMP = 0x8;
    private static final int MSIP = 0xFFC;
    /** mtime ticks per microsecond: 108 MHz / 4. */
    private static final long TICKS_PER_MICROSECOND = Hart.GD32VF103_CLOCK_HZ / 4 / 1_000_000;

    private final VirtualClock clock;
    private final Hart hart;
    private long mtimeOffset;
    private long mtimecmp;
    private int msip;

    MachineTimer(VirtualClock clock, Hart hart) {
        this.clock = clock;
        this.hart = hart;
        reset();
    }

    void reset() {
        mtimeOffset = -ticks(clock.nowNanos());
        mtimecmp = -1L;
        msip = 0;
        update();
    }

    private static long ticks(long nanos) {
        return nanos * TICKS_PER_MICROSECOND / 1000;
    }

    long mtime() {
        return ticks(clock.nowNanos()) + mtimeOffset;
    }

    /** Drives the interrupt lines from the current time. */
    void update() {
        hart.setInterruptPending(TrapCause.MACHINE_TIMER_INTERRUPT, Long.compareUnsigned(mtime(), mtimecmp) >= 0);
    }

    /** Whether the timer interrupt will ever fire without a register write (mtimecmp not all ones). */
    boolean armed() {
        return mtimecmp != -1L;
    }

    /** The virtual time at which mtime reaches mtimecmp. */
    long deadlineNanos() {
        long ticksLeft = mtimecmp - mtime();
        if (ticksLeft <= 0) {
            return clock.nowNanos();
        }
        return clock.nowNanos() + (ticksLeft * 1000 + TICKS_PER_MICROSECOND - 1) / TICKS_PER_MICROSECOND;
    }

    @Override
    public int read(int offset, AccessSize size) throws BusFault {
        checkWord(offset, size);
        return switch (offset) {
            case MTIME -> (int) mtime();
            case MTIME + 4 -> (int) (mtime() >>> 32);
            case MTIMECMP -> (int) mtimecmp;
            case MTIMECMP + 4 -> (int) (mtimecmp >>> 32);
            case MSIP -> msip;
            default -> 0;
        };
    }

    @Override
    public void write(int offset, AccessSize size, int value) throws BusFault {
        checkWord(offset, size);
        long word = value & 0xFFFF_FFFFL;
        switch (offset) {
            case MTIME -> mtimeOffset += (mtime() & ~0xFFFF_FFFFL | word) - mtime();
            case MTIME + 4 -> mtimeOffset += (mtime() & 0xFFFF_FFFFL | word << 32) - mtime();
            case MTIMECMP -> mtimecmp = mtimecmp & ~0xFFFF_FFFFL | word;
            case MTIMECMP + 4 -> mtimecmp = mtimecmp & 0xFFFF_FFFFL | word << 32;
            case MSIP -> {
                msip = value & 1;
                hart.setInterruptPending(TrapCause.MACHINE_SOFTWARE_INTERRUPT, msip != 0);
            }
            default -> { }
        }
        update();
    }

    private static void checkWord(int offset, AccessSize size) throws BusFault {
        if (size != AccessSize.WORD || (offset & 3) != 0) {
            throw new BusFault(BASE + offset, "the timer unit takes aligned word accesses");
        }
    }
}
