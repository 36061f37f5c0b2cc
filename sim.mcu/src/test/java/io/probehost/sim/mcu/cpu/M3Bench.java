package io.probehost.sim.mcu.cpu;

import io.probehost.sim.mcu.bench.CortexMTestMachine;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A Cortex-M3 test machine with hand-assembled code in flash: a vector table at 0 whose every
 * handler is {@code B .} at {@link #HANDLERS} + 8 x exception number unless a test places its own,
 * and the reset code at {@link #RESET}; the stack at the top of 4 KiB of SRAM.
 */
final class M3Bench {
    static final int RESET = 0x400;
    static final int HANDLERS = 0x800;
    static final int STACK_TOP = 0x2000_1000;
    static final int LOOP = 0xE7FE;
    static final int BX_LR = 0x4770;

    final CortexMTestMachine machine = new CortexMTestMachine(Profile.ARMV7M, 0, 0x1000, 0x1000);
    final Core core = machine.core();
    final Registers regs = core.registers();
    private final ByteBuffer image = ByteBuffer.allocate(0x1000).order(ByteOrder.LITTLE_ENDIAN);

    M3Bench() {
        image.putInt(0, STACK_TOP).putInt(4, RESET | 1);
        for (int e = 2; e < 48; e++) {
            image.putInt(4 * e, handler(e) | 1);
            image.putShort(handler(e), (short) LOOP);
        }
    }

    /** Where the handler of exception {@code e} starts. */
    static int handler(int e) {
        return HANDLERS + 8 * e;
    }

    /** Places halfwords (an int[] adds a 32-bit instruction) at {@code address}. */
    M3Bench at(int address, Object... items) {
        int a = address;
        for (Object item : items) {
            for (int hw : item instanceof int[] ? (int[]) item : new int[] {(Integer) item}) {
                image.putShort(a, (short) hw);
                a += 2;
            }
        }
        return this;
    }

    /** Loads the image and resets the core into the reset code. */
    M3Bench start() {
        machine.load(image.array());
        return this;
    }

    /** Executes {@code n} steps (instructions or exception entries). */
    M3Bench step(int n) {
        for (int i = 0; i < n; i++) {
            core.step();
        }
        return this;
    }

    int word(int address) {
        return machine.readBus(address);
    }

    void write(int address, int value) {
        machine.writeBus(address, value);
    }
}
