package io.probehost.sim.mcu.scs;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;

/**
 * The Cortex-M3 ITM at 0xE0000000: 32 stimulus ports whose writes, while TCR.ITMENA and the
 * port's TER bit are set, go to a {@link StimulusListener} (where a trace port would emit software
 * packets); TER, TPR, TCR and the lock registers. Stimulus port reads return FIFOREADY.
 */
public final class InstrumentationTrace implements MemoryPort {
    public static final int BASE = 0xE000_0000;
    public static final int PORTS = 32;
    private static final int TER = 0xE00;
    private static final int TPR = 0xE40;
    private static final int TCR = 0xE80;
    private static final int LAR = 0xFB0;
    private static final int LSR = 0xFB4;
    private static final int ITMENA = 1;
    private static final int UNLOCK_KEY = 0xC5AC_CE55;

    /** Receives what firmware writes to an enabled stimulus port: 1, 2 or 4 bytes. */
    @FunctionalInterface
    public interface StimulusListener {
        void stimulus(int port, int value, int bytes);
    }

    private volatile StimulusListener listener = (port, value, bytes) -> { };
    private int ter;
    private int tpr;
    private int tcr;
    private boolean locked = true;

    public void setListener(StimulusListener listener) {
        this.listener = listener;
    }

    /** ITM_TPR: bit k makes stimulus ports 8k to 8k+7 privileged-only; {@code address} is a bus address. */
    public boolean unprivilegedAccessAllowed(int address) {
        return (tpr & (1 << (((address - BASE) / 4) >>> 3))) == 0;
    }

    /** Debug-logic reset (power-on only). */
    public void reset() {
        ter = 0;
        tpr = 0;
        tcr = 0;
        locked = true;
    }

    @Override
    public int read(int offset, AccessSize size) throws BusFault {
        int word = readWord(offset & ~3);
        return size == AccessSize.WORD ? word : (word >>> (8 * (offset & 3))) & size.mask();
    }

    private int readWord(int offset) {
        if (offset < 4 * PORTS) {
            return (tcr & ITMENA) != 0 ? 1 : 0;
        }
        switch (offset) {
            case TER: return ter;
            case TPR: return tpr;
            case TCR: return tcr;
            case LSR: return locked ? 3 : 1; // lock implemented, and whether it is locked
            default: return CoreSightId.covers(offset) ? CoreSightId.ITM_M3.read(offset) : 0;
        }
    }

    /**
     * Core writes need the unlock key in LAR for TER, TPR and TCR (a debugger's writes from the
     * DAP would not, but the lab routes both through here).
     */
    @Override
    public void write(int offset, AccessSize size, int value) throws BusFault {
        if (offset < 4 * PORTS) {
            int port = offset / 4;
            if ((tcr & ITMENA) != 0 && (ter & (1 << port)) != 0) {
                listener.stimulus(port, value & size.mask(), size.bytes());
            }
            return;
        }
        if (offset == LAR) {
            locked = value != UNLOCK_KEY;
            return;
        }
        if (locked || size != AccessSize.WORD) {
            return;
        }
        switch (offset) {
            case TER: ter = value; break;
            case TPR: tpr = value & 0xF; break;
            case TCR: tcr = value & 0x00FF_0F1F; break;
            default: break;
        }
    }
}
