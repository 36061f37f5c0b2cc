package io.probehost.sim.mcu.cpu;

/**
 * MRS and MSR on the special registers (SYSm encodings); BASEPRI, FAULTMASK and CONTROL.nPRIV on
 * ARMv7-M only. Unprivileged code may write only the APSR, and reads the stack pointers and masks as 0.
 */
final class SpecialRegisters {
    private static final int MSP = 8;
    private static final int PSP = 9;
    private static final int PRIMASK = 16;
    private static final int BASEPRI = 17;
    private static final int BASEPRI_MAX = 18;
    private static final int FAULTMASK = 19;
    private static final int CONTROL = 20;

    private SpecialRegisters() {
    }

    static int mrs(Core core, int sysm) {
        Registers r = core.regs;
        if (sysm < 8) {
            int value = 0;
            if ((sysm & 1) != 0) {
                value |= r.ipsr();
            }
            if ((sysm & 4) == 0) {
                value |= r.apsr();
            }
            return value; // EPSR reads as zero
        }
        if (!r.privileged() && sysm != CONTROL) {
            return 0;
        }
        switch (sysm) {
            case MSP: return r.msp();
            case PSP: return r.psp();
            case PRIMASK: return r.primask() ? 1 : 0;
            case BASEPRI:
            case BASEPRI_MAX: return r.basepri();
            case FAULTMASK: return r.faultmask() ? 1 : 0;
            case CONTROL: return r.control();
            default: return 0;
        }
    }

    static void msr(Core core, int sysm, int value) {
        Registers r = core.regs;
        if (sysm < 8) {
            if ((sysm & 4) == 0) {
                r.setApsr(value);
            }
            return;
        }
        if (!r.privileged()) {
            return;
        }
        switch (sysm) {
            case MSP: r.setMsp(value); break;
            case PSP: r.setPsp(value); break;
            case PRIMASK: r.setPrimask((value & 1) != 0); break;
            case BASEPRI: r.setBasepri(value & core.profile.priorityMask()); break;
            case BASEPRI_MAX: {
                int priority = value & core.profile.priorityMask();
                if (priority != 0 && (priority < r.basepri() || r.basepri() == 0)) {
                    r.setBasepri(priority);
                }
                break;
            }
            case FAULTMASK:
                if ((value & 1) == 0 || core.executionPriority() > -1) {
                    r.setFaultmask((value & 1) != 0);
                }
                break;
            case CONTROL:
                if (!r.handlerMode()) {
                    r.setSpsel((value & 2) != 0);
                }
                r.setNpriv((value & 1) != 0);
                break;
            default: break;
        }
    }
}
