/* Lockup: a fault the core cannot escalate any further. Built three times, one way each:
 *   lockup-udf  UDF inside HardFault (priority -1)
 *   lockup-svc  SVC inside HardFault (SVCall cannot preempt -1, and escalation has nowhere to go)
 *   lockup-nmi  UDF inside NMI (priority -2)
 * Before locking up the program records what the handler saw and sets the status word to
 * "LOCK"; an NMI that ends the lockup (only possible at -1) records its frame and writes DONE.
 * QEMU 7.2 does not model lockup (it aborts), so LockupOnLabTest judges the lab with a model. */
#include "../common/result.h"
#include "../common/cm0.h"

#define PROGRAM_LOCKUP 0x4B434F4Cu /* "LOCK" */
#define STATUS_LOCKING 0x4B434F4Cu
#define ICSR_NMIPENDSET (1u << 31)

enum {
    R_HF_IPSR, R_HF_EXC_RETURN, R_HF_STACKED_PC, R_HF_STACKED_XPSR, R_NMI_ENTRIES, R_NMI_IPSR,
    R_NMI_EXC_RETURN, R_NMI_STACKED_PC, R_NMI_STACKED_XPSR, R_NMI_STACKED_LR, R_LOCK_SITE, R_COUNT
};

extern char lock_site[];
void lock_now(void);

void fault_frame_record(uint32_t *frame, uint32_t exc_return)
{
    if (RESULT->values[R_HF_IPSR] == 0u) {
        result_put(R_HF_IPSR, read_ipsr());
        result_put(R_HF_EXC_RETURN, exc_return);
        result_put(R_HF_STACKED_PC, frame[6]);
        result_put(R_HF_STACKED_XPSR, frame[7]);
    }
#ifndef LOCKUP_IN_NMI
    result_put(R_LOCK_SITE, (uint32_t)lock_site);
    RESULT->status = STATUS_LOCKING;
    barrier();
    lock_now();
#endif
}

void nmi_frame_record(uint32_t *frame, uint32_t exc_return)
{
    result_put(R_NMI_ENTRIES, RESULT->values[R_NMI_ENTRIES] + 1u);
    result_put(R_NMI_IPSR, read_ipsr());
    result_put(R_NMI_EXC_RETURN, exc_return);
    result_put(R_NMI_STACKED_PC, frame[6]);
    result_put(R_NMI_STACKED_XPSR, frame[7]);
    result_put(R_NMI_STACKED_LR, frame[5]);
#ifdef LOCKUP_IN_NMI
    result_put(R_LOCK_SITE, (uint32_t)lock_site);
    RESULT->status = STATUS_LOCKING;
    barrier();
    lock_now();
#else
    result_finish(); /* the NMI ended the lockup */
#endif
}

int main(void)
{
    result_begin(PROGRAM_LOCKUP);
    result_put(R_COUNT - 1u, 0u);
#ifdef LOCKUP_IN_NMI
    SCB_ICSR = ICSR_NMIPENDSET;
#else
    __asm volatile("udf #1");
#endif
    for (;;) { }
}
