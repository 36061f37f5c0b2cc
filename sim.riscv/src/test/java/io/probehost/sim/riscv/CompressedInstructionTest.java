package io.probehost.sim.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RV32C: every form against the 32-bit instruction GNU as assembles for it (pairs assembled with
 * riscv64-unknown-elf-as at 0x10000), and all 49,152 16-bit encodings' legality against the
 * reserved and RV64/FP-only encodings of the spec's tables 16.5 to 16.7.
 */
class CompressedInstructionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "c.addi4spn a5 sp 1020, 0x1ffc, 0x3fc10793",
        "c.addi4spn s0 sp 4, 0x0040, 0x00410413",
        "c.lw a0 124(a5), 0x5fe8, 0x07c7a503",
        "c.lw s1 0(s0), 0x4004, 0x00042483",
        "c.sw a2 64(a3), 0xc2b0, 0x04c6a023",
        "c.nop, 0x0001, 0x00000013",
        "c.addi t0 -32, 0x1281, 0xfe028293",
        "c.addi a0 31, 0x057d, 0x01f50513",
        "c.jal .-2048, 0x3001, 0x801ff0ef",
        "c.jal .+2046, 0x2ffd, 0x7fe000ef",
        "c.li t6 -1, 0x5ffd, 0xfff00f93",
        "c.li a0 31, 0x457d, 0x01f00513",
        "c.addi16sp sp -512, 0x7101, 0xe0010113",
        "c.addi16sp sp 496, 0x617d, 0x1f010113",
        "c.lui a0 0x1f, 0x657d, 0x0001f537",
        "c.lui t1 0xfffe0, 0x7301, 0xfffe0337",
        "c.lui s0 1, 0x6405, 0x00001437",
        "c.srli a1 31, 0x81fd, 0x01f5d593",
        "c.srai s0 1, 0x8405, 0x40145413",
        "c.andi a5 -32, 0x9b81, 0xfe07f793",
        "c.sub a0 a1, 0x8d0d, 0x40b50533",
        "c.xor s1 a5, 0x8cbd, 0x00f4c4b3",
        "c.or a4 a3, 0x8f55, 0x00d76733",
        "c.and s0 s1, 0x8c65, 0x00947433",
        "c.j .-2048, 0xb001, 0x801ff06f",
        "c.j .+1000, 0xa6e5, 0x3e80006f",
        "c.beqz a0 .-256, 0xd101, 0xf00500e3",
        "c.bnez s1 .+254, 0xecfd, 0x0e049f63",
        "c.slli t0 31, 0x02fe, 0x01f29293",
        "c.lwsp ra 252(sp), 0x50fe, 0x0fc12083",
        "c.lwsp t6 0(sp), 0x4f82, 0x00012f83",
        "c.jr t0, 0x8282, 0x00028067",
        "c.mv a0 t6, 0x857e, 0x01f00533",
        "c.ebreak, 0x9002, 0x00100073",
        "c.jalr a5, 0x9782, 0x000780e7",
        "c.add sp t0, 0x9116, 0x00510133",
        "c.swsp s11 252(sp), 0xdfee, 0x0fb12e23",
        "c.swsp zero 0(sp), 0xc002, 0x00012023"
    })
    void expandsToTheInstructionTheAssemblerGivesForItsExpansion(String form, String compressed, String expanded) {
        assertEquals(Integer.parseUnsignedInt(expanded.substring(2), 16),
                CompressedExpander.expand(Integer.parseInt(compressed.substring(2), 16)), form);
    }

    private static int bits(int value, int high, int low) {
        return value >>> low & ((1 << (high - low + 1)) - 1);
    }

    /** Written from the spec's tables, independently of the expander. */
    private static boolean reserved(int c) {
        int quadrant = c & 3;
        int funct3 = bits(c, 15, 13);
        int bit12 = bits(c, 12, 12);
        int rd = bits(c, 11, 7);
        int low5 = bits(c, 6, 2);
        boolean floatingPoint = funct3 == 1 || funct3 == 3 || funct3 == 5 || funct3 == 7;
        switch (quadrant) {
            case 0:
                return floatingPoint || funct3 == 4 || (funct3 == 0 && bits(c, 12, 5) == 0);
            case 1:
                if (funct3 == 3) {
                    return bit12 == 0 && low5 == 0;
                }
                if (funct3 == 4) {
                    return bit12 == 1 && bits(c, 11, 10) != 2;
                }
                return false;
            default:
                if (floatingPoint) {
                    return true;
                }
                return switch (funct3) {
                    case 0 -> bit12 == 1;
                    case 2 -> rd == 0;
                    case 4 -> bit12 == 0 && low5 == 0 && rd == 0;
                    default -> false;
                };
        }
    }

    @Test
    void everySixteenBitEncodingIsIllegalExactlyWhenTheSpecReservesIt() {
        int illegal = 0;
        for (int c = 0; c < 0x10000; c++) {
            if ((c & 3) == 3) {
                continue;
            }
            boolean expectedIllegal = reserved(c);
            assertEquals(expectedIllegal, CompressedExpander.expand(c) == CompressedExpander.ILLEGAL,
                    String.format("0x%04X", c));
            illegal += expectedIllegal ? 1 : 0;
        }
        assertEquals(true, illegal > 20_000, "the FP forms alone are 8 x 8192 / 2 encodings: " + illegal);
    }

    @Test
    void illegalCompressedInstructionTrapsWithItsSixteenBitsInMtval() {
        TestHart t = new TestHart().compressed(0x6181).step(1);
        assertEquals(2, t.csr(ControlStatusRegisters.MCAUSE));
        assertEquals(0x6181, t.csr(ControlStatusRegisters.MTVAL));
        assertEquals(TestHart.RAM, t.csr(ControlStatusRegisters.MEPC));
    }

    @Test
    void compressedInstructionsAdvanceByTwoAndLinkPcPlusTwo() {
        // c.li a0, 5; c.jal +4 -> lands on c.addi a0, 1 past one c.nop
        TestHart t = new TestHart().compressed(0x4515, 0x2011, 0x0001, 0x0505).step(1);
        assertEquals(5, t.x(10));
        assertEquals(TestHart.RAM + 2, t.hart.pc());
        t.step(1);
        assertEquals(TestHart.RAM + 6, t.hart.pc());
        assertEquals(TestHart.RAM + 4, t.x(1));
        t.step(1);
        assertEquals(6, t.x(10));
    }
}
