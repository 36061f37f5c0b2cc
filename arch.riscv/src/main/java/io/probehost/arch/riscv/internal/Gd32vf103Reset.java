package io.probehost.arch.riscv.internal;

import io.probehost.api.TransferException;
import io.probehost.api.debug.MemoryInterface;

/**
 * The GD32VF103's system reset (stm32f1-gd32vf103.md §2.3, §2.6): its {@code ndmreset} resets nothing,
 * so the hart is halted and writes 0x4B5A_6978 to the undocumented DBG register at 0xE004_200C, which
 * arms the next write, and 1 to 0xE004_2008, which resets the chip, both through Access Memory (the
 * way upstream OpenOCD does it: a program buffer access reads a GPR back, which fails once the core is
 * in reset).
 */
final class Gd32vf103Reset extends SystemReset {
    static final long DBG_RESET_KEY_ADDRESS = 0xE004_200CL;
    static final int DBG_RESET_KEY = 0x4B5A_6978;
    static final long DBG_RESET_ADDRESS = 0xE004_2008L;
    private final MemoryInterface memory;

    Gd32vf103Reset(MemoryInterface memory) {
        this.memory = memory;
    }

    @Override
    String name() {
        return "GD32VF103 DBG reset";
    }

    @Override
    void pulse(Hart hart, int heldControl) {
        hart.halt(hart.timeout());
        memory.write32(DBG_RESET_KEY_ADDRESS, DBG_RESET_KEY);
        try {
            memory.write32(DBG_RESET_ADDRESS, 1);
        } catch (TransferException resetUnderTheWrite) {
            // the chip may reset before the command completes
        }
    }
}
