/* LDM/STM with writeback, LDM loading its own base, PUSH/POP of register lists.
 * uint32_t ldm_stm_mix(uint32_t *scratch, uint32_t seed): scratch needs 6 words.
 * Leaves scratch = { s, s+1, s+2, 2s, 16, s } and returns ((16 ^ s) + (s+1) ^ (s+2)) * 2s + s. */
    .syntax unified
    .cpu cortex-m0
    .thumb
    .text
    .global ldm_stm_mix
    .type ldm_stm_mix, %function
    .thumb_func
ldm_stm_mix:
    push {r4-r7, lr}
    movs r4, r1
    adds r5, r1, #1
    adds r6, r1, #2
    lsls r7, r1, #1
    movs r3, r0
    stmia r3!, {r4-r7}
    subs r3, r3, r0          /* 16: the writeback advanced by four words */
    movs r2, r0
    adds r2, #16
    stmia r2!, {r3, r4}      /* scratch[4] = 16, scratch[5] = s */
    movs r2, r0
    ldmia r2!, {r4, r5}      /* s, s+1 */
    ldmia r2!, {r6, r7}      /* s+2, 2s */
    push {r3-r7}
    pop {r0-r4}              /* r0 = 16, r1 = s, r2 = s+1, r3 = s+2, r4 = 2s */
    eors r0, r1
    adds r0, r0, r2
    eors r0, r3
    muls r0, r4, r0
    adds r0, r0, r1
    pop {r4-r7, pc}
    .size ldm_stm_mix, . - ldm_stm_mix

/* uint32_t ldm_own_base(uint32_t *words): LDM with the base register in the list (no writeback).
 * Returns words[0] + words[1]. */
    .global ldm_own_base
    .type ldm_own_base, %function
    .thumb_func
ldm_own_base:
    ldmia r0, {r0, r1}
    adds r0, r0, r1
    bx lr
    .size ldm_own_base, . - ldm_own_base
