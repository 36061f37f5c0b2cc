/* Every exception of the excret program goes through exception_entry: on_exception(EXC_RETURN,
 * frame) records it and returns the EXC_RETURN value to leave with, which may be a wrong one on
 * purpose. stack_error_case and stkalign_case build the stacks C cannot. */
    .syntax unified
    .thumb
    .text
#include "../common/frame_trampoline.h"
    .global exception_entry, svc_handler, pendsv_handler, swi_handler
    .type exception_entry, %function
    .thumb_func
exception_entry:
    .thumb_func
svc_handler:
    .thumb_func
pendsv_handler:
    .thumb_func
swi_handler:
    FAULT_HANDLER_LABELS
    mov r0, lr
    FRAME_POINTER r1
    push {r4, lr}
    bl on_exception
    pop {r4, lr}
    bx r0
    .size exception_entry, . - exception_entry

/* stack_error_case(bad_psp): Thread mode on a PSP in unmapped memory pends PendSV, whose stacking
 * fails (STKERR); the BusFault handlers end with PSP on a good frame returning to
 * stack_error_resume, where Thread mode goes back to MSP. */
    .global stack_error_case, stack_error_resume
    .type stack_error_case, %function
    .thumb_func
stack_error_case:
    push {r4-r7, lr}
    msr psp, r0
    movs r1, #2
    msr control, r1
    isb
    ldr r2, =0xE000ED04
    mov r3, #(1 << 28)
    str r3, [r2]
    dsb
    isb
    nop
    .thumb_func
stack_error_resume:
    movs r1, #0
    msr control, r1
    isb
    pop {r4-r7, pc}
    .size stack_error_case, . - stack_error_case

/* stkalign_case(): an SVC from an SP that is 4 modulo 8. */
    .global stkalign_case
    .type stkalign_case, %function
    .thumb_func
stkalign_case:
    push {r4, lr}
    sub sp, #4
    svc #1
    add sp, #4
    pop {r4, pc}
    .size stkalign_case, . - stkalign_case
    .ltorg
