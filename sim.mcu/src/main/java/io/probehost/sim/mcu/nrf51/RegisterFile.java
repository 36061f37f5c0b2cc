package io.probehost.sim.mcu.nrf51;

import io.probehost.sim.mcu.bus.WordRegisters;
import java.util.HashMap;
import java.util.Map;

/**
 * A peripheral modelled as plain registers: writes are stored and read back, everything starts at
 * its reset value (zero unless given). Subclasses add the side effects of tasks.
 */
class RegisterFile extends WordRegisters {
    private final Map<Integer, Integer> resetValues;
    private final Map<Integer, Integer> values = new HashMap<>();

    RegisterFile() {
        this(Map.of());
    }

    RegisterFile(Map<Integer, Integer> resetValues) {
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
