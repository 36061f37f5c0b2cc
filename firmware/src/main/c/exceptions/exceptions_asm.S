/* Exception entry trampolines and the code that faults on purpose. */
    .syntax unified
    .cpu cortex-m0
    .thumb
    .text

#include "../common/frame_trampoline.h"

FRAME_TRAMPOLINE svc_handler, svc_record
FRAME_TRAMPOLINE hardfault_handler, hardfault_record

/* SWI0..SWI5 hand EXC_RETURN to swi_record(exc_return); its return is the exception return. */
    .global swi_handler
    .type swi_handler, %function
    .thumb_func
swi_handler:
    mov r0, lr
    ldr r1, =swi_record
    bx r1
    .size swi_handler, . - swi_handler

/* uint32_t svc_misaligned(void): SVC #3 with SP = 4 (mod 8), so the frame needs realigning.
 * Returns SP after the SVC minus SP before it (0). */
    .global svc_misaligned
    .type svc_misaligned, %function
    .thumb_func
svc_misaligned:
    push {r4, lr}
    mov r4, sp
    mov r2, sp
    movs r3, #7
    bics r2, r3
    subs r2, #4
    mov sp, r2
    svc #3
    mov r0, sp
    subs r0, r0, r2
    mov sp, r4
    pop {r4, pc}
    .size svc_misaligned, . - svc_misaligned

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

/* void fault_store(uint32_t address): a word store that should fault (unmapped address). */
    .global fault_store
    .type fault_store, %function
    .thumb_func
fault_store:
    ldr r1, =0xA5A5A5A5
    .global fault_site_store
fault_site_store:
    str r1, [r0]
    bx lr
    .size fault_store, . - fault_store
    .ltorg
