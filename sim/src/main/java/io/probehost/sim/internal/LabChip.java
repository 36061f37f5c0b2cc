package io.probehost.sim.internal;

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
sealed interface LabChip extends AutoCloseable permits LabChip.Arm, LabChip.Riscv {

    /** The debug connector's pins, as a probe drives them. */
    SwjPins pins();

    /** The wire the connector speaks now. */
    WireMode wireMode();

    VirtualClock clock();

    boolean isHalted();

    /** Erases the non-volatile memory, on the chip and in its state folder. */
    void resetState();

    @Override
    void close();

    /** The Arm chip and its SWJ-DP, for a command about {@code what}; one clear line for other chips. */
    default Arm arm(String targetName, String what) {
        if (this instanceof Arm arm) {
            return arm;
        }
        throw new ProbeException("lab target " + targetName + " is a RISC-V chip behind a JTAG DTM: " + what
                + " needs an Arm debug port");
    }

    /** A Cortex-M chip behind an SWJ-DP. */
    record Arm(ChipBase mcu, SwjDp port) implements LabChip {
        @Override
        public SwjPins pins() {
            return port;
        }

        @Override
        public WireMode wireMode() {
            return port.wireMode();
        }

        @Override
        public VirtualClock clock() {
            return mcu.clock();
        }

        @Override
        public boolean isHalted() {
            return mcu.isHalted();
        }

        @Override
        public void resetState() {
            mcu.resetState();
        }

        @Override
        public void close() {
            mcu.close();
        }
    }

    /** A GD32VF103 behind its RISC-V JTAG DTM: JTAG only. */
    record Riscv(Gd32vf103 mcu, RiscvJtagDtm dtm) implements LabChip {
        @Override
        public SwjPins pins() {
            return dtm;
        }

        @Override
        public WireMode wireMode() {
            return WireMode.JTAG;
        }

        @Override
        public VirtualClock clock() {
            return mcu.clock();
        }

        @Override
        public boolean isHalted() {
            return mcu.isHalted();
        }

        @Override
        public void resetState() {
            mcu.resetState();
        }

        @Override
        public void close() {
            mcu.close();
        }
    }
}
