package io.probehost.gdbserver.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.probehost.api.debug.CoreControl;

/**
 * The register values read since the core last halted: the stop reply's, and what {@code g} and
 * {@code p} read, so that GDB's reads after a stop cost the probe's link nothing more, and what
 * is still missing is read in one batch. Forgotten whenever a register may change behind GDB's
 * back (resume, step, reset, monitor commands, a load); GDB's own writes go through it.
 */
final class RegisterCache {
    private final CoreControl core;
    private final Map<Integer, Long> known = new HashMap<>();

    RegisterCache(CoreControl core) {
        this.core = core;
    }

    /** The values of {@code entries}, in their order; those not known yet are read in one batch. */
    long[] read(List<RegisterLayout.Entry> entries) {
        List<RegisterLayout.Entry> missing = new ArrayList<>();
        for (RegisterLayout.Entry entry : entries) {
            if (!known.containsKey(entry.number()) && !missing.contains(entry)) {
                missing.add(entry);
            }
        }
        if (!missing.isEmpty()) {
            long[] values = core.readRegisters(RegisterLayout.coreRegisters(missing));
            for (int i = 0; i < values.length; i++) {
                known.put(missing.get(i).number(), values[i]);
            }
        }
        return entries.stream().mapToLong(entry -> known.get(entry.number())).toArray();
    }

    long read(RegisterLayout.Entry entry) {
        return read(List.of(entry))[0];
    }

    /**
     * Writes the register and forgets the others, which a write may change too (on Arm, writing
     * CONTROL or MSP changes SP).
     */
    void write(RegisterLayout.Entry entry, long value) {
        known.clear();
        long kept = value & entry.core().mask();
        core.writeRegister(entry.core(), kept);
        known.put(entry.number(), kept);
    }

    /** Forgets every value: the core is about to run, or something else may have written registers. */
    void forget() {
        known.clear();
    }

    /** How many values are known, for tests. */
    int size() {
        return known.size();
    }
}
