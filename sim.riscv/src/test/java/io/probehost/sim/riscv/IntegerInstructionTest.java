package io.probehost.sim.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.mcu.AccessSize;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RV32I: register and immediate ALU operations over edge-value tables, branches, jumps, loads and stores. */
class IntegerInstructionTest {
    static final int[] EDGES = {0, 1, 2, 31, 32, 33, 0x7FFF_FFFF, 0x8000_0000, 0x8000_0001, -1, -2, 0xFFFF, 0xFFFF_0000,
        0x1234_5678, 0xDEAD_BEEF, 0x5555_5555};

    private static void assertTable(String name, int instruction, IntBinaryOperator reference) {
        for (int a : EDGES) {
            for (int b : EDGES) {
                assertEquals(reference.applyAsInt(a, b), TestHart.runBinary(instruction, a, b),
                        String.format("%s 0x%08X, 0x%08X", name, a, b));
            }
        }
    }

    @Test
    void registerOperationsMatchTheirDefinitionOnAllEdgePairs() {
        assertTable("add", Rv.op(0, 0, 3, 1, 2), (a, b) -> a + b);
        assertTable("sub", Rv.op(0x20, 0, 3, 1, 2), (a, b) -> a - b);
        assertTable("sll", Rv.op(0, 1, 3, 1, 2), (a, b) -> a << (b & 31));
        assertTable("slt", Rv.op(0, 2, 3, 1, 2), (a, b) -> a < b ? 1 : 0);
        assertTable("sltu", Rv.op(0, 3, 3, 1, 2), (a, b) -> (a & 0xFFFF_FFFFL) < (b & 0xFFFF_FFFFL) ? 1 : 0);
        assertTable("xor", Rv.op(0, 4, 3, 1, 2), (a, b) -> a ^ b);
        assertTable("srl", Rv.op(0, 5, 3, 1, 2), (a, b) -> (int) ((a & 0xFFFF_FFFFL) >> (b & 31)));
        assertTable("sra", Rv.op(0x20, 5, 3, 1, 2), (a, b) -> (int) ((long) a >> (b & 31)));
        assertTable("or", Rv.op(0, 6, 3, 1, 2), (a, b) -> a | b);
        assertTable("and", Rv.op(0, 7, 3, 1, 2), (a, b) -> a & b);
    }

    @Test
    void immediateOperationsSignExtendTheirTwelveBitImmediate() {
        int[] immediates = {0, 1, 0x7FF, -0x800, -1, 0x555};
        for (int imm : immediates) {
            int i = imm;
            assertTable("addi " + imm, Rv.i(imm, 1, 0, 3, 0x13), (a, b) -> a + i);
            assertTable("slti " + imm, Rv.i(imm, 1, 2, 3, 0x13), (a, b) -> a < i ? 1 : 0);
            assertTable("sltiu " + imm, Rv.i(imm, 1, 3, 3, 0x13), (a, b) -> Integer.compareUnsigned(a, i) < 0 ? 1 : 0);
            assertTable("xori " + imm, Rv.i(imm, 1, 4, 3, 0x13), (a, b) -> a ^ i);
            assertTable("ori " + imm, Rv.i(imm, 1, 6, 3, 0x13), (a, b) -> a | i);
            assertTable("andi " + imm, Rv.i(imm, 1, 7, 3, 0x13), (a, b) -> a & i);
        }
        for (int shamt = 0; shamt < 32; shamt++) {
            int n = shamt;
            assertTable("slli " + n, Rv.i(n, 1, 1, 3, 0x13), (a, b) -> a << n);
            assertTable("srli " + n, Rv.i(n, 1, 5, 3, 0x13), (a, b) -> a >>> n);
            assertTable("srai " + n, Rv.i(0x400 | n, 1, 5, 3, 0x13), (a, b) -> a >> n);
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 2", "4, 4", "5, 8", "6, 16", "7, 32"})
    void branchesCompareAsTheirConditionSays(int funct3, int bit) {
        for (int a : EDGES) {
            for (int b : EDGES) {
                boolean expected = switch (funct3) {
                    case 0 -> a == b;
                    case 1 -> a != b;
                    case 4 -> a < b;
                    case 5 -> a >= b;
                    case 6 -> Integer.compareUnsigned(a, b) < 0;
                    default -> Integer.compareUnsigned(a, b) >= 0;
                };
                TestHart t = new TestHart().code(Rv.b(-8 + 16, 2, 1, funct3)).set(1, a).set(2, b).step(1);
                assertEquals(expected ? TestHart.RAM + 8 : TestHart.RAM + 4, t.hart.pc(), "branch " + bit + " " + a + " " + b);
            }
        }
    }

    @Test
    void jalLinksAndJalrClearsBitZeroOfTheTarget() {
        TestHart t = new TestHart().code(Rv.jal(1, 12), Rv.NOP, Rv.NOP, Rv.jalr(5, 1, 0x101)).step(1);
        assertEquals(TestHart.RAM + 12, t.hart.pc());
        assertEquals(TestHart.RAM + 4, t.x(1));
        t.step(1);
        assertEquals(TestHart.RAM + 4 + 0x100, t.hart.pc());
        assertEquals(TestHart.RAM + 16, t.x(5));
    }

    @Test
    void luiAndAuipcPlaceTheUpperImmediate() {
        TestHart t = new TestHart().code(Rv.lui(1, 0xFFFFF), Rv.auipc(2, 0x80000)).step(2);
        assertEquals(0xFFFF_F000, t.x(1));
        assertEquals(TestHart.RAM + 4 + 0x8000_0000, t.x(2));
    }

    @Test
    void registerZeroStaysZero() {
        TestHart t = new TestHart().set(1, 5).set(2, 6).code(Rv.addi(0, 1, 5), Rv.add0()).step(2);
        assertEquals(0, t.x(0));
    }

    @Test
    void loadsExtendAsTheirWidthSaysAndStoresWriteOnlyTheirBytes() {
        TestHart t = new TestHart();
        t.poke(TestHart.DATA, AccessSize.WORD, 0x8081_FF7F);
        t.set(1, TestHart.DATA).code(Rv.load(0, 2, 1, 0), Rv.load(0, 3, 1, 1), Rv.load(4, 4, 1, 1), Rv.load(1, 5, 1, 2),
                Rv.load(5, 6, 1, 2), Rv.load(2, 7, 1, 0), Rv.load(1, 8, 1, 0)).step(7);
        assertEquals(0x7F, t.x(2));
        assertEquals(-1, t.x(3));
        assertEquals(0xFF, t.x(4));
        assertEquals(0xFFFF_8081, t.x(5));
        assertEquals(0x8081, t.x(6));
        assertEquals(0x8081_FF7F, t.x(7));
        assertEquals(0xFFFF_FF7F, t.x(8));
        t.set(9, 0xAABB_CCDD).code(Rv.store(0, 9, 1, 4), Rv.store(1, 9, 1, 10), Rv.store(2, 9, 1, 12)).step(3);
        assertEquals(0x0000_00DD, t.peek(TestHart.DATA + 4, AccessSize.WORD));
        assertEquals(0xCCDD_0000, t.peek(TestHart.DATA + 8, AccessSize.WORD));
        assertEquals(0xAABB_CCDD, t.peek(TestHart.DATA + 12, AccessSize.WORD));
    }

    @Test
    void misalignedAccessesAreSplitWhenThePolicyIsSplit() {
        TestHart t = new TestHart(MisalignedAccess.SPLIT);
        t.poke(TestHart.DATA, AccessSize.WORD, 0x4433_2211);
        t.poke(TestHart.DATA + 4, AccessSize.WORD, 0x8877_6655);
        t.set(1, TestHart.DATA).set(4, 0xA1B2_C3D4)
                .code(Rv.load(2, 2, 1, 1), Rv.load(1, 3, 1, 3), Rv.store(2, 4, 1, 5)).step(3);
        assertEquals(0x5544_3322, t.x(2));
        assertEquals(0x5544, t.x(3));
        assertEquals(0xB2C3_D455, t.peek(TestHart.DATA + 4, AccessSize.WORD));
        assertEquals(0x0000_00A1, t.peek(TestHart.DATA + 8, AccessSize.WORD));
    }
}
