/* Handler trampolines and the instruction that locks the core up. */
    .syntax unified
    .cpu cortex-m0
    .thumb
    .text

#include "../common/frame_trampoline.h"

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
