package io.probehost.sim.mcu.bus;

import java.util.HashMap;
import java.util.Map;

/**
 * Peripheral registers modelled as storage: writes are kept and read back, everything starts at its
 * reset value (zero unless given). Subclasses add side effects (tasks, commands) in {@link #afterWrite}.
 */
public class PlainRegisters extends WordRegisters {
    private final Map<Integer, Integer> resetValues;
    private final Map<Integer, Integer> values = new HashMap<>();

    public PlainRegisters() {
        this(Map.of());
    }

    /** Registers whose reset values are {@code resetValues} (offset to value), zero elsewhere. */
    public PlainRegisters(Map<Integer, Integer> resetValues) {
        this.resetValues = resetValues;
        reset();
    }

    /** Back to the reset values. */
    public void reset() {
        values.clear();
        values.putAll(resetValues);
    }

    protected final int get(int offset) {
        return values.getOrDefault(offset, 0);
    }

    protected final void set(int offset, int value) {
        values.put(offset, value);
    }

    @Override
    protected int readWord(int offset) {
        return get(offset);
    }

    @Override
    protected void writeWord(int offset, int value) {
        set(offset, value);
        afterWrite(offset, value);
    }

    /** Called after {@code value} was stored at {@code offset}; nothing by default. */
    protected void afterWrite(int offset, int value) {
    }
}
