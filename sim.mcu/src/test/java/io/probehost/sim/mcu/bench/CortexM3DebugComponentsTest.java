package io.probehost.sim.mcu.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.cpu.DebugState;
import io.probehost.sim.mcu.cpu.Profile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Cortex-M3's debug components as a debugger finds them: ROM table, FPB v1, DWT with CYCCNT, ITM. */
class CortexM3DebugComponentsTest {
    private static final int RESET = 0x40;
    private final CortexMTestMachine machine = new CortexMTestMachine(Profile.ARMV7M, 0, 0x1000, 0x1000);

    /** Vectors and an endless loop of NOPs at RESET (16 NOPs, then B back). */
    private void loadLoop() {
        ByteBuffer image = ByteBuffer.allocate(0x100).order(ByteOrder.LITTLE_ENDIAN);
        image.putInt(0, 0x2000_1000).putInt(4, RESET | 1);
        for (int i = 0; i < 16; i++) {
            image.putShort(RESET + 2 * i, (short) 0xBF00);
        }
        image.putShort(RESET + 32, (short) 0xE7EE); // B RESET
        machine.load(image.array());
    }

    @Test
    void romTableListsScsDwtFpbItmTpiuAndEtmWithTheirIds() {
        int[] entries = new int[7];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = machine.readBus(0xE00F_F000 + 4 * i);
        }
        assertArrayEquals(new int[] {0xFFF0_F003, 0xFFF0_2003, 0xFFF0_3003, 0xFFF0_1003, 0xFFF4_1003, 0xFFF4_2003, 0}, entries);
        assertEquals(0xC3, machine.readBus(0xE00F_FFE0), "ROM table part 0x4C3, PID0");
        assertEquals(0xB4, machine.readBus(0xE00F_FFE4));
        assertEquals(0x03, machine.readBus(0xE000_2FE0), "FPB part 0x003");
        assertEquals(0x00, machine.readBus(0xE000_EFE0), "SCS part 0x000");
        assertEquals(0x01, machine.readBus(0xE000_0FE0), "ITM part 0x001");
        assertEquals(0x02, machine.readBus(0xE000_1FE0), "DWT part 0x002");
        assertArrayEquals(new int[] {0x23, 0xB9, 0x0B, 0x00}, pid(0xE004_0000), "TPIU part 0x923");
        assertArrayEquals(new int[] {0x24, 0xB9, 0x0B, 0x00}, pid(0xE004_1000), "ETM part 0x924");
        assertEquals(0x90, machine.readBus(0xE004_0FF4), "TPIU: CoreSight class 9");
        assertEquals(0x10, machine.readBus(0xE00F_FFF4), "ROM table: class 1");
        assertArrayEquals(new int[] {0x0D, 0x10, 0x05, 0xB1}, cid(0xE00F_F000), "ROM table CIDR 0xB105100D");
        assertEquals(0x13, machine.readBus(0xE004_1FCC), "ETM DEVTYPE: trace source, processor");
    }

    private int[] pid(int base) {
        return words(base + 0xFE0);
    }

    private int[] cid(int base) {
        return words(base + 0xFF0);
    }

    private int[] words(int address) {
        int[] values = new int[4];
        for (int i = 0; i < 4; i++) {
            values[i] = machine.readBus(address + 4 * i);
        }
        return values;
    }

    @Test
    void fpbHasSixCodeAndTwoLiteralComparatorsAndItsSixthBreaks() {
        loadLoop();
        assertEquals(0x260, machine.readBus(0xE000_2000), "FP_CTRL while disabled");
        machine.core().setDebugEnabled(true);
        machine.writeBus(0xE000_2000, 3);
        machine.writeBus(0xE000_2008 + 4 * 5, (RESET + 8) | 0x4000_0001); // comparator 5, low halfword
        machine.run(100);
        assertTrue(machine.core().debug().halted());
        assertEquals(RESET + 8, machine.core().registers().pc());
        assertEquals(DebugState.DFSR_BKPT, machine.core().debug().dfsr() & DebugState.DFSR_BKPT);
    }

    @Test
    void fpbRemapsAnInstructionWordAndALiteralToTheSramTableForTheCoreOnly() {
        ByteBuffer image = ByteBuffer.allocate(0x100).order(ByteOrder.LITTLE_ENDIAN);
        image.putInt(0, 0x2000_1000).putInt(4, RESET | 1);
        image.putShort(RESET, (short) 0x2001).putShort(RESET + 2, (short) 0xBF00); // MOVS r0, #1; NOP
        image.putShort(RESET + 4, (short) 0x4901).putShort(RESET + 6, (short) 0xE7FE); // LDR r1, [pc, #4]; B .
        image.putInt(RESET + 12, 0x1111_1111);
        machine.load(image.array());
        machine.writeBus(0x2000_0100, 0xBF00_2042); // remap word 0: MOVS r0, #0x42; NOP
        machine.writeBus(0x2000_0100 + 4 * 6, 0xCAFE_F00D); // word 6: the first literal comparator
        machine.writeBus(0xE000_2004, 0x2000_0100);
        machine.writeBus(0xE000_2008, RESET | 1); // code comparator 0, REPLACE 00: remap
        machine.writeBus(0xE000_2008 + 4 * 6, (RESET + 12) | 1); // literal comparator 6
        machine.writeBus(0xE000_2000, 3);
        machine.run(20);
        assertEquals(0x42, machine.core().registers().get(0), "instruction fetch remapped");
        assertEquals(0xCAFE_F00D, machine.core().registers().get(1), "literal load remapped");
        assertEquals(0x1111_1111, machine.readBus(RESET + 12), "the debugger sees the flash");
        assertEquals(0x2000_0100, machine.readBus(0xE000_2004), "REMAP with RMPSPT (bit 29)");
    }

    @Test
    void cycleCounterCountsCoreCyclesOnlyWhileEnabled() {
        loadLoop();
        assertEquals(0x4000_0000, machine.readBus(0xE000_1000), "NUMCOMP 4, CYCCNT off");
        machine.core().debug().writeDemcr(DebugState.DEMCR_DWTENA);
        machine.run(50);
        assertEquals(0, machine.readBus(0xE000_1004), "not counting yet");
        machine.writeBus(0xE000_1000, 1);
        long before = machine.core().cycles();
        machine.run(1000);
        int counted = machine.readBus(0xE000_1004);
        assertEquals(machine.core().cycles() - before, counted);
        machine.writeBus(0xE000_1000, 0);
        machine.run(1000);
        assertEquals(counted, machine.readBus(0xE000_1004), "stopped");
    }

    @Test
    void itmStimulusPortWritesReachTheListenerOnlyWhenEnabled() {
        List<String> seen = new ArrayList<>();
        machine.itm().setListener((port, value, bytes) -> seen.add(port + ":" + Integer.toHexString(value) + "/" + bytes));
        machine.writeBus(0xE000_0000, 0x41);
        machine.writeBus(0xE000_0FB0, 0xC5AC_CE55);
        machine.writeBus(0xE000_0E80, 1);
        machine.writeBus(0xE000_0E00, 1 << 3);
        assertEquals(1, machine.readBus(0xE000_000C), "FIFOREADY");
        machine.writeBus(0xE000_000C, 0x4B4F);
        machine.writeBus(0xE000_0000, 0x42);
        assertEquals(List.of("3:4b4f/4"), seen);
    }
}
