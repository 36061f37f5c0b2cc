package io.probehost.sim.mcu.scs;

import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.bus.WordRegisters;
import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.cpu.DebugState;
import io.probehost.sim.mcu.cpu.ExceptionState;
import io.probehost.sim.mcu.cpu.Profile;
import io.probehost.sim.mcu.cpu.SysTick;

/**
 * The System Control Space at 0xE000E000: SysTick, NVIC, SCB and the debug registers, as a
 * Cortex-M0 has them; a Cortex-M3 core (ARMv7-M profile) adds CCR's writable bits, SHPR1, the
 * DebugMonitor priority in SHPR3, SHCSR, CFSR, HFSR, MMFAR/BFAR (one register), ICSR.RETTOBASE
 * and DEMCR's monitor controls (MON_PEND being DebugMonitor's pending bit). Addresses not
 * implemented read as zero and ignore writes.
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
    /** ICSR.RETTOBASE (ARMv7-M): in Handler mode, no exception active but the current one. */
    private static final int RETTOBASE = 1 << 11;
    /** CPUID of a Cortex-M3 r1p1, as QEMU's cortex-m3 reports it. */
    public static final int CPUID_CORTEX_M3 = 0x411F_C231;

    /** A bank number no NVIC has: its registers read as zero and ignore writes. */
    private static final int NO_BANK = 1 << 20;

    private final Core core;
    private final ExceptionState exceptions;
    private final SysTick sysTick;
    private final HaltingDebug debug;
    private final boolean armv7m;

    public SystemControlSpace(Core core) {
        this.core = core;
        this.exceptions = core.exceptions();
        this.sysTick = core.sysTick();
        this.debug = new HaltingDebug(core);
        this.armv7m = core.profile() == Profile.ARMV7M;
    }

    @Override
    protected int readWord(int offset) throws BusFault {
        switch (offset) {
            case 0x010: return sysTick.readCsr();
            case 0x014: return sysTick.readRvr();
            case 0x018: return sysTick.readCvr();
            case 0x01C: return SysTick.CALIB;
            case 0x004: return armv7m ? exceptions.irqLines() / 32 - 1 : 0;
            case 0x100: case 0x104: return exceptions.enabledMask(bank(offset));
            case 0x180: case 0x184: return exceptions.enabledMask(bank(offset));
            case 0x200: case 0x204: return exceptions.pendingIrqMask(bank(offset));
            case 0x280: case 0x284: return exceptions.pendingIrqMask(bank(offset));
            case 0x300: case 0x304: return armv7m ? exceptions.activeIrqMask(bank(offset)) : 0;
            case 0xD00: return armv7m ? CPUID_CORTEX_M3 : CPUID;
            case 0xD04: return readIcsr();
            case 0xD0C: return AIRCR_READ | (core.controlRegisters().priorityGroup() << 8);
            case 0xD10: return core.scr();
            case 0xD08: return core.controlRegisters().vtor();
            case 0xD14: return core.controlRegisters().ccr();
            case 0xD18: return armv7m ? exceptions.readShpr1() : 0;
            case 0xD1C: return exceptions.readShpr2();
            case 0xD20: return exceptions.readShpr3();
            case 0xD24: return armv7m ? core.controlRegisters().shcsr() : exceptions.isPending(ExceptionState.SVCALL) ? 1 << 15 : 0;
            case 0xD28: return core.controlRegisters().cfsr();
            case 0xD2C: return core.controlRegisters().hfsr();
            case 0xD34: return armv7m ? core.controlRegisters().bfar() : 0; // MMFAR: one register with BFAR on the M3
            case 0xD38: return core.controlRegisters().bfar();
            case 0xD30: return core.debug().dfsr();
            case 0xDF0: return debug.readDhcsr();
            case 0xDF4: return 0;
            case 0xDF8: return core.debug().dcrdr();
            case 0xDFC: return readDemcr();
            default:
                if (offset >= 0x400 && offset < 0x400 + exceptions.irqLines()) {
                    return exceptions.readIpr((offset - 0x400) / 4);
                }
                return CoreSightId.covers(offset) ? (armv7m ? CoreSightId.SCS_M3 : CoreSightId.SCS).read(offset) : 0;
        }
    }

    /** The NVIC register bank of an ISER/ICER/ISPR/ICPR/IABR offset; bank 1 exists on ARMv7-M only. */
    private int bank(int offset) {
        return armv7m || (offset & 4) == 0 ? (offset >>> 2) & 1 : NO_BANK;
    }

    private int readIcsr() {
        int value = core.registers().ipsr();
        if (armv7m && exceptions.activeCount() <= 1) { // UNKNOWN in Thread mode: 1 there, as on QEMU
            value |= RETTOBASE;
        }
        int pending = exceptions.highestPending(false);
        value |= pending << 12;
        if (exceptions.pendingIrqMask(0) != 0 || exceptions.pendingIrqMask(1) != 0) {
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
            case 0x100: case 0x104: exceptions.enable(bank(offset), value); break;
            case 0x180: case 0x184: exceptions.disable(bank(offset), value); break;
            case 0x200: case 0x204: exceptions.setPendingIrqs(bank(offset), value, true); break;
            case 0x280: case 0x284: exceptions.setPendingIrqs(bank(offset), value, false); break;
            case 0xF00:
                if (armv7m && (value & 0x1FF) < exceptions.irqLines()) {
                    exceptions.setPending(ExceptionState.FIRST_IRQ + (value & 0x1FF), true); // STIR
                }
                break;
            case 0xD04: writeIcsr(value); break;
            case 0xD0C: writeAircr(value); break;
            case 0xD10: core.writeScr(value); break;
            case 0xD1C: exceptions.writeShpr2(value); break;
            case 0xD20: exceptions.writeShpr3(value); break;
            case 0xD08: core.controlRegisters().writeVtor(value); break;
            case 0xD14: core.controlRegisters().writeCcr(value); break;
            case 0xD18:
                if (armv7m) {
                    exceptions.writeShpr1(value);
                }
                break;
            case 0xD24:
                if (armv7m) {
                    core.controlRegisters().writeShcsr(value);
                } else {
                    exceptions.setPending(ExceptionState.SVCALL, (value & (1 << 15)) != 0);
                }
                break;
            case 0xD28: core.controlRegisters().clearCfsr(value); break;
            case 0xD2C: core.controlRegisters().clearHfsr(value); break;
            case 0xD34: case 0xD38: core.controlRegisters().writeBfar(value); break;
            case 0xD30: core.debug().clearDfsr(value); break;
            case 0xDF0: debug.writeDhcsr(value); break;
            case 0xDF4: debug.writeDcrsr(value); break;
            case 0xDF8: core.debug().writeDcrdr(value); break;
            case 0xDFC: writeDemcr(value); break;
            default:
                if (offset >= 0x400 && offset < 0x400 + exceptions.irqLines()) {
                    exceptions.writeIpr((offset - 0x400) / 4, value);
                }
                break;
        }
    }

    /** DEMCR, whose MON_PEND (ARMv7-M) is the DebugMonitor's pending state. */
    private int readDemcr() {
        boolean monitorPending = armv7m && exceptions.isPending(ExceptionState.DEBUG_MONITOR);
        return core.debug().demcr() | (monitorPending ? DebugState.DEMCR_MON_PEND : 0);
    }

    private void writeDemcr(int value) {
        core.debug().writeDemcr(value);
        if (armv7m) {
            exceptions.setPending(ExceptionState.DEBUG_MONITOR, (value & DebugState.DEMCR_MON_PEND) != 0);
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
        core.controlRegisters().setPriorityGroup((value >>> 8) & 7);
        if ((value & 2) != 0 && core.debug().halted()) {
            exceptions.clearAllActive();
        }
        if ((value & 4) != 0) {
            core.requestSystemReset();
        }
    }
}
