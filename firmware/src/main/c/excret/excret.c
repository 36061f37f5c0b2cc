/* ARMv7-M exception entry and return on a Cortex-M3: the order handlers run in when several
 * exceptions are pending (tail-chaining), the EXC_RETURN values and frames they see, the INVPC
 * integrity checks of exception return (a bad EXC_RETURN, a return to Thread mode with another
 * exception active with and without CCR.NONBASETHRDENA, where the popped IPSR then contradicts
 * the mode), STKERR and UNSTKERR bus errors on a PSP in unmapped memory, CCR.STKALIGN, and a
 * vector read past the end of SRAM (HardFault with HFSR.VECTTBL); a coprocessor instruction (NOCP);
 * a return onto a bad frame that tail-chains into a pending PendSV without unstacking it.
 * Every exception appends a record: case, IPSR, EXC_RETURN, frame address, CFSR, HFSR, stacked
 * PC, stacked xPSR (the last two 0 when the frame is not in SRAM); ICSR.RETTOBASE goes to a log. */
#include <stdint.h>
#include "../common/result.h"
#include "../common/cm0.h"

#define PROGRAM_EXCRET 0x52435845u /* "EXCR" */
#define SCB_VTOR   REG32(0xE000ED08u)
#define SCB_SHCSR  REG32(0xE000ED24u)
#define SCB_CFSR   REG32(0xE000ED28u)
#define SCB_HFSR   REG32(0xE000ED2Cu)
#define SCB_SHPR1  REG32(0xE000ED18u)
#define SHCSR_ENABLES (7u << 16)
#define CCR_NONBASETHRDENA 1u
#define CCR_STKALIGN (1u << 9)
#define CFSR_UNSTKERR (1u << 11)
#define CFSR_STKERR (1u << 12)
#define ICSR_PENDSVCLR (1u << 27)
#define RECORD_WORDS 8
#define MAX_RECORDS 24
#define SRAM_START 0x20000000u
#define SRAM_END 0x20002000u
#define IRQ(n) (16u + (n))

static volatile uint32_t records[MAX_RECORDS][RECORD_WORDS];
static volatile uint32_t record_count;
static volatile uint32_t current_case;
static volatile uint32_t rettobase_log; /* ICSR.RETTOBASE at every exception, first one highest */
static uint32_t good_frame[8] __attribute__((aligned(8)));
typedef void (*vector_t)(void);
extern const vector_t vector_table[48];

void stack_error_case(uint32_t bad_psp);
void stack_error_resume(void);
void stkalign_case(void);
uint32_t on_exception(uint32_t excret, uint32_t *frame);

static void record(uint32_t ipsr, uint32_t excret, uint32_t *frame, uint32_t cfsr, uint32_t hfsr)
{
    uint32_t n = record_count;
    record_count = n + 1;
    if (n >= MAX_RECORDS) {
        return;
    }
    int readable = (uint32_t)frame >= SRAM_START && (uint32_t)frame < SRAM_END - 32;
    records[n][0] = current_case;
    records[n][1] = ipsr;
    records[n][2] = excret;
    records[n][3] = (uint32_t)frame;
    records[n][4] = cfsr;
    records[n][5] = hfsr;
    records[n][6] = readable ? frame[6] : 0;
    records[n][7] = readable ? frame[7] : 0;
}

uint32_t on_exception(uint32_t excret, uint32_t *frame)
{
    uint32_t ipsr = read_ipsr();
    uint32_t cfsr = SCB_CFSR;
    uint32_t hfsr = SCB_HFSR;
    record(ipsr, excret, frame, cfsr, hfsr);
    rettobase_log = rettobase_log << 1 | ((SCB_ICSR >> 11) & 1u);
    SCB_CFSR = cfsr;
    SCB_HFSR = hfsr;
    switch (current_case) {
    case 1: /* IRQ 21 pends IRQ 22, of lower priority than IRQ 20 and higher than PendSV */
        if (ipsr == IRQ(21)) NVIC_ISPR = 1u << 22;
        return excret;
    case 2: /* SVC returns with an EXC_RETURN whose [3:0] is not 1, 9 or D */
        return ipsr == 11 ? 0xFFFFFFF5u : 0xFFFFFFF9u;
    case 3: /* SVC lets IRQ 23 preempt it, which returns to Thread mode past the active SVC */
    case 4:
        if (ipsr == 11) {
            pend_at_cpsie(1u << 23);
        } else if (ipsr == IRQ(23)) {
            return 0xFFFFFFF9u;
        } else if (ipsr == 6) {
            return 0xFFFFFFF1u; /* back into the SVC handler */
        }
        return excret;
    case 5: /* STKERR: the PendSV is withdrawn; UNSTKERR: PSP moves to a good frame */
    case 9: /* the same with the PendSV left pending: it tail-chains, skipping the bad frame */
        if ((cfsr & CFSR_STKERR) && current_case == 5) {
            SCB_ICSR = ICSR_PENDSVCLR;
        } else if (cfsr & CFSR_UNSTKERR) {
            good_frame[6] = (uint32_t)stack_error_resume & ~1u;
            good_frame[7] = 1u << 24;
            write_psp((uint32_t)good_frame);
        }
        return excret;
    case 8: /* NOCP: resume after the coprocessor instruction */
        if (ipsr == 6) frame[6] += 4;
        return excret;
    case 7: /* VECTTBL: the IRQ whose vector could not be read stays pending */
        NVIC_ICPR = 1u << 16;
        return excret;
    default:
        return excret;
    }
}

int main(void)
{
    result_begin(PROGRAM_EXCRET);
    unsigned n = 0;
    SCB_SHCSR = SHCSR_ENABLES;
    SCB_SHPR1 = 0x00202020u;            /* MemManage, BusFault, UsageFault: 0x20 */
    SCB_SHPR2 = 0x80u << 24;            /* SVCall: 0x80 */
    SCB_SHPR3 = 0xE0u << 16;            /* PendSV: 0xE0 */
    NVIC_IPR(5) = 0x40C04080u;          /* IRQ 20: 0x80, 21: 0x40, 22: 0xC0, 23: 0x40 */
    NVIC_ISER = 0xFu << 20;

    current_case = 1; /* four pending at once: 21, 20, then 22 (pended by 21), then PendSV */
    irq_disable();
    NVIC_ISPR = 3u << 20;
    SCB_ICSR = ICSR_PENDSVSET;
    barrier();
    irq_enable();
    barrier();
    result_put(n++, record_count);

    current_case = 2;
    __asm volatile("svc #0" : : : "memory");
    result_put(n++, record_count);

    current_case = 3;
    __asm volatile("svc #0" : : : "memory");
    result_put(n++, record_count);

    current_case = 4;
    SCB_CCR |= CCR_NONBASETHRDENA;
    barrier();
    __asm volatile("svc #0" : : : "memory");
    SCB_CCR &= ~CCR_NONBASETHRDENA;
    result_put(n++, record_count);

    current_case = 5;
    stack_error_case(0x30000100u);
    result_put(n++, record_count);
    result_put(n++, read_control());

    current_case = 6; /* SVC from an SP 4 modulo 8: realigned with STKALIGN, not without */
    result_put(n++, SCB_CCR);
    stkalign_case();
    SCB_CCR &= ~CCR_STKALIGN;
    barrier();
    stkalign_case();
    SCB_CCR |= CCR_STKALIGN;
    result_put(n++, record_count);

    current_case = 7; /* VTOR at the last 128 bytes of SRAM (values[28..59] of the result block):
                       * the vector of IRQ 16 lies past the end of SRAM */
    volatile uint32_t *table = (volatile uint32_t *)(SRAM_END - 128);
    for (unsigned i = 0; i < 32; i++) table[i] = (uint32_t)vector_table[i];
    SCB_VTOR = (uint32_t)table;
    NVIC_IPR(4) = 0x80u;
    NVIC_ISER = 1u << 16;
    pend_at_cpsie(1u << 16);
    NVIC_ICER = 1u << 16;
    NVIC_ICPR = 1u << 16;
    SCB_VTOR = 0;
    barrier();
    result_put(n++, record_count);
    result_put(n++, SCB_SHCSR);

    current_case = 8; /* a coprocessor instruction on a core without coprocessors: UsageFault NOCP */
    __asm volatile("mrc p7, 0, r0, c0, c0, 0" : : : "r0", "memory");
    result_put(n++, record_count);

    current_case = 9; /* STKERR with PendSV left pending: BusFault, PendSV, then UNSTKERR */
    stack_error_case(0x30000100u);
    result_put(n++, record_count);
    result_put(n++, rettobase_log);

    result_put(n++, record_count);
    result_put(n++, (uint32_t)records);
    result_put(n++, RECORD_WORDS);
    return 0;
}
