/* Handler trampolines and the instruction that locks the core up. */
    .syntax unified
    .cpu cortex-m0
    .thumb
    .text

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

FRAME_TRAMPOLINE hardfault_handler, fault_frame_record
FRAME_TRAMPOLINE nmi_handler, nmi_frame_record

/* void lock_now(void): a fault (or an SVC) at a priority that cannot escalate. */
    .global lock_now
    .type lock_now, %function
    .thumb_func
lock_now:
    .global lock_site
lock_site:
#ifdef LOCKUP_BY_SVC
    svc #9
#else
    udf #0x77
#endif
    b lock_now
    .size lock_now, . - lock_now
    .ltorg
