package io.probehost.sim.riscv;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.SystemBus;

/** A hart with 64 KiB of RAM at {@link #RAM}; code is placed at RAM, the trap vector at {@link #VECTOR}. */
final class TestHart {
    static final int RAM = 0x8000_0000;
    static final int VECTOR = RAM + 0x1000;
    static final int DATA = RAM + 0x8000;
    static final int UNMAPPED = 0x4000_0000;

    final VirtualClock clock = new VirtualClock();
    final Memory ram = new Memory(64 * 1024);
    final Hart hart;
    private int codeEnd = RAM;

    TestHart() {
        this(MisalignedAccess.TRAP);
    }

    TestHart(MisalignedAccess misaligned) {
        hart = new Hart(new SystemBus().map(RAM, 64 * 1024, ram), clock, misaligned, HartIdentity.GENERIC,
                Hart.GD32VF103_CLOCK_HZ);
        hart.reset(RAM);
        hart.csrs().write(ControlStatusRegisters.MTVEC, VECTOR);
    }

    /** Appends 32-bit instructions at the end of the code so far. */
    TestHart code(int... instructions) {
        for (int instruction : instructions) {
            poke(codeEnd, AccessSize.WORD, instruction);
            codeEnd += 4;
        }
        return this;
    }

    /** Appends 16-bit instructions. */
    TestHart compressed(int... halfwords) {
        for (int halfword : halfwords) {
            poke(codeEnd, AccessSize.HALFWORD, halfword);
            codeEnd += 2;
        }
        return this;
    }

    TestHart set(int register, int value) {
        hart.setRegister(register, value);
        return this;
    }

    int x(int register) {
        return hart.register(register);
    }

    /** Steps {@code count} times. */
    TestHart step(int count) {
        for (int i = 0; i < count; i++) {
            hart.step();
        }
        return this;
    }

    void poke(int address, AccessSize size, int value) {
        ram.write(address - RAM, size, value);
    }

    int peek(int address, AccessSize size) {
        return ram.read(address - RAM, size);
    }

    int csr(int csr) {
        return hart.readCsr(csr);
    }

    /** Runs one instruction with rs1 = a, rs2 = b in x1, x2 and returns x3. */
    static int runBinary(int instruction, int a, int b) {
        TestHart t = new TestHart().code(instruction).set(1, a).set(2, b);
        t.step(1);
        return t.x(3);
    }
}
