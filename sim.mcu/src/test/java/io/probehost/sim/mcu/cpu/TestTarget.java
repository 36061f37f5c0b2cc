package io.probehost.sim.mcu.cpu;

import io.probehost.sim.mcu.RunOutcome;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import java.util.ArrayList;
import java.util.List;

/** A halted nRF51822 with code placed in RAM, run until its closing BKPT. */
final class TestTarget implements AutoCloseable {
    static final int CODE = 0x2000_0100;
    static final int STACK_TOP = 0x2000_3F00;
    static final int DATA = 0x2000_2000;
    final Nrf51822 mcu = Nrf51822.create(null);
    private final List<Integer> halfwords = new ArrayList<>();

    TestTarget() {
        mcu.resetAndHalt();
    }

    /** Appends instructions; an int[] argument adds a 32-bit instruction. */
    TestTarget code(Object... items) {
        for (Object item : items) {
            if (item instanceof int[]) {
                for (int hw : (int[]) item) {
                    halfwords.add(hw);
                }
            } else {
                halfwords.add((Integer) item);
            }
        }
        return this;
    }

    /** Writes hand-assembled code at {@code address} in RAM (no closing BKPT). */
    void place(int address, Object... items) {
        List<Integer> saved = new ArrayList<>(halfwords);
        halfwords.clear();
        code(items);
        byte[] image = image();
        mcu.writeRam(address, java.util.Arrays.copyOf(image, image.length - 2));
        halfwords.clear();
        halfwords.addAll(saved);
    }

    int address(int halfwordIndex) {
        return CODE + 2 * halfwordIndex;
    }

    int size() {
        return halfwords.size();
    }

    private byte[] image() {
        byte[] bytes = new byte[halfwords.size() * 2 + 2];
        for (int i = 0; i < halfwords.size(); i++) {
            bytes[2 * i] = (byte) (int) halfwords.get(i);
            bytes[2 * i + 1] = (byte) (halfwords.get(i) >> 8);
        }
        bytes[bytes.length - 2] = (byte) Asm.BKPT;
        bytes[bytes.length - 1] = (byte) (Asm.BKPT >> 8);
        return bytes;
    }

    /** Writes the code (with a final BKPT) and runs it from the first instruction in Thread mode on MSP. */
    RunOutcome run() throws InterruptedException {
        mcu.writeRam(CODE, image());
        set(CoreRegister.MSP, STACK_TOP);
        set(CoreRegister.XPSR, 1 << 24);
        set(CoreRegister.PC, CODE);
        return mcu.runUntilHalted(1_000_000);
    }

    int reg(int n) {
        return mcu.readCoreRegister(CoreRegister.general(n));
    }

    int get(CoreRegister r) {
        return mcu.readCoreRegister(r);
    }

    TestTarget set(int n, int value) {
        mcu.writeCoreRegister(CoreRegister.general(n), value);
        return this;
    }

    TestTarget set(CoreRegister r, int value) {
        mcu.writeCoreRegister(r, value);
        return this;
    }

    /** NZCV as a 4-bit number, N the most significant. */
    int flags() {
        return get(CoreRegister.XPSR) >>> 28;
    }

    int pc() {
        return get(CoreRegister.PC);
    }

    /** The PC of the final BKPT, where a straight run ends. */
    int end() {
        return address(halfwords.size());
    }

    int word(int address) {
        byte[] b = mcu.readRam(address, 4);
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
    }

    void putWord(int address, int value) {
        mcu.writeRam(address, new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)});
    }

    /** A vector table in flash: initial SP, reset handler, then {@code handlers} by exception number. */
    void vectors(java.util.Map<Integer, Integer> handlers) {
        byte[] table = new byte[48 * 4];
        java.util.Arrays.fill(table, (byte) 0xFF);
        putLe(table, 0, STACK_TOP);
        handlers.forEach((number, handler) -> putLe(table, number * 4, handler | 1));
        mcu.loadFlash(0, table);
    }

    private static void putLe(byte[] b, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            b[offset + i] = (byte) (value >> (8 * i));
        }
    }

    @Override
    public void close() {
        mcu.close();
    }
}
