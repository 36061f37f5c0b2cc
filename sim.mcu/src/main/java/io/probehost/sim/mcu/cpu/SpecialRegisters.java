package io.probehost.sim.mcu.cpu;

/** MRS and MSR on the ARMv6-M special registers (SYSm encodings). */
final class SpecialRegisters {
    private static final int MSP = 8;
    private static final int PSP = 9;
    private static final int PRIMASK = 16;
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
        switch (sysm) {
            case MSP: return r.msp();
            case PSP: return r.psp();
            case PRIMASK: return r.primask() ? 1 : 0;
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
        switch (sysm) {
            case MSP: r.setMsp(value); break;
            case PSP: r.setPsp(value); break;
            case PRIMASK: r.setPrimask((value & 1) != 0); break;
            case CONTROL:
                if (!r.handlerMode()) {
                    r.setSpsel((value & 2) != 0);
                }
                break;
            default: break;
        }
    }
}
