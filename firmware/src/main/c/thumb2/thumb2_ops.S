/* One ARMv7-M instruction per function, for thumb2.c to run over edge operands and flags.
 * Every op_* takes (a, b, apsr_in) in r0-r2, sets APSR (NZCVQ) from apsr_in, runs its instruction
 * and returns the result in r0 and the APSR after it in r1 (a uint64_t to C).
 * Every long_* takes (a, b, lo, hi) and returns the 64-bit result in r0:r1. */
    .syntax unified
    .thumb
    .text

.macro OP name, insn:vararg
    .global op_\name
    .type op_\name, %function
    .thumb_func
op_\name:
    msr APSR_nzcvq, r2
    \insn
    mrs r1, APSR
    bx lr
    .size op_\name, . - op_\name
.endm

.macro BEGIN name
    .global op_\name
    .type op_\name, %function
    .thumb_func
op_\name:
    msr APSR_nzcvq, r2
.endm

.macro END name
    mrs r1, APSR
    bx lr
    .size op_\name, . - op_\name
.endm

.macro LONG name, insn:vararg
    .global long_\name
    .type long_\name, %function
    .thumb_func
long_\name:
    \insn
    mov r0, r2
    mov r1, r3
    bx lr
    .size long_\name, . - long_\name
.endm

/* data processing, shifted register */
OP adds_reg,  adds.w r0, r0, r1
OP adcs_reg,  adcs.w r0, r0, r1
OP subs_reg,  subs.w r0, r0, r1
OP sbcs_reg,  sbcs.w r0, r0, r1
OP rsbs_reg,  rsbs r0, r0, r1
OP ands_lsl,  ands.w r0, r0, r1, lsl #7
OP orrs_lsr,  orrs.w r0, r0, r1, lsr #32
OP eors_asr,  eors.w r0, r0, r1, asr #31
OP bics_ror,  bics.w r0, r0, r1, ror #13
OP orns_rrx,  orns r0, r0, r1, rrx
OP adds_asr,  adds.w r0, r0, r1, asr #3
OP subs_lsl,  subs.w r0, r0, r1, lsl #31
OP sbcs_ror,  sbcs.w r0, r0, r1, ror #1
OP movs_lsl,  lsls.w r0, r1, #1
OP movs_rrx,  movs.w r0, r1, rrx
OP mvns_asr,  mvns.w r0, r1, asr #32
OP tst_reg,   tst.w r0, r1, lsl #16
OP teq_reg,   teq.w r0, r1
OP cmp_reg,   cmp.w r0, r1, lsr #1
OP cmn_reg,   cmn.w r0, r1
OP add_noflags, add.w r0, r0, r1, lsl #2
OP lsls_reg,  lsls.w r0, r0, r1
OP lsrs_reg,  lsrs.w r0, r0, r1
OP asrs_reg,  asrs.w r0, r0, r1
OP rors_reg,  rors.w r0, r0, r1
OP lsl_reg,   lsl.w r0, r0, r1
OP ror_reg,   ror.w r0, r0, r1

/* data processing, modified immediate (both carry rules) */
OP adds_imm,  adds.w r0, r0, #0x00AB00AB
OP adcs_imm,  adcs.w r0, r0, #0xFFFFFFFF
OP subs_imm,  subs.w r0, r0, #0x80000000
OP sbcs_imm,  sbcs.w r0, r0, #0x1FE
OP rsbs_imm,  rsbs.w r0, r0, #0
OP ands_rot,  ands.w r0, r0, #0xFF000000
OP ands_plain, ands.w r0, r0, #0x0000FF00
OP orrs_rot,  orrs.w r0, r0, #0x80000000
OP eors_rep,  eors.w r0, r0, #0xABABABAB
OP bics_rot,  bics.w r0, r0, #0x1FE00
OP orns_imm,  orn r0, r0, #0x00FF00FF
OP movs_rot,  movs.w r0, #0x80000000
OP mvns_imm,  mvns.w r0, #0x3FC
OP tst_imm,   tst.w r0, #0xC0000000
OP teq_imm,   teq.w r0, #0x1
OP cmp_imm,   cmp.w r0, #0xFF00FF00
OP cmn_imm,   cmn.w r0, #0x7F000000

/* plain binary immediates */
OP addw,      addw r0, r0, #0xFFF
OP subw,      subw r0, r0, #0xABC
BEGIN movw_movt
    movw r0, #0xBEEF
    movt r0, #0xDEAD
END movw_movt
OP movt,      movt r0, #0x1234

/* bit fields */
OP ubfx,      ubfx r0, r0, #3, #7
OP ubfx_top,  ubfx r0, r0, #31, #1
OP sbfx,      sbfx r0, r0, #4, #12
OP sbfx_all,  sbfx r0, r1, #0, #32
OP bfi,       bfi r0, r1, #8, #12
OP bfi_top,   bfi r0, r1, #24, #8
OP bfc,       bfc r0, #4, #20

/* saturation (Q) */
OP ssat8,     ssat r0, #8, r0
OP ssat1,     ssat r0, #1, r0
OP ssat16_asr, ssat r0, #16, r0, asr #3
OP ssat32_lsl, ssat r0, #32, r0, lsl #4
OP usat8,     usat r0, #8, r0
OP usat0,     usat r0, #0, r0
OP usat31_lsl, usat r0, #31, r0, lsl #2
OP usat15_asr, usat r0, #15, r0, asr #31

/* bit and byte order */
OP clz,       clz r0, r1
OP rbit,      rbit r0, r1
OP rev_w,     rev.w r0, r1
OP rev16_w,   rev16.w r0, r1
OP revsh_w,   revsh.w r0, r1
OP sxtb_ror,  sxtb.w r0, r1, ror #8
OP sxth_ror,  sxth.w r0, r1, ror #16
OP uxtb_ror,  uxtb.w r0, r1, ror #24
OP uxth_w,    uxth.w r0, r1

/* multiply and divide (CCR.DIV_0_TRP clear: x / 0 = 0) */
OP mul_w,     mul.w r0, r0, r1
OP mla,       mla r0, r0, r1, r0
OP mls,       mls r0, r0, r1, r1
OP udiv,      udiv r0, r0, r1
OP sdiv,      sdiv r0, r0, r1

LONG umull,   umull r2, r3, r0, r1
LONG smull,   smull r2, r3, r0, r1
LONG umlal,   umlal r2, r3, r0, r1
LONG smlal,   smlal r2, r3, r0, r1

/* IT blocks: 16-bit instructions inside do not set flags (except CMP), conditions see updates */
BEGIN it_ite
    ite eq
    addeq r0, r0, r1
    subne r0, r0, r1
END it_ite
BEGIN it_itete
    itete gt
    lslgt r0, r0, #1
    eorle r0, r0, r1
    addgt r0, #3
    mvnle r0, r0
END it_itete
BEGIN it_cmp
    ittt cs
    cmpcs r0, r1
    addcs r0, r0, #7
    movcs r1, #9
END it_cmp
BEGIN it_wide
    itt vs
    addsvs.w r0, r0, r1
    sbcvs r0, r0, r1
END it_wide
BEGIN it_all
    itttt hi
    lsrhi r0, r0, #1
    asrhi r0, r0, #2
    orrhi r0, r0, r1
    mulhi r0, r0, r1
END it_all
BEGIN it_mi_pl
    itet mi
    movmi r0, #1
    movpl r0, #2
    addmi r0, r0, r1
END it_mi_pl
BEGIN it_ls
    ite ls
    rsbls r0, r0, #0
    bichi r0, r0, r1
END it_ls
BEGIN it_al
    ite ge
    sxtbge r0, r0
    uxthlt r0, r0
END it_al

/* TBB and TBH: r0 picks a case; returns 100 + 7 * case */
    .global table_byte
    .type table_byte, %function
    .thumb_func
table_byte:
    cmp r0, #4
    bhs 9f
    tbb [pc, r0]
1:  .byte (10f - 1b) / 2, (11f - 1b) / 2, (12f - 1b) / 2, (13f - 1b) / 2
10: movs r0, #100
    bx lr
11: movs r0, #107
    bx lr
12: movs r0, #114
    bx lr
13: movs r0, #121
    bx lr
9:  movs r0, #0
    bx lr
    .size table_byte, . - table_byte

    .global table_halfword
    .type table_halfword, %function
    .thumb_func
table_halfword:
    cmp r0, #3
    bhs 9f
    adr r1, 2f
    tbh [r1, r0, lsl #1]
1:  b 9f
    nop
    .balign 4
2:  .hword (10f - 1b) / 2, (11f - 1b) / 2, (12f - 1b) / 2
10: movs r0, #100
    bx lr
    .space 600
11: movs r0, #107
    bx lr
12: movs r0, #114
    bx lr
9:  movs r0, #0
    bx lr
    .size table_halfword, . - table_halfword

/* CBZ/CBNZ: returns a bit per branch taken */
    .global compare_branch
    .type compare_branch, %function
    .thumb_func
compare_branch:
    movs r1, #0
    cbz r0, 1f
    orr r1, r1, #1
1:  cbnz r0, 2f
    orr r1, r1, #2
2:  mov r0, r1
    bx lr
    .size compare_branch, . - compare_branch

/* Exclusives on a word at r0 (and byte, halfword after it); results into out[] at r1. */
    .global exclusives
    .type exclusives, %function
    .thumb_func
exclusives:
    push {r4, r5, lr}
    ldrex r2, [r0]
    adds r2, #1
    strex r3, r2, [r0]          @ succeeds: 0
    str r3, [r1, #0]
    strex r3, r2, [r0]          @ monitor now closed: 1
    str r3, [r1, #4]
    ldrex r2, [r0]
    clrex
    strex r3, r2, [r0]          @ cleared: 1
    str r3, [r1, #8]
    adds r5, r0, #4
    ldrexb r2, [r5]
    adds r2, #3
    strexb r3, r2, [r5]
    str r3, [r1, #12]
    adds r5, r0, #6
    ldrexh r2, [r5]
    adds r2, #5
    strexh r3, r2, [r5]
    str r3, [r1, #16]
    ldrex r4, [r0, #8]
    adds r4, #1
    strex r5, r4, [r0, #8]
    str r5, [r1, #20]
    pop {r4, r5, pc}
    .size exclusives, . - exclusives

/* Loads and stores of every addressing form over a 64-byte buffer at r0; returns a sum. */
    .global load_store_forms
    .type load_store_forms, %function
    .thumb_func
load_store_forms:
    push {r4-r8, lr}
    mov r4, r0
    ldr.w r1, [r4, #4]
    ldr r2, [r4, #-4]!           @ pre-index, writeback
    add r1, r1, r2
    ldr r2, [r4], #12            @ post-index
    add r1, r1, r2
    ldrsb.w r2, [r4, #3]
    add r1, r1, r2
    ldrsh r2, [r4, #-2]
    add r1, r1, r2
    ldrb r2, [r4, #255]!
    add r1, r1, r2
    sub r4, r4, #255
    mov r5, #3
    ldr.w r2, [r4, r5, lsl #2]
    add r1, r1, r2
    ldrsb r2, [r4, r5]
    add r1, r1, r2
    ldrsh.w r2, [r4, r5, lsl #1]
    add r1, r1, r2
    str r1, [r4, #8]!
    strh r1, [r4], #-8
    strb.w r1, [r4, #2049 - 2048]
    str.w r1, [r4, r5, lsl #3]
    ldrd r6, r7, [r4, #8]
    add r1, r1, r6
    eor r1, r1, r7
    strd r1, r7, [r4, #16]!
    ldrd r6, r7, [r4], #-8
    add r1, r1, r6
    add r1, r1, r7
    ldr r2, [r4, #1]             @ unaligned word (CCR.UNALIGN_TRP clear)
    add r1, r1, r2
    ldrh r2, [r4, #3]            @ unaligned halfword
    add r1, r1, r2
    str r1, [r4, #5]             @ unaligned store
    strh r1, [r4, #11]
    ldrt r2, [r4, #4]
    add r1, r1, r2
    strbt r1, [r4, #20]
    ldr.w r2, 1f
    add r1, r1, r2
    mov r0, r1
    pop {r4-r8, pc}
    .balign 4
1:  .word 0x13579BDF
    .size load_store_forms, . - load_store_forms

/* LDM/STM wide: stores r1.. patterns with STMDB/STMIA, reloads with LDMIA/LDMDB. */
    .global multiple_forms
    .type multiple_forms, %function
    .thumb_func
multiple_forms:
    push {r4-r11, lr}
    add r0, r0, #32
    mov r4, #0x44
    mov r8, #0x88
    mov r9, #0x99
    mov r12, #0xCC
    stmdb r0!, {r1, r4, r8, r9, r12}
    stmia.w r0, {r4, r8}
    ldmia.w r0!, {r5, r6, r7}
    add r1, r5, r6
    add r1, r1, r7
    ldmdb r0, {r2, r3, r10, r11}
    add r1, r1, r2
    add r1, r1, r3
    eor r1, r1, r10
    add r1, r1, r11
    mov r0, r1
    pop.w {r4-r11, pc}
    .size multiple_forms, . - multiple_forms
