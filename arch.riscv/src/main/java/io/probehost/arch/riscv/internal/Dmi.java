package io.probehost.arch.riscv.internal;

import java.util.List;

/**
 * The Debug Module Interface: Debug Module registers by word address (riscv-debug.md §2), reached
 * through a debug transport ({@link JtagDtm}, or a lab chip directly in tests).
 */
public interface Dmi {

    /** One DMI operation: a read of {@code address}, or a write of {@code value} to it. */
    record Operation(boolean read, int address, int value) {

        public static Operation read(int address) {
            return new Operation(true, address, 0);
        }

        public static Operation write(int address, int value) {
            return new Operation(false, address, value);
        }
    }

    /** Runs the operations in order and returns the values read, one per read operation, in order. */
    int[] run(List<Operation> operations);

    default int read(int address) {
        return run(List.of(Operation.read(address)))[0];
    }

    default void write(int address, int value) {
        run(List.of(Operation.write(address, value)));
    }
}
