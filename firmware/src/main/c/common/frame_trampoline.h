/* Included by the assembly sources only (it holds an assembler macro, not C).
 *
 * FRAME_TRAMPOLINE name, recorder: an exception handler that hands the stacked frame (from MSP or
 * PSP, per EXC_RETURN bit 2) and EXC_RETURN to a C recorder. LR still holds EXC_RETURN when the
 * recorder returns, so its return is the exception return. */
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

/* ARMv7-M (Thumb-2) pieces. FAULT_HANDLER_LABELS: the HardFault, MemManage, BusFault and
 * UsageFault handler names, all at the next instruction. FRAME_POINTER reg: the stacked frame
 * (MSP or PSP, per EXC_RETURN bit 2 in LR) into reg. */
.macro FAULT_HANDLER_LABELS
    .global hardfault_handler, memmanage_handler, busfault_handler, usagefault_handler
    .type hardfault_handler, %function
    .thumb_func
hardfault_handler:
    .thumb_func
memmanage_handler:
    .thumb_func
busfault_handler:
    .thumb_func
usagefault_handler:
.endm

.macro FRAME_POINTER reg
    tst lr, #4
    ite eq
    mrseq \reg, msp
    mrsne \reg, psp
.endm
