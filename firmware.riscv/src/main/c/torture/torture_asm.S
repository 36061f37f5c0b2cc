/* Hand-written parts of the RV32IMAC torture: explicit compressed forms, jumps, illegal
   encodings, an instruction fetch from nowhere and MRET. */
    .text
    .option rvc

/* uint32_t compressed_mix(uint32_t seed): every RV32C integer form at least once. */
    .globl compressed_mix
compressed_mix:
    c.addi16sp sp, -64
    c.swsp  ra, 60(sp)
    c.swsp  s0, 56(sp)
    c.swsp  s1, 52(sp)
    c.mv    a1, a0
    c.li    a2, -7
    c.lui   a3, 0x1f
    c.lui   a4, 0xfffe1
    c.add   a1, a2
    c.addi  a1, -32
    c.addi  a1, 31
    c.slli  a1, 3
    c.xor   a1, a3
    c.srli  a1, 5
    c.or    a1, a4
    c.srai  a1, 7
    c.andi  a1, -17
    c.sub   a1, a2
    c.and   a3, a1
    c.addi4spn a5, sp, 16
    c.sw    a1, 0(a5)
    c.sw    a2, 4(a5)
    c.sw    a3, 28(a5)
    c.lw    s0, 0(a5)
    c.lw    s1, 4(a5)
    c.swsp  a1, 48(sp)
    c.lwsp  a4, 48(sp)
    c.add   s0, s1
    c.add   s0, a4
    c.lw    a4, 28(a5)
    c.xor   s0, a4
    c.li    a5, 5
1:  c.addi  a1, 3
    c.slli  a1, 1
    c.xor   a1, s0
    c.addi  a5, -1
    c.bnez  a5, 1b
    c.beqz  a5, 2f
    c.li    a1, 0
2:  c.jal   compressed_leaf
    la      t0, compressed_leaf
    c.jalr  t0
    c.nop
    c.addi  a2, 1
    c.beqz  a2, 3f
    c.j     4f
3:  c.li    a1, 1
4:  c.mv    a0, a1
    c.xor   a0, s0
    c.lwsp  s1, 52(sp)
    c.lwsp  s0, 56(sp)
    c.lwsp  ra, 60(sp)
    c.addi16sp sp, 64
    c.jr    ra

compressed_leaf:
    c.slli  a1, 5
    c.addi  a1, 9
    c.jr    ra

/* uint32_t jump_mix(uint32_t seed): JAL, JALR (bit 0 of the target cleared), AUIPC; only
   differences of addresses reach the result. */
    .globl jump_mix
jump_mix:
    mv      t1, a0
    auipc   t2, 0
    auipc   t3, 0
    sub     t4, t3, t2
    add     t1, t1, t4
    jal     t5, 2f
    addi    t1, t1, 1
    j       3f
2:  sub     t6, t5, t2
    add     t1, t1, t6
    jalr    x0, 0(t5)
3:  la      t0, 4f
    jalr    t5, 1(t0)
4:  sub     t6, t5, t2
    add     t1, t1, t6
    la      t0, 5f + 8
    jalr    x0, -8(t0)
    addi    t1, t1, 1000
5:  slli    t1, t1, 1
    bne     t1, zero, 6f
    addi    t1, t1, 1
6:  mv      a0, t1
    ret

/* Each of these traps with mcause 2; the handler records it and skips it by its length. */
    .globl illegal_cases
illegal_cases:
    .word   0x04000033      /* OP with funct7 0x02 */
    unimp                   /* csrrw x0, cycle, x0: a write to a read-only CSR */
    csrr    t0, 0x7C0       /* no such CSR */
    csrw    mhartid, zero   /* read-only */
    .word   0x00001067      /* JALR with funct3 1 */
    .word   0x00002063      /* branch funct3 2 */
    .word   0x00003003      /* LD (RV64) */
    .word   0x00006003      /* LWU (RV64) */
    .word   0x00003023      /* SD (RV64) */
    .word   0x02001013      /* SLLI with shamt[5] */
    .word   0x42005013      /* SRAI with shamt[5] */
    .word   0x40001033      /* OP funct7 0x20 funct3 1 */
    .word   0x0000302F      /* AMO .D */
    .word   0xF800202F      /* AMO funct5 0x1F */
    .word   0x1010202F      /* LR.W with rs2 != 0 */
    .word   0x10200073      /* SRET: no S-mode */
    .word   0x00004073      /* SYSTEM funct3 4 */
    .half   0x0000          /* C: all zero */
    .half   0x0004          /* C.ADDI4SPN, zero immediate */
    .half   0x6181          /* C.LUI, zero immediate */
    .half   0x6101          /* C.ADDI16SP, zero immediate */
    .half   0x4002          /* C.LWSP to x0 */
    .half   0x8002          /* C.JR x0 */
    .half   0x9001          /* C.SRLI shamt[5] */
    .half   0x1002          /* C.SLLI shamt[5] */
    .half   0x9C01          /* C.SUBW (RV64) */
    .half   0x9C21          /* C.ADDW (RV64) */
    .half   0x8000          /* quadrant 0 funct3 4: reserved */
    .half   0x2000          /* C.FLD */
    .half   0x6000          /* C.FLW */
    .half   0xA000          /* C.FSD */
    .half   0xE000          /* C.FSW */
    .half   0x2002          /* C.FLDSP */
    .half   0x6002          /* C.FLWSP */
    .half   0xA002          /* C.FSDSP */
    .half   0xE002          /* C.FSWSP */
    ret

/* A call to an unmapped address: instruction access fault; the handler returns to ra. */
    .globl fetch_fault_case
fetch_fault_case:
    addi    sp, sp, -16
    sw      ra, 12(sp)
    li      t0, 0x00200000
    jalr    ra, 0(t0)
    lw      ra, 12(sp)
    addi    sp, sp, 16
    ret

/* MRET with MPP = M (QEMU 7.2 would go to U on MPP 0), MPIE set and MIE clear: returns
   mstatus & 0x88 as seen after it, then clears MIE. */
    .globl mret_case
mret_case:
    la      t0, 1f
    csrw    mepc, t0
    li      t0, 0x1880
    csrw    mstatus, t0
    mret
1:  csrr    a0, mstatus
    andi    a0, a0, 0x88        /* MPP left out: QEMU 7.2 sets it to U, absent here (spec: M) */
    li      t0, 0x1800
    csrw    mstatus, t0
    ret
