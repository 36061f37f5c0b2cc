/* HardFault, MemManage, BusFault and UsageFault all record through fault_record(frame). */
    .syntax unified
    .thumb
    .text
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
    tst lr, #4
    ite eq
    mrseq r0, msp
    mrsne r0, psp
    b fault_record
    .size hardfault_handler, . - hardfault_handler
