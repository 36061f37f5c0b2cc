package io.probehost.sim.mcu.scs;

import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.cpu.CoreRegister;
import io.probehost.sim.mcu.cpu.DebugState;

/** DHCSR and DCRSR behaviour: halt, step, resume and core register transfers. */
final class HaltingDebug {
    private static final int KEY = 0xA05F;
    private static final int C_DEBUGEN = 1;
    private static final int C_HALT = 2;
    private static final int C_STEP = 4;
    private static final int C_MASKINTS = 8;
    private static final int S_REGRDY = 1 << 16;
    private static final int S_HALT = 1 << 17;
    private static final int S_SLEEP = 1 << 18;
    private static final int S_LOCKUP = 1 << 19;
    private static final int S_RETIRE_ST = 1 << 24;
    private static final int S_RESET_ST = 1 << 25;
    private static final int REGWNR = 1 << 16;

    private final Core core;
    private boolean stepBit;
    private boolean regReady = true;

    HaltingDebug(Core core) {
        this.core = core;
    }

    int readDhcsr() {
        DebugState d = core.debug();
        int value = (d.debugEnabled() ? C_DEBUGEN : 0)
                | (d.halted() || haltBit() ? C_HALT : 0)
                | (stepBit ? C_STEP : 0)
                | (d.maskInts() ? C_MASKINTS : 0)
                | (regReady ? S_REGRDY : 0)
                | (d.halted() ? S_HALT : 0)
                | (core.sleeping() ? S_SLEEP : 0)
                | (core.lockedUp() ? S_LOCKUP : 0)
                | (core.debug().takeRetiredFlag() ? S_RETIRE_ST : 0)
                | (core.debug().takeResetFlag() ? S_RESET_ST : 0);
        return value;
    }

    private boolean haltBit() {
        return core.debug().haltRequested();
    }

    void writeDhcsr(int value) {
        if ((value >>> 16) != KEY) {
            return;
        }
        boolean enable = (value & C_DEBUGEN) != 0;
        core.setDebugEnabled(enable);
        if (!enable) {
            stepBit = false;
            core.debug().setMaskInts(false);
            if (core.debug().halted() || core.debug().haltRequested()) {
                core.leaveDebug();
            }
            return;
        }
        boolean halt = (value & C_HALT) != 0;
        stepBit = (value & C_STEP) != 0;
        if (core.debug().halted() || halt) {
            core.debug().setMaskInts((value & C_MASKINTS) != 0);
        }
        if (halt) {
            core.requestHalt();
        } else if (core.debug().halted()) {
            if (stepBit) {
                core.singleStep();
            } else {
                core.leaveDebug();
            }
        } else {
            core.debug().cancelHaltRequest();
        }
    }

    void writeDcrsr(int value) {
        if (!core.debug().halted()) {
            return;
        }
        CoreRegister reg = CoreRegister.fromRegsel(value & 0x1F);
        regReady = true;
        if (reg == null) {
            return;
        }
        if ((value & REGWNR) != 0) {
            core.registers().write(reg, core.debug().dcrdr());
            core.debugRegisterWritten(reg);
        } else {
            core.debug().writeDcrdr(core.registers().read(reg));
        }
    }
}
