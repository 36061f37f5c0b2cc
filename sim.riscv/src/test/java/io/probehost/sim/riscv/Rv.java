package io.probehost.sim.riscv;

/** Encoders for the RV32 instruction formats, for tests (register numbers, raw immediates). */
public final class Rv {
    private Rv() {
    }

    public static int r(int funct7, int rs2, int rs1, int funct3, int rd, int opcode) {
        return funct7 << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | opcode;
    }

    public static int i(int imm, int rs1, int funct3, int rd, int opcode) {
        return (imm & 0xFFF) << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | opcode;
    }

    public static int s(int imm, int rs2, int rs1, int funct3) {
        return CompressedExpander.sType(imm, rs2, rs1, funct3);
    }

    public static int b(int imm, int rs2, int rs1, int funct3) {
        return CompressedExpander.bType(imm, rs2, rs1, funct3);
    }

    public static int jal(int rd, int imm) {
        return CompressedExpander.jType(imm, rd);
    }

    public static int jalr(int rd, int rs1, int imm) {
        return i(imm, rs1, 0, rd, 0x67);
    }

    public static int lui(int rd, int upper) {
        return upper << 12 | rd << 7 | 0x37;
    }

    public static int auipc(int rd, int upper) {
        return upper << 12 | rd << 7 | 0x17;
    }

    public static int addi(int rd, int rs1, int imm) {
        return i(imm, rs1, 0, rd, 0x13);
    }

    public static int op(int funct7, int funct3, int rd, int rs1, int rs2) {
        return r(funct7, rs2, rs1, funct3, rd, 0x33);
    }

    public static int load(int funct3, int rd, int rs1, int imm) {
        return i(imm, rs1, funct3, rd, 0x03);
    }

    public static int store(int funct3, int rs2, int rs1, int imm) {
        return s(imm, rs2, rs1, funct3);
    }

    public static int csr(int funct3, int rd, int csr, int rs1OrUimm) {
        return csr << 20 | rs1OrUimm << 15 | funct3 << 12 | rd << 7 | 0x73;
    }

    public static int amo(int funct5, int rd, int rs1, int rs2) {
        return r(funct5 << 2, rs2, rs1, 2, rd, 0x2F);
    }

    /** add x0, x1, x2: a write to x0. */
    public static int add0() {
        return op(0, 0, 0, 1, 2);
    }

    public static final int ECALL = 0x0000_0073;
    public static final int EBREAK = 0x0010_0073;
    public static final int MRET = 0x3020_0073;
    public static final int WFI = 0x1050_0073;
    public static final int NOP = addi(0, 0, 0);
}
