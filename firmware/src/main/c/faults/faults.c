/* Every ARMv6-M fault cause, the frames and EXC_RETURN values they stack and the priority rules
 * around them. Each handler entry appends a record (layout in FaultRecord.java); the result block
 * points to the records and holds the handler-order logs. */
#include "../common/result.h"
#include "../common/cm0.h"

#define PROGRAM_FAULTS 0x53544C46u /* "FLTS" */
#define ICSR_NMIPENDSET (1u << 31)
#define ICSR_PENDSTSET (1u << 26)
#define SWI0_IRQ 20u
#define UNMAPPED_ADDRESS 0x30000000u /* between RAM and the peripherals: nothing answers */
#define MAX_RECORDS 32u

/* Case ids, recorded with every handler entry; FaultsOnQemuTest knows them by the same numbers. */
enum {
    C_UDF, C_LDR_UNALIGNED, C_LDRH_UNALIGNED, C_STRH_UNALIGNED, C_STR_UNALIGNED, C_LDM_UNALIGNED,
    C_BX_EVEN, C_LDR_UNMAPPED, C_STR_UNMAPPED, C_EXECUTE_UNMAPPED, C_SVC_PRIMASK,
    C_SVC_EQUAL_PRIORITY, C_SVC_HIGHER_PRIORITY, C_SVC_LOWER_PRIORITY, C_UDF_IN_IRQ, C_UDF_PRIMASK,
    C_UDF_PSP, C_NMI_IN_HARDFAULT, C_NMI_UNDER_PRIMASK, C_BKPT, C_UDF_BAD_STACK, C_SVC_BAD_STACK,
    C_RETURN_BAD_STACK, C_POP_EVEN, C_RETURN_THUMB_CLEAR, C_COUNT
};

/* Handler codes in the order logs (one nibble per handler entry). */
enum { L_NMI = 2, L_HARDFAULT = 3, L_SWI0 = 4, L_SVC = 0xB, L_HARDFAULT_DONE = 0xD, L_PENDSV = 0xE, L_SYSTICK = 0xF };

enum {
    R_RECORDS, R_RECORD_COUNT, R_RECORD_WORDS, R_PEND_ORDER_LOG, R_NMI_IN_HARDFAULT_LOG,
    R_NMI_UNDER_PRIMASK, R_SVC_LOWER_LOG, R_UNALIGNED_TARGET_KEPT, R_CASE_COUNT, R_CASE_RESUME, R_COUNT
};

/* One handler entry. site: the faulting (or pending) instruction; after: where it hands over to
 * (the next instruction, or the branch target for BX). A HardFault whose stacking failed cannot
 * read its frame: r0 holds the frame address instead, r1 ICSR's VECTPENDING and VECTACTIVE. */
struct record {
    uint32_t case_id, ipsr, exc_return;
    uint32_t r0, r1, r2, r3, r12, lr, pc, xpsr; /* the stacked frame */
    uint32_t site, after, primask, frame_low_bits, sequence;
};

typedef void (*case_fn)(uint32_t);
extern char udf_site[], udf_after[], ldr_site[], ldr_after[], ldrh_site[], ldrh_after[],
    strh_site[], strh_after[], str_site[], str_after[], ldm_site[], ldm_after[],
    bx_even_site[], execute_site[], execute_after[], svc_site[], svc_after[],
    bkpt_site[], bkpt_after[], bx_even_target[], udf_bad_stack_site[], udf_bad_stack_after[],
    svc_bad_stack_site[], svc_bad_stack_after[], svc_return_bad_stack_site[], svc_return_bad_stack_after[],
    pop_even_site[];
void case_udf(uint32_t), case_ldr(uint32_t), case_ldrh(uint32_t), case_strh(uint32_t),
    case_str(uint32_t), case_ldm(uint32_t), case_bx_even(uint32_t), case_execute(uint32_t),
    case_svc(uint32_t), case_bkpt(uint32_t), case_udf_bad_stack(uint32_t), case_svc_bad_stack(uint32_t),
    case_svc_return_bad_stack(uint32_t), case_pop_even(uint32_t),
    case_resume(void);
void run_on_psp(void (*fn)(void), uint32_t *psp_top);
void pend_by_write(volatile uint32_t *reg, uint32_t value);
extern char pend_write_site[], pend_write_done[];

struct record records[MAX_RECORDS];
static volatile uint32_t record_count, current_case, order_log;
static const char *current_site, *current_after;
static case_fn swi_case;
static uint32_t swi_argument;
static uint32_t psp_stack[64] __attribute__((aligned(8)));
uint32_t good_psp; /* written by the bad-stack cases */
static uint16_t unaligned_target[4] = {0x1234, 0x5678, 0x9ABC, 0xDEF0};
static uint32_t r[R_COUNT];

static void log_handler(uint32_t code)
{
    order_log = (order_log << 4) | code;
}

static struct record *record_entry(const uint32_t *frame, uint32_t exc_return)
{
    struct record *rec = &records[record_count < MAX_RECORDS ? record_count : MAX_RECORDS - 1u];
    rec->case_id = current_case;
    rec->ipsr = read_ipsr();
    rec->exc_return = exc_return;
    rec->r0 = frame[0];
    rec->r1 = frame[1];
    rec->r2 = frame[2];
    rec->r3 = frame[3];
    rec->r12 = frame[4];
    rec->lr = frame[5];
    rec->pc = frame[6];
    rec->xpsr = frame[7];
    rec->site = (uint32_t)current_site;
    rec->after = (uint32_t)current_after;
    rec->primask = read_primask();
    rec->frame_low_bits = (uint32_t)frame & 7u;
    rec->sequence = record_count;
    record_count++;
    return rec;
}

/* The frame went nowhere: record where it should have been, then return through a frame built on
 * the good stack that resumes the case (a pending SVC is taken there first). */
static void record_bad_stack(uint32_t *frame, uint32_t exc_return)
{
    uint32_t words[8] = {(uint32_t)frame, SCB_ICSR & 0x1FF1FFu, 0, 0, 0, 0, 0, 0};
    record_entry(words, exc_return);
    log_handler(L_HARDFAULT);
    uint32_t *good = (uint32_t *)((good_psp - 32u) & ~7u); /* an 8-byte aligned frame, padded as entry pads it */
    for (uint32_t i = 0; i < 8; i++) good[i] = 0;
    good[6] = (uint32_t)case_resume & ~1u;
    good[7] = 1u << 24 | (good_psp & 4u) << 7;
    write_psp((uint32_t)good);
}

void hardfault_record(uint32_t *frame, uint32_t exc_return)
{
    if (current_case == C_UDF_BAD_STACK || current_case == C_SVC_BAD_STACK || current_case == C_RETURN_BAD_STACK) {
        record_bad_stack(frame, exc_return);
        return;
    }
    record_entry(frame, exc_return);
    log_handler(L_HARDFAULT);
    if (current_case == C_NMI_IN_HARDFAULT) {
        SCB_ICSR = ICSR_PENDSVSET; /* lower priority: waits until HardFault returns */
        pend_by_write(&SCB_ICSR, ICSR_NMIPENDSET); /* higher priority: preempts HardFault at once */
        log_handler(L_HARDFAULT_DONE);
    }
    frame[6] = (uint32_t)case_resume & ~1u;
    frame[7] |= 1u << 24; /* BX to an even address cleared T */
}

void nmi_record(uint32_t *frame, uint32_t exc_return)
{
    if (frame[6] > (uint32_t)pend_write_site && frame[6] <= (uint32_t)pend_write_done) {
        frame[6] = (uint32_t)pend_write_done; /* see pend_by_write */
    }
    struct record *rec = record_entry(frame, exc_return);
    rec->site = (uint32_t)pend_write_site;
    rec->after = (uint32_t)pend_write_done;
    log_handler(L_NMI);
}

void svc_record(uint32_t *frame, uint32_t exc_return)
{
    record_entry(frame, exc_return);
    log_handler(L_SVC);
    if (current_case == C_RETURN_BAD_STACK) {
        write_psp(UNMAPPED_ADDRESS + 0x100u); /* the return cannot unstack */
    } else if (current_case == C_RETURN_THUMB_CLEAR) {
        frame[7] &= ~(1u << 24); /* returns with T = 0: the return address faults */
    }
}

void pendsv_handler(void)
{
    log_handler(L_PENDSV);
}

void systick_handler(void)
{
    log_handler(L_SYSTICK);
}

/* SWI0..SWI5: log, then run the case the thread armed (once). */
void swi_record(uint32_t exc_return)
{
    (void)exc_return;
    log_handler(L_SWI0 + read_ipsr() - 16u - SWI0_IRQ);
    case_fn fn = swi_case;
    swi_case = 0;
    if (fn) fn(swi_argument);
}

static void run_case(uint32_t id, case_fn fn, uint32_t argument, const char *site, const char *after)
{
    current_case = id;
    current_site = site;
    current_after = after;
    fn(argument);
}

/* Runs a case inside SWIn's handler, SWIn at the given priority (SVCall sits at 0x80). */
static void run_case_in_irq(uint32_t id, uint32_t swi, uint32_t priority, case_fn fn, const char *site,
                            const char *after)
{
    current_case = id;
    current_site = site;
    current_after = after;
    swi_case = fn;
    swi_argument = 0;
    uint32_t irq = SWI0_IRQ + swi;
    uint32_t shift = 8u * (irq & 3u);
    NVIC_IPR(irq / 4u) = (NVIC_IPR(irq / 4u) & ~(0xFFu << shift)) | (priority << shift);
    NVIC_ISER = 1u << irq;
    NVIC_ISPR = 1u << irq;
    barrier();
    NVIC_ICER = 1u << irq;
}

static void on_psp(void)
{
    run_case(C_UDF_PSP, case_udf, 0, udf_site, udf_after);
}

/* A stack push into unmapped memory: the handler still runs on the corrupt frame; SVCall gives way
 * to the derived HardFault and stays pending. A return that cannot unstack: SVCall is over, and
 * HardFault is taken on the same frame with the same EXC_RETURN. */
static void on_psp_bad_stack(void)
{
    run_case(C_UDF_BAD_STACK, case_udf_bad_stack, UNMAPPED_ADDRESS + 0x100u, udf_bad_stack_site, udf_bad_stack_after);
    run_case(C_SVC_BAD_STACK, case_svc_bad_stack, UNMAPPED_ADDRESS + 0x100u, svc_bad_stack_site, svc_bad_stack_after);
    run_case(C_RETURN_BAD_STACK, case_svc_return_bad_stack, 0, svc_return_bad_stack_site, svc_return_bad_stack_after);
}

static void check_fault_causes(void)
{
    uint32_t unaligned = (uint32_t)unaligned_target;
    run_case(C_UDF, case_udf, 0, udf_site, udf_after);
    run_case(C_LDR_UNALIGNED, case_ldr, unaligned + 2u, ldr_site, ldr_after);
    run_case(C_LDRH_UNALIGNED, case_ldrh, unaligned + 1u, ldrh_site, ldrh_after);
    run_case(C_STRH_UNALIGNED, case_strh, unaligned + 3u, strh_site, strh_after);
    run_case(C_STR_UNALIGNED, case_str, unaligned + 2u, str_site, str_after);
    run_case(C_LDM_UNALIGNED, case_ldm, unaligned + 2u, ldm_site, ldm_after);
    r[R_UNALIGNED_TARGET_KEPT] = unaligned_target[0] ^ unaligned_target[1] << 16 ^ unaligned_target[2] ^ unaligned_target[3] << 16;
    run_case(C_BX_EVEN, case_bx_even, 0, bx_even_site, bx_even_target); /* 'after': where the BX goes */
    run_case(C_LDR_UNMAPPED, case_ldr, UNMAPPED_ADDRESS, ldr_site, ldr_after);
    run_case(C_STR_UNMAPPED, case_str, UNMAPPED_ADDRESS, str_site, str_after);
    run_case(C_EXECUTE_UNMAPPED, case_execute, UNMAPPED_ADDRESS | 1u, execute_site, execute_after);
    irq_disable();
    run_case(C_SVC_PRIMASK, case_svc, 0, svc_site, svc_after);
    run_case(C_UDF_PRIMASK, case_udf, 0, udf_site, udf_after);
    irq_enable();
    run_on_psp(on_psp, &psp_stack[64]);
}

/* SVCall at 0x80: an SVC in a handler at 0x80 or 0x40 escalates; at 0xC0 it nests. */
static void check_svc_priorities(void)
{
    SCB_SHPR2 = 0x80000000u;
    run_case_in_irq(C_SVC_EQUAL_PRIORITY, 0, 0x80u, case_svc, svc_site, svc_after);
    run_case_in_irq(C_SVC_HIGHER_PRIORITY, 1, 0x40u, case_svc, svc_site, svc_after);
    order_log = 0;
    run_case_in_irq(C_SVC_LOWER_PRIORITY, 2, 0xC0u, case_svc, svc_site, svc_after);
    r[R_SVC_LOWER_LOG] = order_log;
    run_case_in_irq(C_UDF_IN_IRQ, 3, 0xC0u, case_udf, udf_site, udf_after);
    SCB_SHPR2 = 0u;
}

/* NMI pended inside HardFault preempts it; PendSV pended there runs after it returns. */
static void check_nmi(void)
{
    SCB_SHPR3 = 0x00400000u; /* PendSV 0x40 */
    order_log = 0;
    run_case(C_NMI_IN_HARDFAULT, case_udf, 0, udf_site, udf_after);
    barrier();
    r[R_NMI_IN_HARDFAULT_LOG] = order_log;

    current_case = C_NMI_UNDER_PRIMASK;
    current_site = 0;
    current_after = 0;
    order_log = 0;
    irq_disable();
    pend_by_write(&SCB_ICSR, ICSR_NMIPENDSET); /* PRIMASK does not mask NMI */
    uint32_t before = order_log;
    irq_enable();
    r[R_NMI_UNDER_PRIMASK] = before;
}

/* Pended together under PRIMASK, taken by priority, equal priorities by exception number. */
static void check_pend_order(void)
{
    SCB_SHPR3 = 0x40400000u; /* SysTick and PendSV at 0x40 */
    NVIC_IPR(6) = 0x00004000u; /* SWI4 (IRQ 24) 0x00, SWI5 (IRQ 25) 0x40 */
    order_log = 0;
    irq_disable();
    NVIC_ISER = 3u << (SWI0_IRQ + 4u);
    NVIC_ISPR = 1u << (SWI0_IRQ + 4u);
    SCB_ICSR = ICSR_PENDSTSET;
    NVIC_ISPR = 1u << (SWI0_IRQ + 5u);
    SCB_ICSR = ICSR_PENDSVSET;
    irq_enable();
    barrier();
    r[R_PEND_ORDER_LOG] = order_log;
    NVIC_ICER = 3u << (SWI0_IRQ + 4u);
    SCB_SHPR3 = 0u;
}

int main(void)
{
    result_begin(PROGRAM_FAULTS);
    check_fault_causes();
    check_svc_priorities();
    check_nmi();
    check_pend_order();
    run_case(C_BKPT, case_bkpt, 0, bkpt_site, bkpt_after); /* no debugger: escalates to HardFault */
    run_on_psp(on_psp_bad_stack, &psp_stack[64]);
    run_case(C_POP_EVEN, case_pop_even, 0, pop_even_site, bx_even_target);
    run_case(C_RETURN_THUMB_CLEAR, case_svc, 0, svc_site, svc_after);
    r[R_RECORDS] = (uint32_t)records;
    r[R_RECORD_COUNT] = record_count;
    r[R_RECORD_WORDS] = sizeof(struct record) / 4u;
    r[R_CASE_COUNT] = C_COUNT;
    r[R_CASE_RESUME] = (uint32_t)case_resume & ~1u;
    for (uint32_t i = 0; i < R_COUNT; i++) result_put(i, r[i]);
    result_finish();
}
