package io.probehost.sim.mcu.cpu;

/**
 * Architectural register state of an ARMv6-M or ARMv7-M core. The ARMv7-M additions (the Q flag,
 * ITSTATE, BASEPRI and FAULTMASK) stay zero and unwritable on ARMv6-M.
 */
public final class Registers {
    private final int[] r = new int[13];
    private int msp;
    private int psp;
    private int lr;
    private int pc;
    boolean n;
    boolean z;
    boolean c;
    boolean v;
    boolean thumb = true;
    private int ipsr;
    private boolean primask;
    private boolean spsel;
    /** CONTROL.nPRIV (ARMv7-M): Thread mode runs unprivileged. */
    private boolean npriv;
    private final boolean armv7m;
    boolean q;
    /** EPSR.IT[7:0]: the condition and mask of the current IT block, zero outside one. */
    int itState;
    private int basepri;
    private boolean faultmask;

    public Registers() {
        this(Profile.ARMV6M);
    }

    public Registers(Profile profile) {
        this.armv7m = profile == Profile.ARMV7M;
    }

    public int get(int n) {
        return n < 13 ? r[n] : getHigh(n);
    }

    /** SP, LR or PC: kept apart so that {@link #get} stays small enough to inline everywhere. */
    private int getHigh(int n) {
        switch (n) {
            case 13: return sp();
            case 14: return lr;
            case 15: return pc;
            default: return r[n];
        }
    }

    public void set(int n, int value) {
        if (n < 13) {
            r[n] = value;
        } else {
            setHigh(n, value);
        }
    }

    private void setHigh(int n, int value) {
        switch (n) {
            case 13: setSp(value); break;
            case 14: lr = value; break;
            case 15: pc = value & ~1; break;
            default: r[n] = value;
        }
    }

    public int pc() {
        return pc;
    }

    public void setPc(int value) {
        pc = value & ~1;
    }

    public int lr() {
        return lr;
    }

    public void setLr(int value) {
        lr = value;
    }

    public boolean usesPsp() {
        return spsel && ipsr == 0;
    }

    public int sp() {
        return usesPsp() ? psp : msp;
    }

    public void setSp(int value) {
        if (usesPsp()) {
            psp = value & ~3;
        } else {
            msp = value & ~3;
        }
    }

    public int msp() {
        return msp;
    }

    public void setMsp(int value) {
        msp = value & ~3;
    }

    public int psp() {
        return psp;
    }

    public void setPsp(int value) {
        psp = value & ~3;
    }

    public int ipsr() {
        return ipsr;
    }

    public void setIpsr(int value) {
        ipsr = value & (armv7m ? 0x1FF : 0x3F);
    }

    public boolean handlerMode() {
        return ipsr != 0;
    }

    public boolean primask() {
        return primask;
    }

    public void setPrimask(boolean value) {
        primask = value;
    }

    public boolean spsel() {
        return spsel;
    }

    public void setSpsel(boolean value) {
        spsel = value;
    }

    /** CONTROL as MRS reads it: SPSEL, and nPRIV on ARMv7-M (the Cortex-M0 has no unprivileged mode). */
    public int control() {
        return (spsel ? 2 : 0) | (npriv ? 1 : 0);
    }

    public boolean npriv() {
        return npriv;
    }

    public void setNpriv(boolean value) {
        npriv = armv7m && value;
    }

    /** Handler mode is always privileged; Thread mode unless CONTROL.nPRIV is set. */
    public boolean privileged() {
        return ipsr != 0 || !npriv;
    }

    public int apsr() {
        return (n ? 1 << 31 : 0) | (z ? 1 << 30 : 0) | (c ? 1 << 29 : 0) | (v ? 1 << 28 : 0) | (q ? 1 << 27 : 0);
    }

    public void setApsr(int value) {
        n = value < 0;
        z = (value & (1 << 30)) != 0;
        c = (value & (1 << 29)) != 0;
        v = (value & (1 << 28)) != 0;
        q = armv7m && (value & (1 << 27)) != 0;
    }

    public int xpsr() {
        return apsr() | (thumb ? 1 << 24 : 0) | epsrIt() | ipsr;
    }

    public void setXpsr(int value) {
        setApsr(value);
        thumb = (value & (1 << 24)) != 0;
        setEpsrIt(value);
        setIpsr(value & (armv7m ? 0x1FF : 0x3F));
    }

    /** ITSTATE in its xPSR bits: IT[1:0] at 26:25, IT[7:2] at 15:10. */
    int epsrIt() {
        return ((itState & 3) << 25) | ((itState >>> 2) << 10);
    }

    /** Restores ITSTATE from xPSR bits (an exception return); ARMv6-M has none. */
    void setEpsrIt(int xpsr) {
        itState = armv7m ? ((xpsr >>> 25) & 3) | (((xpsr >>> 10) & 0x3F) << 2) : 0;
    }

    public boolean q() {
        return q;
    }

    public int itState() {
        return itState;
    }

    public int basepri() {
        return basepri;
    }

    public void setBasepri(int value) {
        basepri = armv7m ? value & 0xFF : 0;
    }

    public boolean faultmask() {
        return faultmask;
    }

    public void setFaultmask(boolean value) {
        faultmask = armv7m && value;
    }

    public boolean thumb() {
        return thumb;
    }

    public void setThumb(boolean value) {
        thumb = value;
    }

    /** Architectural reset values apart from SP and PC, which come from the vector table. */
    void reset() {
        java.util.Arrays.fill(r, 0);
        psp = 0;
        lr = 0xFFFF_FFFF;
        n = z = c = v = q = false;
        itState = 0;
        basepri = 0;
        faultmask = false;
        ipsr = 0;
        primask = false;
        spsel = false;
        npriv = false;
        thumb = true;
    }

    public int read(CoreRegister reg) {
        switch (reg) {
            case SP: return sp();
            case LR: return lr;
            case PC: return pc;
            case XPSR: return xpsr();
            case MSP: return msp;
            case PSP: return psp;
            case CONTROL_PRIMASK:
                return (control() << 24) | (faultmask ? 1 << 16 : 0) | (basepri << 8) | (primask ? 1 : 0);
            default: return r[reg.regsel()];
        }
    }

    public void write(CoreRegister reg, int value) {
        switch (reg) {
            case SP: setSp(value); break;
            case LR: lr = value; break;
            case PC: pc = value & ~1; break;
            case XPSR: setXpsr(value); break;
            case MSP: setMsp(value); break;
            case PSP: setPsp(value); break;
            case CONTROL_PRIMASK:
                primask = (value & 1) != 0;
                setBasepri(value >>> 8);
                setFaultmask((value & (1 << 16)) != 0);
                spsel = ((value >>> 24) & 2) != 0;
                setNpriv(((value >>> 24) & 1) != 0);
                break;
            default: r[reg.regsel()] = value;
        }
    }
}
