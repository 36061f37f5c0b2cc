/* Fault cases: each sets known r0-r3, r12, LR and flags, then faults at its site. The HardFault
 * handler records the frame and returns to case_resume, which pops what the case pushed. */
    .syntax unified
    .cpu cortex-m0
    .thumb
    .text

#include "../common/frame_trampoline.h"

FRAME_TRAMPOLINE hardfault_handler, hardfault_record
FRAME_TRAMPOLINE nmi_handler, nmi_record
FRAME_TRAMPOLINE svc_handler, svc_record

    .global swi_handler
    .type swi_handler, %function
    .thumb_func
swi_handler:
    mov r0, lr
    ldr r1, =swi_record
    bx r1
    .size swi_handler, . - swi_handler

/* Case prologue: operands go to r5-r7 first (LDR literal leaves the flags alone), then the
 * known r0-r3, r12, LR and finally flags Z and C. */
.macro CASE name
    .global \name
    .type \name, %function
    .thumb_func
\name:
    push {r4-r7, lr}
.endm

.macro KNOWN_STATE
    ldr r4, =0xCCCC0012
    mov r12, r4
    ldr r4, =0x89ABCDEF
    mov lr, r4
    ldr r0, =0x11111111
    ldr r1, =0x22222222
    ldr r2, =0x33333333
    ldr r3, =0x44444444
    movs r4, #6
    lsls r4, r4, #28
    msr APSR_nzcvq, r4
.endm

.macro SITE name
    .global \name\()_site
\name\()_site:
.endm

.macro AFTER name
    .global \name\()_after
\name\()_after:
.endm

CASE case_udf
    KNOWN_STATE
SITE udf
    udf #0x42
AFTER udf
    b case_resume
    .size case_udf, . - case_udf

/* r5 = address (argument r0) for the memory cases. */
CASE case_ldr
    mov r5, r0
    KNOWN_STATE
SITE ldr
    ldr r4, [r5]
AFTER ldr
    b case_resume
    .size case_ldr, . - case_ldr

CASE case_ldrh
    mov r5, r0
    KNOWN_STATE
SITE ldrh
    ldrh r4, [r5]
AFTER ldrh
    b case_resume
    .size case_ldrh, . - case_ldrh

CASE case_strh
    mov r5, r0
    ldr r6, =0xA5A5A5A5
    KNOWN_STATE
SITE strh
    strh r6, [r5]
AFTER strh
    b case_resume
    .size case_strh, . - case_strh

CASE case_str
    mov r5, r0
    ldr r6, =0xA5A5A5A5
    KNOWN_STATE
SITE str
    str r6, [r5]
AFTER str
    b case_resume
    .size case_str, . - case_str

CASE case_ldm
    mov r5, r0
    KNOWN_STATE
SITE ldm
    ldm r5!, {r6, r7}
AFTER ldm
    b case_resume
    .size case_ldm, . - case_ldm

/* BX to an even address: T becomes 0, the next fetch faults with PC = the target. */
CASE case_bx_even
    ldr r5, =bx_even_target /* a plain label: bit 0 clear */
    KNOWN_STATE
SITE bx_even
    bx r5
    .global bx_even_target
bx_even_target:
    b case_resume
    .size case_bx_even, . - case_bx_even

/* POP {PC} of an even address: like BX, T becomes 0 and the target's fetch faults. */
CASE case_pop_even
    ldr r5, =bx_even_target
    push {r5}
    KNOWN_STATE
SITE pop_even
    pop {pc}
    .size case_pop_even, . - case_pop_even

/* BLX to an unmapped address (Thumb bit set): the fetch there faults. */
CASE case_execute
    mov r5, r0
    KNOWN_STATE
SITE execute
    blx r5
AFTER execute
    b case_resume
    .size case_execute, . - case_execute

CASE case_svc
    KNOWN_STATE
SITE svc
    svc #0x55
AFTER svc
    b case_resume
    .size case_svc, . - case_svc

CASE case_bkpt
    KNOWN_STATE
SITE bkpt
    bkpt #0x21
AFTER bkpt
    b case_resume
    .size case_bkpt, . - case_bkpt

/* Stacking into unmapped memory (thread mode on the PSP): r0 = the bad SP. The good SP is kept
 * in good_psp for the HardFault handler, which cannot use the frame it was handed. */
.macro BAD_STACK_CASE name, instruction
CASE case_\name
    mov r5, r0
    mov r6, sp
    ldr r7, =good_psp
    str r6, [r7]
    KNOWN_STATE
    mov sp, r5
SITE \name
    \instruction
AFTER \name
    b case_resume
    .size case_\name, . - case_\name
.endm

BAD_STACK_CASE udf_bad_stack, "udf #0x43"
BAD_STACK_CASE svc_bad_stack, "svc #0x56"

/* An SVC whose handler moves the PSP into unmapped memory before returning: the unstacking fails. */
CASE case_svc_return_bad_stack
    mov r6, sp
    ldr r7, =good_psp
    str r6, [r7]
    KNOWN_STATE
SITE svc_return_bad_stack
    svc #0x57
AFTER svc_return_bad_stack
    b case_resume
    .size case_svc_return_bad_stack, . - case_svc_return_bad_stack

/* Where the HardFault handler sends every case back to: it pops what the case pushed. */
    .global case_resume
    .type case_resume, %function
    .thumb_func
case_resume:
    pop {r4-r7, pc}
    .size case_resume, . - case_resume

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
    .ltorg

/* void pend_by_write(volatile uint32_t *reg, uint32_t value): a store that pends an exception,
 * then the barriers after which it must have been taken. Where in between it is taken is up to
 * the implementation (the lab: right after the store; QEMU: after the ISB), so the NMI handler
 * moves a stacked PC from inside this window to pend_write_done. */
    .global pend_by_write
    .type pend_by_write, %function
    .thumb_func
pend_by_write:
    .global pend_write_site
pend_write_site:
    str r1, [r0]
    dsb
    isb
    .global pend_write_done
pend_write_done:
    bx lr
    .size pend_by_write, . - pend_by_write
