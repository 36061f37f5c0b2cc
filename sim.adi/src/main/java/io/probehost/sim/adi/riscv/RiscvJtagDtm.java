package io.probehost.sim.adi.riscv;

import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.adi.TapState;
import io.probehost.sim.riscv.debug.DebugModuleInterface;

/**
 * A RISC-V JTAG Debug Transport Module (debug spec 0.13.2, section 6.1) as the only TAP of a chip's
 * JTAG chain: a 5-bit IR capturing 0b00001, IDCODE (0x01, selected after Test-Logic-Reset),
 * {@code dtmcs} (0x10), {@code dmi} (0x11, {@code abits} + 34 bits) and BYPASS for every other
 * instruction. A DMI operation started at Update-DR takes {@link #DMI_ACCESS_TCKS} TCK cycles; a
 * Capture-DR of {@code dmi} before it is done answers busy (op 3), which sticks, and drops every
 * following operation, until {@code dtmcs.dmireset}. {@code dtmcs.idle} is 1: one pass through
 * Run-Test/Idle between scans is enough. JTAG only: SWD clocks see nobody answering. Thread-safe.
 */
public final class RiscvJtagDtm implements SwjPins {
    public static final int IR_LENGTH = 5;
    public static final int IR_IDCODE = 0x01;
    public static final int IR_DTMCS = 0x10;
    public static final int IR_DMI = 0x11;
    public static final int IR_BYPASS = 0x1F;
    /** TCK cycles from the Update-DR that starts a DMI operation to the earliest Capture-DR that finds it done. */
    public static final int DMI_ACCESS_TCKS = 4;
    static final int DTMCS_IDLE = 1;
    static final int DTMCS_VERSION_013 = 1;
    static final int DTMCS_DMIRESET = 1 << 16;
    static final int DTMCS_DMIHARDRESET = 1 << 17;
    static final int OP_NOP = 0;
    static final int OP_READ = 1;
    static final int OP_WRITE = 2;
    static final int OP_FAILED = 2;
    static final int OP_BUSY = 3;
    private static final int IR_CAPTURE = 0b00001;

    private final DebugModuleInterface dmi;
    private final int idcode;
    private final int abits;
    private final long nanosPerCycle;
    private TapState state = TapState.TEST_LOGIC_RESET;
    private int instruction = IR_IDCODE;
    private int irShift;
    private long drShift;
    private int drLength;
    private boolean tdo = true;
    private boolean resetAsserted;
    private long tck;
    /** The TCK count when the DMI operation in flight ends (no operation: in the past). */
    private long operationDoneAt;
    /** Sticky dmistat / op: 0, OP_FAILED or OP_BUSY. */
    private int stickyStatus;
    private int lastAddress;
    private int lastData;

    /**
     * @param nanosPerCycle modelled time each TCK advances the chip's clock (1000 for 1 MHz), 0 for none
     */
    public RiscvJtagDtm(DebugModuleInterface dmi, int idcode, long nanosPerCycle) {
        this.dmi = dmi;
        this.idcode = idcode;
        this.abits = dmi.addressBits();
        this.nanosPerCycle = nanosPerCycle;
    }

    @Override
    public synchronized boolean swdClock(boolean hostDrives, boolean hostBit) {
        return !hostDrives || hostBit;
    }

    @Override
    public synchronized boolean jtagClock(boolean tms, boolean tdi) {
        if (nanosPerCycle > 0) {
            dmi.clock().advance(nanosPerCycle);
        }
        tck++;
        boolean sampled = tdo;
        switch (state) {
            case CAPTURE_IR -> irShift = IR_CAPTURE;
            case SHIFT_IR -> irShift = (irShift >>> 1) | ((tdi ? 1 : 0) << (IR_LENGTH - 1));
            case CAPTURE_DR -> captureDr();
            case SHIFT_DR -> drShift = (drShift >>> 1) | ((tdi ? 1L : 0L) << (drLength - 1));
            default -> { }
        }
        state = state.next(tms);
        switch (state) {
            case TEST_LOGIC_RESET -> instruction = IR_IDCODE;
            case UPDATE_IR -> instruction = irShift;
            case UPDATE_DR -> updateDr();
            default -> { }
        }
        tdo = switch (state) {
            case SHIFT_DR -> (drShift & 1) != 0;
            case SHIFT_IR -> (irShift & 1) != 0;
            default -> true;
        };
        return sampled;
    }

    private void captureDr() {
        switch (instruction) {
            case IR_IDCODE -> {
                drLength = 32;
                drShift = idcode & 0xFFFF_FFFFL;
            }
            case IR_DTMCS -> {
                drLength = 32;
                drShift = dtmcs();
            }
            case IR_DMI -> {
                drLength = abits + 34;
                if (stickyStatus == 0 && tck < operationDoneAt) {
                    stickyStatus = OP_BUSY;
                }
                drShift = (long) lastAddress << 34 | (lastData & 0xFFFF_FFFFL) << 2 | stickyStatus;
            }
            default -> {
                drLength = 1;
                drShift = 0;
            }
        }
    }

    private long dtmcs() {
        return DTMCS_IDLE << 12 | stickyStatus << 10 | abits << 4 | DTMCS_VERSION_013;
    }

    private void updateDr() {
        if (instruction == IR_DTMCS) {
            if ((drShift & (DTMCS_DMIRESET | DTMCS_DMIHARDRESET)) != 0) {
                stickyStatus = 0;
            }
            if ((drShift & DTMCS_DMIHARDRESET) != 0) {
                operationDoneAt = 0;
            }
        } else if (instruction == IR_DMI) {
            startOperation();
        }
    }

    private void startOperation() {
        int op = (int) (drShift & 3);
        if (stickyStatus != 0 || op == OP_NOP) {
            return;
        }
        int address = (int) (drShift >>> 34) & ((1 << abits) - 1);
        int data = (int) (drShift >>> 2);
        lastAddress = address;
        if (op == OP_READ) {
            lastData = dmi.read(address);
        } else if (op == OP_WRITE) {
            dmi.write(address, data);
        } else {
            stickyStatus = OP_FAILED; // op 3 is reserved
            return;
        }
        operationDoneAt = tck + DMI_ACCESS_TCKS;
    }

    @Override
    public synchronized boolean tdo() {
        return tdo;
    }

    @Override
    public synchronized void jtagReset() {
        state = TapState.TEST_LOGIC_RESET;
        instruction = IR_IDCODE;
        tdo = true;
    }

    @Override
    public synchronized void setResetAsserted(boolean asserted) {
        resetAsserted = asserted;
        dmi.setResetPinAsserted(asserted);
    }

    @Override
    public synchronized boolean resetPinHigh() {
        return !resetAsserted;
    }
}
