package io.probehost.sim.mcu.cpu;

/** Hand assembly of the Thumb encodings the tests use (ARMv6-M ARM, chapter A6). */
final class Asm {
    static final int NOP = 0xBF00;
    static final int BKPT = 0xBE00;
    static final int WFI = 0xBF30;
    static final int WFE = 0xBF20;
    static final int SEV = 0xBF40;
    static final int YIELD = 0xBF10;
    static final int CPSID_I = 0xB672;
    static final int CPSIE_I = 0xB662;
    static final int UDF = 0xDE00;

    private Asm() {
    }

    static int movs(int rd, int imm8) {
        return 0x2000 | rd << 8 | imm8;
    }

    static int cmpImm(int rn, int imm8) {
        return 0x2800 | rn << 8 | imm8;
    }

    static int addsImm8(int rdn, int imm8) {
        return 0x3000 | rdn << 8 | imm8;
    }

    static int subsImm8(int rdn, int imm8) {
        return 0x3800 | rdn << 8 | imm8;
    }

    static int addsReg(int rd, int rn, int rm) {
        return 0x1800 | rm << 6 | rn << 3 | rd;
    }

    static int subsReg(int rd, int rn, int rm) {
        return 0x1A00 | rm << 6 | rn << 3 | rd;
    }

    static int addsImm3(int rd, int rn, int imm3) {
        return 0x1C00 | imm3 << 6 | rn << 3 | rd;
    }

    static int lslsImm(int rd, int rm, int imm5) {
        return imm5 << 6 | rm << 3 | rd;
    }

    static int lsrsImm(int rd, int rm, int imm5) {
        return 0x0800 | imm5 << 6 | rm << 3 | rd;
    }

    static int asrsImm(int rd, int rm, int imm5) {
        return 0x1000 | imm5 << 6 | rm << 3 | rd;
    }

    /** Data-processing register form: opcode 0 AND .. 15 MVN. */
    static int dp(int opcode, int rdn, int rm) {
        return 0x4000 | opcode << 6 | rm << 3 | rdn;
    }

    static final int AND = 0, EOR = 1, LSL = 2, LSR = 3, ASR = 4, ADC = 5, SBC = 6, ROR = 7, TST = 8,
            RSB = 9, CMP = 10, CMN = 11, ORR = 12, MUL = 13, BIC = 14, MVN = 15;

    static int addHigh(int rd, int rm) {
        return 0x4400 | (rd & 8) << 4 | rm << 3 | (rd & 7);
    }

    static int cmpHigh(int rn, int rm) {
        return 0x4500 | (rn & 8) << 4 | rm << 3 | (rn & 7);
    }

    static int movHigh(int rd, int rm) {
        return 0x4600 | (rd & 8) << 4 | rm << 3 | (rd & 7);
    }

    static int bx(int rm) {
        return 0x4700 | rm << 3;
    }

    static int blx(int rm) {
        return 0x4780 | rm << 3;
    }

    static int ldrLiteral(int rt, int imm8) {
        return 0x4800 | rt << 8 | imm8;
    }

    /** Register-offset load/store: op 0 STR,1 STRH,2 STRB,3 LDRSB,4 LDR,5 LDRH,6 LDRB,7 LDRSH. */
    static int lsReg(int op, int rt, int rn, int rm) {
        return 0x5000 | op << 9 | rm << 6 | rn << 3 | rt;
    }

    static int strImm(int rt, int rn, int wordOffset) {
        return 0x6000 | wordOffset << 6 | rn << 3 | rt;
    }

    static int ldrImm(int rt, int rn, int wordOffset) {
        return 0x6800 | wordOffset << 6 | rn << 3 | rt;
    }

    static int strbImm(int rt, int rn, int offset) {
        return 0x7000 | offset << 6 | rn << 3 | rt;
    }

    static int ldrbImm(int rt, int rn, int offset) {
        return 0x7800 | offset << 6 | rn << 3 | rt;
    }

    static int strhImm(int rt, int rn, int halfOffset) {
        return 0x8000 | halfOffset << 6 | rn << 3 | rt;
    }

    static int ldrhImm(int rt, int rn, int halfOffset) {
        return 0x8800 | halfOffset << 6 | rn << 3 | rt;
    }

    static int strSp(int rt, int wordOffset) {
        return 0x9000 | rt << 8 | wordOffset;
    }

    static int ldrSp(int rt, int wordOffset) {
        return 0x9800 | rt << 8 | wordOffset;
    }

    static int adr(int rd, int wordOffset) {
        return 0xA000 | rd << 8 | wordOffset;
    }

    static int addRdSp(int rd, int wordOffset) {
        return 0xA800 | rd << 8 | wordOffset;
    }

    static int addSp(int wordOffset) {
        return 0xB000 | wordOffset;
    }

    static int subSp(int wordOffset) {
        return 0xB080 | wordOffset;
    }

    static int sxth(int rd, int rm) {
        return 0xB200 | rm << 3 | rd;
    }

    static int sxtb(int rd, int rm) {
        return 0xB240 | rm << 3 | rd;
    }

    static int uxth(int rd, int rm) {
        return 0xB280 | rm << 3 | rd;
    }

    static int uxtb(int rd, int rm) {
        return 0xB2C0 | rm << 3 | rd;
    }

    static int push(int list, boolean lr) {
        return 0xB400 | (lr ? 0x100 : 0) | list;
    }

    static int pop(int list, boolean pc) {
        return 0xBC00 | (pc ? 0x100 : 0) | list;
    }

    static int rev(int rd, int rm) {
        return 0xBA00 | rm << 3 | rd;
    }

    static int rev16(int rd, int rm) {
        return 0xBA40 | rm << 3 | rd;
    }

    static int revsh(int rd, int rm) {
        return 0xBAC0 | rm << 3 | rd;
    }

    static int stm(int rn, int list) {
        return 0xC000 | rn << 8 | list;
    }

    static int ldm(int rn, int list) {
        return 0xC800 | rn << 8 | list;
    }

    /** B{cond} with a halfword offset relative to this instruction's address + 4. */
    static int bcond(int cond, int halfwords) {
        return 0xD000 | cond << 8 | (halfwords & 0xFF);
    }

    static int svc(int imm8) {
        return 0xDF00 | imm8;
    }

    static int b(int halfwords) {
        return 0xE000 | (halfwords & 0x7FF);
    }

    /** BL as two halfwords, offset in bytes from this instruction's address + 4. */
    static int[] bl(int offset) {
        int s = offset < 0 ? 1 : 0;
        int imm10 = (offset >> 12) & 0x3FF;
        int imm11 = (offset >> 1) & 0x7FF;
        int i1 = (offset >> 23) & 1;
        int i2 = (offset >> 22) & 1;
        int j1 = (~i1 ^ s) & 1;
        int j2 = (~i2 ^ s) & 1;
        return new int[] {0xF000 | s << 10 | imm10, 0xD000 | j1 << 13 | j2 << 11 | imm11};
    }

    static int[] msr(int sysm, int rn) {
        return new int[] {0xF380 | rn, 0x8800 | sysm};
    }

    static int[] mrs(int rd, int sysm) {
        return new int[] {0xF3EF, 0x8000 | rd << 8 | sysm};
    }

    static final int[] DMB = {0xF3BF, 0x8F5F};
    static final int[] DSB = {0xF3BF, 0x8F4F};
    static final int[] ISB = {0xF3BF, 0x8F6F};
}
