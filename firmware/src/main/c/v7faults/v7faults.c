/* ARMv7-M fault and masking model on a Cortex-M3: UsageFault, BusFault and their escalation to
 * HardFault (HFSR.FORCED) with CFSR/HFSR/BFAR as the handlers read them, CCR.DIV_0_TRP and
 * CCR.UNALIGN_TRP, BASEPRI, BASEPRI_MAX and FAULTMASK against a pended interrupt.
 * Every fault handler entry appends a record: case, IPSR, CFSR, HFSR, BFAR (when valid),
 * stacked PC, stacked xPSR; then it clears the status bits and resumes after the instruction. */
#include <stdint.h>
#include "../common/result.h"
#include "../common/cm0.h"

#define PROGRAM_V7FAULTS 0x46375654u /* "TV7F" */
#define SCB_SHCSR  REG32(0xE000ED24u)
#define SCB_CFSR   REG32(0xE000ED28u)
#define SCB_HFSR   REG32(0xE000ED2Cu)
#define SCB_BFAR   REG32(0xE000ED38u)
#define SHCSR_ENABLES (7u << 16)
#define CCR_UNALIGN_TRP (1u << 3)
#define CCR_DIV_0_TRP (1u << 4)
#define RECORD_WORDS 8
#define MAX_RECORDS 16
#define TEST_IRQ 20

static volatile uint32_t records[MAX_RECORDS][RECORD_WORDS];
static volatile uint32_t record_count;
static volatile uint32_t current_case;
static volatile uint32_t irq_log;
static volatile uint32_t faultmask_in_irq;
static uint8_t scratch[16] __attribute__((aligned(8)));

static inline uint32_t read_basepri(void) { uint32_t v; __asm volatile("mrs %0, basepri" : "=r"(v)); return v; }
static inline void write_basepri(uint32_t v) { __asm volatile("msr basepri, %0" : : "r"(v) : "memory"); }
static inline void write_basepri_max(uint32_t v) { __asm volatile("msr basepri_max, %0" : : "r"(v) : "memory"); }
static inline uint32_t read_faultmask(void) { uint32_t v; __asm volatile("mrs %0, faultmask" : "=r"(v)); return v; }

/* Called from fault_entry with the stacked frame; every faulting instruction is 32 bits wide. */
void fault_record(uint32_t *frame)
{
    uint32_t n = record_count;
    uint32_t cfsr = SCB_CFSR;
    if (n < MAX_RECORDS) {
        records[n][0] = current_case;
        records[n][1] = read_ipsr();
        records[n][2] = cfsr;
        records[n][3] = SCB_HFSR;
        records[n][4] = (cfsr & (1u << 15)) ? SCB_BFAR : 0;
        records[n][5] = frame[6];
        records[n][6] = frame[7];
        records[n][7] = read_basepri();
    }
    record_count = n + 1;
    SCB_CFSR = cfsr;
    SCB_HFSR = SCB_HFSR;
    frame[6] += 4;
    if (cfsr & (1u << 17)) {
        frame[7] |= 1u << 24; /* INVSTATE: resume in Thumb state after the NOP.W at the target */
    }
}

static volatile uint32_t irq_log_in_21;
static volatile uint32_t svc_count;
typedef void (*vector_t)(void);
extern const vector_t vector_table[48];
static vector_t ram_vectors[128] __attribute__((aligned(512)));
void swi_handler(void);

/* SVCall through the SRAM table; it also ends unprivileged Thread mode (case 8). */
static void svc_through_ram_table(void)
{
    svc_count++;
    __asm volatile("msr control, %0" : : "r"(0u) : "memory");
}

/* IRQ 20-23 log 1-4. IRQ 20 sets FAULTMASK (its return clears it); IRQ 21 pends 22, of its own
 * group priority, which must wait, and 23, of a higher group, which preempts at once. */
void swi_handler(void)
{
    uint32_t irq = read_ipsr() - 16;
    irq_log = irq_log * 16 + (irq - 19);
    if (irq == 20) {
        __asm volatile("cpsid f" : : : "memory");
        faultmask_in_irq = read_faultmask();
    } else if (irq == 21) {
        pend_at_cpsie((1u << 22) | (1u << 23));
        irq_log_in_21 = irq_log;
    }
}

static void irq_pend(void)
{
    pend_at_cpsie(1u << TEST_IRQ);
}

int main(void)
{
    result_begin(PROGRAM_V7FAULTS);
    unsigned n = 0;
    uint32_t r;

    current_case = 1; /* UDF.W with UsageFault disabled: HardFault, FORCED */
    __asm volatile("udf.w #1" : : : "memory");
    current_case = 2; /* UDF.W with UsageFault enabled */
    SCB_SHCSR = SHCSR_ENABLES;
    barrier();
    __asm volatile("udf.w #2" : : : "memory");
    current_case = 3; /* division by zero: 0 without the trap, then DIVBYZERO */
    __asm volatile("udiv.w %0, %1, %2" : "=r"(r) : "r"(77u), "r"(0u));
    result_put(n++, r);
    SCB_CCR |= CCR_DIV_0_TRP;
    barrier();
    __asm volatile("sdiv.w %0, %1, %2" : "=r"(r) : "r"(77u), "r"(0u) : "memory");
    SCB_CCR &= ~CCR_DIV_0_TRP;
    current_case = 4; /* unaligned LDR allowed, then trapped; LDRD always traps */
    for (unsigned i = 0; i < sizeof scratch; i++) scratch[i] = (uint8_t)(i * 17 + 3);
    __asm volatile("ldr.w %0, [%1]" : "=r"(r) : "r"(scratch + 1) : "memory");
    result_put(n++, r);
    SCB_CCR |= CCR_UNALIGN_TRP;
    barrier();
    __asm volatile("ldr.w %0, [%1]" : "=r"(r) : "r"(scratch + 2) : "memory");
    SCB_CCR &= ~CCR_UNALIGN_TRP;
    __asm volatile("ldrd r2, r3, [%0]" : : "r"(scratch + 4 + 2) : "r2", "r3", "memory");
    current_case = 5; /* LDR from unmapped memory: BusFault (enabled) */
    __asm volatile("ldr.w %0, [%1]" : "=r"(r) : "r"(0x30000000u) : "memory");
    current_case = 6; /* the same with BusFault disabled: HardFault, FORCED */
    SCB_SHCSR = 0;
    barrier();
    __asm volatile("ldr.w %0, [%1]" : "=r"(r) : "r"(0x30000004u) : "memory");
    current_case = 7; /* UsageFault enabled but masked by BASEPRI at its priority: escalates */
    SCB_SHCSR = SHCSR_ENABLES;
    REG32(0xE000ED18u) = 0x00400000u; /* SHPR1: UsageFault priority 0x40 */
    write_basepri(0x40);
    __asm volatile("udf.w #7" : : : "memory");
    write_basepri(0);

    /* BASEPRI and BASEPRI_MAX against IRQ 20 at priority 0x80 */
    NVIC_IPR(TEST_IRQ / 4) = 0x80u << (8 * (TEST_IRQ % 4));
    NVIC_ISER = 1u << TEST_IRQ;
    write_basepri(0x80);
    irq_pend();
    result_put(n++, irq_log);          /* 0: masked */
    write_basepri_max(0xC0);           /* lower priority than 0x80: ignored */
    result_put(n++, read_basepri());
    write_basepri_max(0x60);
    result_put(n++, read_basepri());
    write_basepri(0x90);
    barrier();
    result_put(n++, irq_log);          /* 1: taken once BASEPRI is above it */
    write_basepri(0);
    /* FAULTMASK: masks the IRQ; the handler's CPSID f ends with its exception return */
    __asm volatile("cpsid f" : : : "memory");
    irq_pend();
    result_put(n++, irq_log);          /* still 1 */
    result_put(n++, read_faultmask());
    __asm volatile("cpsie f" : : : "memory");
    barrier();
    result_put(n++, irq_log);          /* 0x11 */
    result_put(n++, faultmask_in_irq);
    result_put(n++, read_faultmask()); /* cleared by the return */

    /* AIRCR.PRIGROUP 5: bits 7:6 group priority, 5:0 subpriority */
    SCB_AIRCR = 0x05FA0000u | (5u << 8);
    result_put(n++, SCB_AIRCR & 0x700u);
    NVIC_IPR(5) = 0x30405080u;         /* IRQ 21: 0x50, IRQ 22: 0x40, IRQ 23: 0x30 */
    irq_log = 0;
    NVIC_ISER = 7u << 21;
    pend_at_cpsie(1u << 21);
    result_put(n++, irq_log_in_21);    /* 0x24: 23 preempted 21, 22 waited */
    result_put(n++, irq_log);          /* 0x243 */
    SCB_AIRCR = 0x05FA0000u;

    /* VTOR: a copy of the table in SRAM with its own SVCall handler and IRQ 40 (NVIC bank 1) */
    for (unsigned i = 0; i < 48; i++) ram_vectors[i] = vector_table[i];
    ram_vectors[11] = svc_through_ram_table;
    ram_vectors[16 + 40] = swi_handler;
    REG32(0xE000ED08u) = (uint32_t)ram_vectors;
    barrier();
    __asm volatile("svc #0" : : : "memory");
    result_put(n++, svc_count);
    result_put(n++, REG32(0xE000ED08u) - (uint32_t)ram_vectors);
    irq_log = 0;
    NVIC_IPR(10) = 0x40u;
    REG32(0xE000E104u) = 1u << 8;        /* ISER1: IRQ 40 */
    irq_disable();
    REG32(0xE000EF00u) = 40;             /* STIR */
    barrier();
    result_put(n++, REG32(0xE000E204u)); /* ISPR1: pending */
    irq_enable();
    barrier();
    result_put(n++, irq_log);            /* 21 */
    /* the local monitor is cleared by exception entry and return */
    uint32_t status, value;
    __asm volatile("ldrex %1, [%2]\n\tsvc #1\n\tstrex %0, %1, [%2]"
                   : "=&r"(status), "=&r"(value) : "r"(&svc_count) : "memory");
    result_put(n++, status);
    result_put(n++, svc_count);

    current_case = 8; /* unprivileged Thread mode: masks ignored, the SCS answers with a BusFault */
    __asm volatile("msr control, %0\n\tisb" : : "r"(1u) : "memory");
    write_basepri(0x40);
    __asm volatile("cpsid i" : : : "memory");
    result_put(n++, read_control());
    __asm volatile("ldr.w %0, [%1]" : "=r"(r) : "r"(0xE000ED14u) : "memory");
    __asm volatile("svc #2" : : : "memory");
    result_put(n++, read_control());
    result_put(n++, read_basepri());
    result_put(n++, read_primask());

    current_case = 9; /* BX to an even address: UsageFault INVSTATE at the target, stacked T = 0 */
    __asm volatile("adr r0, 1f\n\t"
                   "bx r0\n\t"
                   ".balign 4\n"
                   "1:\tnop.w" : : : "r0", "memory");

    result_put(n++, record_count);
    result_put(n++, (uint32_t)records);
    result_put(n++, RECORD_WORDS);
    return 0;
}
