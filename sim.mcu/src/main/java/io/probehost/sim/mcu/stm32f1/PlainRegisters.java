package io.probehost.sim.mcu.stm32f1;

import io.probehost.sim.mcu.bus.WordRegisters;
import java.util.HashMap;
import java.util.Map;

/**
 * Peripheral registers modelled as storage: writes are kept and read back, everything starts at its
 * reset value (zero unless given). Subclasses add side effects in {@link #afterWrite}.
 */
class PlainRegisters extends WordRegisters {
    private final Map<Integer, Integer> resetValues;
    private final Map<Integer, Integer> values = new HashMap<>();

    PlainRegisters() {
        this(Map.of());
    }

    PlainRegisters(Map<Integer, Integer> resetValues) {
        this.resetValues = resetValues;
        reset();
    }

    void reset() {
        values.clear();
        values.putAll(resetValues);
    }

    final int get(int offset) {
        return values.getOrDefault(offset, 0);
    }

    final void set(int offset, int value) {
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

    void afterWrite(int offset, int value) {
    }
}
