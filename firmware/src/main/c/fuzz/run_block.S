/* void run_block(uint32_t state[14], const uint16_t *code): loads r0-r12 and APSR (NZCV) from
 * state, runs the generated code (which ends in BX LR and never touches SP, LR or PC), and
 * stores r0-r12 and APSR back. */
    .syntax unified
    .cpu cortex-m0
    .thumb
    .text
    .global run_block
    .type run_block, %function
    .thumb_func
run_block:
    push {r4-r7, lr}
    mov r4, r8
    mov r5, r9
    mov r6, r10
    mov r7, r11
    push {r4-r7}
    push {r0}                  /* state pointer, found again after the block */
    adds r1, #1                /* Thumb bit */
    push {r1}                  /* popped into PC to enter the block */
    ldr r2, =block_return + 1
    mov lr, r2
    ldr r1, [r0, #52]
    msr APSR_nzcvq, r1         /* from here on nothing may change the flags */
    ldr r1, [r0, #32]
    mov r8, r1
    ldr r1, [r0, #36]
    mov r9, r1
    ldr r1, [r0, #40]
    mov r10, r1
    ldr r1, [r0, #44]
    mov r11, r1
    ldr r1, [r0, #48]
    mov r12, r1
    ldr r1, [r0, #4]
    ldr r2, [r0, #8]
    ldr r3, [r0, #12]
    ldr r4, [r0, #16]
    ldr r5, [r0, #20]
    ldr r6, [r0, #24]
    ldr r7, [r0, #28]
    ldr r0, [r0, #0]
    pop {pc}
block_return:
    push {r0}
    mrs r0, apsr
    push {r0}                  /* stack: apsr, r0, state */
    ldr r0, [sp, #8]
    str r1, [r0, #4]
    str r2, [r0, #8]
    str r3, [r0, #12]
    str r4, [r0, #16]
    str r5, [r0, #20]
    str r6, [r0, #24]
    str r7, [r0, #28]
    mov r1, r8
    str r1, [r0, #32]
    mov r1, r9
    str r1, [r0, #36]
    mov r1, r10
    str r1, [r0, #40]
    mov r1, r11
    str r1, [r0, #44]
    mov r1, r12
    str r1, [r0, #48]
    pop {r1}
    str r1, [r0, #52]
    pop {r1}
    str r1, [r0, #0]
    add sp, #4
    pop {r4-r7}
    mov r8, r4
    mov r9, r5
    mov r10, r6
    mov r11, r7
    pop {r4-r7, pc}
    .ltorg
    .size run_block, . - run_block
