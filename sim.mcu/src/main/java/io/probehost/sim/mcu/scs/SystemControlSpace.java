package io.probehost.sim.mcu.scs;

import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.bus.WordRegisters;
import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.cpu.ExceptionState;
import io.probehost.sim.mcu.cpu.SysTick;

/**
 * The Cortex-M0 System Control Space at 0xE000E000: SysTick, NVIC, SCB and the debug registers.
 * Addresses the M0 does not implement read as zero and ignore writes.
 */
public final class SystemControlSpace extends WordRegisters {
    public static final int BASE = 0xE000_E000;
    /** CPUID of the nRF51's Cortex-M0 r0p0. */
    public static final int CPUID = 0x410C_C200;
    private static final int AIRCR_READ = 0xFA05_0000;
    private static final int NMIPENDSET = 1 << 31;
    private static final int PENDSVSET = 1 << 28;
    private static final int PENDSVCLR = 1 << 27;
    private static final int PENDSTSET = 1 << 26;
    private static final int PENDSTCLR = 1 << 25;
    /** CCR on ARMv6-M: STKALIGN and UNALIGN_TRP read as one. */
    private static final int CCR = 0x208;

    private final Core core;
    private final ExceptionState exceptions;
    private final SysTick sysTick;
    private final HaltingDebug debug;

    public SystemControlSpace(Core core) {
        this.core = core;
        this.exceptions = core.exceptions();
        this.sysTick = core.sysTick();
        this.debug = new HaltingDebug(core);
    }

    @Override
    protected int readWord(int offset) throws BusFault {
        switch (offset) {
            case 0x010: return sysTick.readCsr();
            case 0x014: return sysTick.readRvr();
            case 0x018: return sysTick.readCvr();
            case 0x01C: return SysTick.CALIB;
            case 0x100: return exceptions.enabledMask();
            case 0x180: return exceptions.enabledMask();
            case 0x200: return exceptions.pendingIrqMask();
            case 0x280: return exceptions.pendingIrqMask();
            case 0xD00: return CPUID;
            case 0xD04: return readIcsr();
            case 0xD0C: return AIRCR_READ;
            case 0xD10: return core.scr();
            case 0xD14: return CCR;
            case 0xD1C: return exceptions.readShpr2();
            case 0xD20: return exceptions.readShpr3();
            case 0xD24: return exceptions.isPending(ExceptionState.SVCALL) ? 1 << 15 : 0;
            case 0xD30: return core.debug().dfsr();
            case 0xDF0: return debug.readDhcsr();
            case 0xDF4: return 0;
            case 0xDF8: return core.debug().dcrdr();
            case 0xDFC: return core.debug().demcr();
            default:
                if (offset >= 0x400 && offset < 0x420) {
                    return exceptions.readIpr((offset - 0x400) / 4);
                }
                return CoreSightId.covers(offset) ? CoreSightId.SCS.read(offset) : 0;
        }
    }

    private int readIcsr() {
        int value = core.registers().ipsr();
        int pending = exceptions.highestPending(false);
        value |= pending << 12;
        if (exceptions.pendingIrqMask() != 0) {
            value |= 1 << 22;
        }
        if (pending != 0 && exceptions.priority(pending) < core.executionPriority()) {
            value |= 1 << 23;
        }
        if (exceptions.isPending(ExceptionState.NMI)) {
            value |= NMIPENDSET;
        }
        if (exceptions.isPending(ExceptionState.PENDSV)) {
            value |= PENDSVSET;
        }
        if (exceptions.isPending(ExceptionState.SYSTICK)) {
            value |= PENDSTSET;
        }
        return value;
    }

    @Override
    protected void writeWord(int offset, int value) throws BusFault {
        switch (offset) {
            case 0x010: sysTick.writeCsr(value); break;
            case 0x014: sysTick.writeRvr(value); break;
            case 0x018: sysTick.writeCvr(value); break;
            case 0x100: exceptions.enable(value); break;
            case 0x180: exceptions.disable(value); break;
            case 0x200: exceptions.setPendingIrqs(value, true); break;
            case 0x280: exceptions.setPendingIrqs(value, false); break;
            case 0xD04: writeIcsr(value); break;
            case 0xD0C: writeAircr(value); break;
            case 0xD10: core.writeScr(value); break;
            case 0xD1C: exceptions.writeShpr2(value); break;
            case 0xD20: exceptions.writeShpr3(value); break;
            case 0xD24: exceptions.setPending(ExceptionState.SVCALL, (value & (1 << 15)) != 0); break;
            case 0xD30: core.debug().clearDfsr(value); break;
            case 0xDF0: debug.writeDhcsr(value); break;
            case 0xDF4: debug.writeDcrsr(value); break;
            case 0xDF8: core.debug().writeDcrdr(value); break;
            case 0xDFC: core.debug().writeDemcr(value); break;
            default:
                if (offset >= 0x400 && offset < 0x420) {
                    exceptions.writeIpr((offset - 0x400) / 4, value);
                }
                break;
        }
    }

    private void writeIcsr(int value) {
        if ((value & NMIPENDSET) != 0) {
            exceptions.setPending(ExceptionState.NMI, true);
        }
        if ((value & PENDSVSET) != 0) {
            exceptions.setPending(ExceptionState.PENDSV, true);
        } else if ((value & PENDSVCLR) != 0) {
            exceptions.setPending(ExceptionState.PENDSV, false);
        }
        if ((value & PENDSTSET) != 0) {
            exceptions.setPending(ExceptionState.SYSTICK, true);
        } else if ((value & PENDSTCLR) != 0) {
            exceptions.setPending(ExceptionState.SYSTICK, false);
        }
    }

    private void writeAircr(int value) {
        if ((value >>> 16) != 0x05FA) {
            return;
        }
        if ((value & 2) != 0 && core.debug().halted()) {
            exceptions.clearAllActive();
        }
        if ((value & 4) != 0) {
            core.requestSystemReset();
        }
    }
}
