package io.probehost.api.debug;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Run control and register access of one core. A core that does not do what is asked throws
 * {@link io.probehost.api.TargetException} with a one-line message naming the register or state.
 */
@ProviderType
public interface CoreControl {

    /** A human-readable core name such as {@code Cortex-M0}. */
    String coreName();

    /** Requests a halt and waits up to {@code timeout} for the core to enter debug state. */
    void halt(Duration timeout);

    /** Leaves debug state. Steps over a software breakpoint at the current PC first. */
    void resume();

    /** Executes one instruction with interrupts masked and returns halted. */
    void step();

    boolean isHalted();

    /** Why the core halted; empty while it runs. */
    Optional<HaltReason> haltReason();

    /** Resets the core and lets it run. */
    void reset(ResetType type);

    /** Resets the core and halts it before the first instruction (vector catch). */
    void resetAndHalt(ResetType type, Duration timeout);

    /** Every register this core has, in a stable order (general purpose registers first). */
    List<CoreRegister> registers();

    /** The register with this name, ignoring case ({@code pc}, {@code r0}, {@code sp}). */
    default Optional<CoreRegister> register(String name) {
        return registers().stream().filter(register -> register.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Reads a register; the core must be halted. */
    long readRegister(CoreRegister register);

    /**
     * Reads several registers, in the order given; an implementation may send the accesses in one
     * batch. The core must be halted.
     */
    default long[] readRegisters(List<CoreRegister> wanted) {
        long[] values = new long[wanted.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = readRegister(wanted.get(i));
        }
        return values;
    }

    /** Writes a register; the core must be halted. */
    void writeRegister(CoreRegister register, long value);
}
