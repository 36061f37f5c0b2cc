/* PC-relative forms at both halfword alignments, and every way Thumb-1 code can branch. */
    .syntax unified
    .cpu cortex-m0
    .thumb
    .text

/* void pc_relative(uint32_t out[7]): out = { 4, 4, 0, 0, 0xCAFEF00D, 0x8BADF00D, 6 }. */
    .global pc_relative
    .type pc_relative, %function
    .thumb_func
pc_relative:
    push {r4, lr}
    .balign 4
pcrel_mov_aligned:
    mov r1, pc                 /* reads this address + 4 */
    ldr r2, =pcrel_mov_aligned
    subs r1, r1, r2
    str r1, [r0, #0]
    .balign 4
    nop
pcrel_mov_odd:
    mov r1, pc                 /* + 4 here too: MOV does not word-align PC */
    ldr r2, =pcrel_mov_odd
    subs r1, r1, r2
    str r1, [r0, #4]
    .balign 4
    adr r1, pcrel_literal_a    /* ADR uses Align(PC, 4) */
    ldr r2, =pcrel_literal_a
    subs r1, r1, r2
    str r1, [r0, #8]
    .balign 4
    nop
    adr r1, pcrel_literal_a
    ldr r2, =pcrel_literal_a
    subs r1, r1, r2
    str r1, [r0, #12]
    .balign 4
    ldr r1, pcrel_literal_a
    str r1, [r0, #16]
    .balign 4
    nop
    ldr r1, pcrel_literal_b
    str r1, [r0, #20]
    .balign 4
pcrel_add:
    movs r1, #0
    add r1, pc                 /* this instruction is at pcrel_add + 2: reads pcrel_add + 6 */
    ldr r2, =pcrel_add
    subs r1, r1, r2
    str r1, [r0, #24]
    pop {r4, pc}
    .balign 4
pcrel_literal_a:
    .word 0xCAFEF00D
pcrel_literal_b:
    .word 0x8BADF00D
    .ltorg
    .size pc_relative, . - pc_relative

/* uint32_t branch_forms(uint32_t x): BLX register, MOV PC, BX, POP {PC}; returns 2x + 9. */
    .global branch_forms
    .type branch_forms, %function
    .thumb_func
branch_forms:
    push {r4, lr}
    ldr r3, =double_plus_one
    blx r3
    ldr r3, =branch_after_mov + 1
    mov pc, r3
    adds r0, #100
branch_after_mov:
    adds r0, #3
    ldr r3, =branch_after_bx + 1
    bx r3
    adds r0, #100
branch_after_bx:
    adds r0, #5
    pop {r4, pc}
    .ltorg
    .size branch_forms, . - branch_forms

    .type double_plus_one, %function
    .thumb_func
double_plus_one:
    lsls r0, r0, #1
    adds r0, #1
    bx lr
    .size double_plus_one, . - double_plus_one
