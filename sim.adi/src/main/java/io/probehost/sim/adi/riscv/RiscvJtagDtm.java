package io.probehost.sim.adi.riscv;

import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.adi.TapShifter;
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
    private final TapShifter tap = new TapShifter(IR_LENGTH, IR_CAPTURE, IR_IDCODE, new Registers());
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
        return tap.clock(tms, tdi);
    }

    /** The DTM's data registers, called by the TAP under this DTM's lock. */
    private final class Registers implements TapShifter.DataRegisters {
        @Override
        public void captureDr(int instruction) {
            RiscvJtagDtm.this.captureDr(instruction);
        }

        @Override
        public void updateDr(int instruction, long shifted) {
            RiscvJtagDtm.this.updateDr(instruction, shifted);
        }
    }

    private void captureDr(int instruction) {
        switch (instruction) {
            case IR_IDCODE -> tap.load(idcode & 0xFFFF_FFFFL, 32);
            case IR_DTMCS -> tap.load(dtmcs(), 32);
            case IR_DMI -> {
                if (stickyStatus == 0 && tck < operationDoneAt) {
                    stickyStatus = OP_BUSY;
                }
                tap.load((long) lastAddress << 34 | (lastData & 0xFFFF_FFFFL) << 2 | stickyStatus, abits + 34);
            }
            default -> tap.load(0, 1);
        }
    }

    private long dtmcs() {
        return DTMCS_IDLE << 12 | stickyStatus << 10 | abits << 4 | DTMCS_VERSION_013;
    }

    private void updateDr(int instruction, long shifted) {
        if (instruction == IR_DTMCS) {
            if ((shifted & (DTMCS_DMIRESET | DTMCS_DMIHARDRESET)) != 0) {
                stickyStatus = 0;
            }
            if ((shifted & DTMCS_DMIHARDRESET) != 0) {
                operationDoneAt = 0;
            }
        } else if (instruction == IR_DMI) {
            startOperation(shifted);
        }
    }

    private void startOperation(long shifted) {
        int op = (int) (shifted & 3);
        if (stickyStatus != 0 || op == OP_NOP) {
            return;
        }
        int address = (int) (shifted >>> 34) & ((1 << abits) - 1);
        int data = (int) (shifted >>> 2);
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
        return tap.tdo();
    }

    @Override
    public synchronized void jtagReset() {
        tap.reset();
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
