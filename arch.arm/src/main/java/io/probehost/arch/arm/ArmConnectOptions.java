package io.probehost.arch.arm;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * How {@link ArmDebugFactory} connects.
 *
 * @param timeout        bound for every wait: power-up, halt, reset, register ready
 * @param apIndex        the MEM-AP of the core; empty picks the first MEM-AP whose ROM table has an SCS
 * @param haltOnConnect  halt the core once connected
 * @param maxAccessPorts how many APSELs to try while scanning for APs (stops at the first empty IDR)
 */
public record ArmConnectOptions(Duration timeout, OptionalInt apIndex, boolean haltOnConnect, int maxAccessPorts) {

    public ArmConnectOptions {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the connect timeout must be positive");
        }
        apIndex = apIndex == null ? OptionalInt.empty() : apIndex;
        if (maxAccessPorts < 1 || maxAccessPorts > 256) {
            throw new IllegalArgumentException("maxAccessPorts " + maxAccessPorts + " is not 1..256");
        }
    }

    /** 500 ms waits, automatic AP, no halt, up to 16 APs. */
    public static ArmConnectOptions defaults() {
        return new ArmConnectOptions(Duration.ofMillis(500), OptionalInt.empty(), false, 16);
    }

    public ArmConnectOptions withHaltOnConnect(boolean halt) {
        return new ArmConnectOptions(timeout, apIndex, halt, maxAccessPorts);
    }

    public ArmConnectOptions withApIndex(int index) {
        return new ArmConnectOptions(timeout, OptionalInt.of(index), haltOnConnect, maxAccessPorts);
    }

    public ArmConnectOptions withTimeout(Duration newTimeout) {
        return new ArmConnectOptions(newTimeout, apIndex, haltOnConnect, maxAccessPorts);
    }
}
