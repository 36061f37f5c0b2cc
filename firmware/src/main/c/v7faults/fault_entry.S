/* HardFault, MemManage, BusFault and UsageFault all record through fault_record(frame). */
    .syntax unified
    .thumb
    .text
#include "../common/frame_trampoline.h"
    FAULT_HANDLER_LABELS
    FRAME_POINTER r0
    b fault_record
    .size hardfault_handler, . - hardfault_handler
