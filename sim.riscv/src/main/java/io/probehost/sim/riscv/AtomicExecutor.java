package io.probehost.sim.riscv;

import io.probehost.sim.mcu.AccessSize;

/**
 * The A extension on a single hart: LR.W takes a reservation (address and the value read), SC.W
 * succeeds (rd = 0) only if the reservation is held for that address and memory still holds the
 * value LR read, as QEMU decides it; every SC.W drops the reservation. An SC.W without a matching
 * reservation fails without touching memory (so it cannot trap). The aq/rl bits change nothing
 * on one hart. LR.W traps on a misaligned address with cause 4, SC.W and AMOs with cause 6.
 */
final class AtomicExecutor {
    private static final int LR = 0x02;
    private static final int SC = 0x03;

    private final Hart hart;

    AtomicExecutor(Hart hart) {
        this.hart = hart;
    }

    /** {@code funct5} is bits 31:27; returns the value for rd. */
    int execute(int funct5, int address, int operand, int rs2, int original) throws Trap {
        if (funct5 == LR) {
            if (rs2 != 0) {
                throw Rv32Executor.illegal(original);
            }
            hart.checkAtomicAlignment(address, TrapCause.LOAD_ADDRESS_MISALIGNED);
            int value = hart.load(address, AccessSize.WORD);
            hart.reservationValid = true;
            hart.reservationAddress = address;
            hart.reservationValue = value;
            return value;
        }
        if (funct5 == SC) {
            boolean held = hart.reservationValid && hart.reservationAddress == address;
            hart.reservationValid = false;
            if (!held) {
                return 1;
            }
            hart.checkAtomicAlignment(address, TrapCause.STORE_ADDRESS_MISALIGNED);
            if (hart.load(address, AccessSize.WORD) != hart.reservationValue) {
                return 1;
            }
            hart.store(address, AccessSize.WORD, operand);
            return 0;
        }
        if (!isAmo(funct5)) {
            throw Rv32Executor.illegal(original);
        }
        hart.checkAtomicAlignment(address, TrapCause.STORE_ADDRESS_MISALIGNED);
        int old = loadForAmo(address);
        int updated = switch (funct5) {
            case 0x01 -> operand;
            case 0x00 -> old + operand;
            case 0x04 -> old ^ operand;
            case 0x0C -> old & operand;
            case 0x08 -> old | operand;
            case 0x10 -> Math.min(old, operand);
            case 0x14 -> Math.max(old, operand);
            case 0x18 -> Integer.compareUnsigned(old, operand) <= 0 ? old : operand;
            default -> Integer.compareUnsigned(old, operand) >= 0 ? old : operand; // 0x1C AMOMAXU
        };
        hart.store(address, AccessSize.WORD, updated);
        return old;
    }

    private static boolean isAmo(int funct5) {
        return switch (funct5) {
            case 0x00, 0x01, 0x04, 0x08, 0x0C, 0x10, 0x14, 0x18, 0x1C -> true;
            default -> false;
        };
    }

    /** An AMO's read faults as a store/AMO access fault (cause 7). */
    private int loadForAmo(int address) throws Trap {
        try {
            return hart.load(address, AccessSize.WORD);
        } catch (Trap e) {
            throw new Trap(TrapCause.STORE_ACCESS_FAULT, address);
        }
    }
}
