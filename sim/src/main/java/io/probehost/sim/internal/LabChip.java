package io.probehost.sim.internal;

import java.util.function.BooleanSupplier;

import io.probehost.api.ProbeException;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.adi.riscv.RiscvJtagDtm;
import io.probehost.sim.mcu.ChipBase;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.riscv.gd32vf103.Gd32vf103;

/**
 * A virtual chip as the lab drives it, whatever its architecture: the pins of its debug connector,
 * its clock, its core state and its persisted non-volatile memory. What only an Arm chip behind an
 * SWJ-DP has (the ST-Link's memory commands, DP faults, a core that ignores halts) is reached
 * through {@link #arm}, which refuses other chips with one line.
 */
abstract sealed class LabChip implements AutoCloseable permits LabChip.Arm, LabChip.Riscv {
    private final SwjPins pins;
    private final VirtualClock clock;
    private final BooleanSupplier halted;
    private final Runnable eraseState;
    private final Runnable close;

    private LabChip(SwjPins pins, VirtualClock clock, BooleanSupplier halted, Runnable eraseState, Runnable close) {
        this.pins = pins;
        this.clock = clock;
        this.halted = halted;
        this.eraseState = eraseState;
        this.close = close;
    }

    /** The debug connector's pins, as a probe drives them. */
    final SwjPins pins() {
        return pins;
    }

    final VirtualClock clock() {
        return clock;
    }

    final boolean isHalted() {
        return halted.getAsBoolean();
    }

    /** Erases the non-volatile memory, on the chip and in its state folder. */
    final void resetState() {
        eraseState.run();
    }

    @Override
    public final void close() {
        close.run();
    }

    /** The wire the connector speaks now. */
    abstract WireMode wireMode();

    /** The Arm chip and its SWJ-DP, for a command about {@code what}; one clear line for other chips. */
    final Arm arm(String targetName, String what) {
        if (this instanceof Arm arm) {
            return arm;
        }
        throw new ProbeException("lab target " + targetName + " is a RISC-V chip behind a JTAG DTM: " + what
                + " needs an Arm debug port");
    }

    /** A Cortex-M chip behind an SWJ-DP. */
    static final class Arm extends LabChip {
        private final ChipBase mcu;
        private final SwjDp port;

        Arm(ChipBase mcu, SwjDp port) {
            super(port, mcu.clock(), mcu::isHalted, mcu::resetState, mcu::close);
            this.mcu = mcu;
            this.port = port;
        }

        ChipBase mcu() {
            return mcu;
        }

        SwjDp port() {
            return port;
        }

        @Override
        WireMode wireMode() {
            return port.wireMode();
        }
    }

    /** A GD32VF103 behind its RISC-V JTAG DTM: JTAG only. */
    static final class Riscv extends LabChip {
        private final Gd32vf103 mcu;

        Riscv(Gd32vf103 mcu, RiscvJtagDtm dtm) {
            super(dtm, mcu.clock(), mcu::isHalted, mcu::resetState, mcu::close);
            this.mcu = mcu;
        }

        Gd32vf103 mcu() {
            return mcu;
        }

        @Override
        WireMode wireMode() {
            return WireMode.JTAG;
        }
    }
}
