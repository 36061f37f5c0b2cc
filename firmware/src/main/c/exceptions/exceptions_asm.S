/* Exception entry trampolines and the code that faults on purpose. */
    .syntax unified
    .cpu cortex-m0
    .thumb
    .text

/* Hand the stacked frame (from MSP or PSP, per EXC_RETURN bit 2) and EXC_RETURN to a C recorder.
 * LR still holds EXC_RETURN when the recorder returns, so its return is the exception return. */
.macro FRAME_TRAMPOLINE name, recorder
    .global \name
    .type \name, %function
    .thumb_func
\name:
    movs r0, #4
    mov r1, lr
    tst r0, r1
    beq 1f
    mrs r0, psp
    b 2f
1:  mrs r0, msp
2:  ldr r2, =\recorder
    bx r2
    .size \name, . - \name
.endm

FRAME_TRAMPOLINE svc_handler, svc_record
FRAME_TRAMPOLINE hardfault_handler, hardfault_record

/* void run_on_psp(void (*fn)(void), uint32_t *psp_top): runs fn in thread mode on the PSP. */
    .global run_on_psp
    .type run_on_psp, %function
    .thumb_func
run_on_psp:
    push {r4, lr}
    msr psp, r1
    movs r2, #2
    msr control, r2
    isb
    blx r0
    movs r2, #0
    msr control, r2
    isb
    pop {r4, pc}
    .size run_on_psp, . - run_on_psp

/* void fault_undefined(void): known r0-r3, r12, LR and flags at an undefined instruction. */
    .global fault_undefined
    .type fault_undefined, %function
    .thumb_func
fault_undefined:
    push {r4, lr}
    ldr r4, =0xCCCC0012
    mov r12, r4
    ldr r4, =0x89ABCDEF
    mov lr, r4
    movs r4, #6
    lsls r4, r4, #28
    msr APSR_nzcvq, r4
    ldr r0, =0x11111111
    ldr r1, =0x22222222
    ldr r2, =0x33333333
    ldr r3, =0x44444444
    .global fault_site_undefined
fault_site_undefined:
    udf #0x42
    pop {r4, pc}
    .size fault_undefined, . - fault_undefined

/* uint32_t fault_unaligned(uint32_t address): a word load from an unaligned address. */
    .global fault_unaligned
    .type fault_unaligned, %function
    .thumb_func
fault_unaligned:
    movs r1, r0
    ldr r0, =0x5A5A5A5A
    .global fault_site_unaligned
fault_site_unaligned:
    ldr r0, [r1]
    bx lr
    .size fault_unaligned, . - fault_unaligned
    .ltorg
