package io.probehost.flash.format.debug;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The known registers of one stack frame, by DWARF register number (an architecture may add
 * numbers outside DWARF's range for registers DWARF does not number, such as Cortex-M's MSP and
 * PSP). Immutable; a register absent here is unknown in that frame.
 */
public final class RegisterValues {

    private final Map<Integer, Long> values;

    private RegisterValues(Map<Integer, Long> values) {
        this.values = values;
    }

    public static RegisterValues of(Map<Integer, Long> values) {
        Map<Integer, Long> copy = new TreeMap<>();
        values.forEach((k, v) -> copy.put(k, v & 0xFFFF_FFFFL));
        return new RegisterValues(copy);
    }

    public static RegisterValues empty() {
        return new RegisterValues(new TreeMap<>());
    }

    public OptionalLong get(int register) {
        Long value = values.get(register);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    public boolean has(int register) {
        return values.containsKey(register);
    }

    public RegisterValues with(int register, long value) {
        Map<Integer, Long> copy = new TreeMap<>(values);
        copy.put(register, value & 0xFFFF_FFFFL);
        return new RegisterValues(copy);
    }

    public RegisterValues without(int register) {
        Map<Integer, Long> copy = new TreeMap<>(values);
        copy.remove(register);
        return new RegisterValues(copy);
    }

    public Map<Integer, Long> asMap() {
        return Map.copyOf(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegisterValues r && r.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
