/* Exception model checks: SVC, PendSV, SysTick, PSP via CONTROL, HardFault, NVIC priorities, WFI. */
#include "../common/result.h"
#include "../common/cm0.h"

enum {
    R_SVC_NUMBER, R_SVC_RESULT, R_SVC_IPSR, R_SVC_EXC_RETURN_MSP, R_PENDSV_SEEN_IN_SVC,
    R_PENDSV_COUNT_AFTER_SVC, R_PENDSV_IPSR, R_PENDSV_COUNT_DIRECT, R_SYSTICK_TICKS, R_SYSTICK_IPSR,
    R_SYSTICK_CSR_STOPPED, R_CONTROL_ON_PSP, R_SP_IS_PSP, R_SVC_EXC_RETURN_PSP, R_SVC_NUMBER_PSP,
    R_CONTROL_BACK, R_MSP_KEPT, R_SHPR3_READBACK, R_IPR5_READBACK, R_ISPR_PENDED, R_IRQ_LOG,
    R_IPSR_NESTED, R_ISPR_AFTER, R_ICPR_CLEARS, R_WFI, R_HARDFAULT_COUNT, R_HF_EXC_RETURN,
    R_HF_R0, R_HF_R1, R_HF_R2, R_HF_R3, R_HF_R12, R_HF_LR, R_HF_PC_OFFSET, R_HF_XPSR, R_HF_IPSR,
    R_UNALIGNED_PC_OFFSET, R_UNALIGNED_R0, R_SVC_REALIGNED_XPSR_BIT9, R_SVC_REALIGNED_FRAME_LOW_BITS,
    R_SVC_REALIGNED_SP_RESTORED, R_EXC_RETURN_SWI1, R_EXC_RETURN_NESTED_SWI3, R_HF_PSP_EXC_RETURN,
    R_HF_PSP_PC_OFFSET, R_HF_PSP_R3, R_CPUID, R_AIRCR, R_CCR, R_SHPR2_READBACK, R_EQUAL_PRIORITY_LOG,
    R_ICER_KEEPS_PENDING, R_UNMAPPED_LOAD, R_UNMAPPED_STORE, R_COUNT
};

#define SWI0_IRQ 20u
#define SYSTICK_TICKS 5u

extern char fault_site_undefined[], fault_site_unaligned[], fault_site_store[];
void run_on_psp(void (*fn)(void), uint32_t *psp_top);
void fault_undefined(void);
uint32_t fault_unaligned(uint32_t address);
void fault_store(uint32_t address);
uint32_t svc_misaligned(void);

static volatile uint32_t pendsv_count, systick_ticks, hardfault_count, irq_log, wfi_irq_count;
static uint32_t psp_stack[128] __attribute__((aligned(8)));
static uint32_t r[R_COUNT];

void svc_record(uint32_t *frame, uint32_t exc_return)
{
    uint32_t number = ((const uint16_t *)frame[6])[-1] & 0xFFu;
    if (number == 42u) {
        r[R_SVC_NUMBER] = number;
        r[R_SVC_IPSR] = read_ipsr();
        r[R_SVC_EXC_RETURN_MSP] = exc_return;
        frame[0] = frame[0] + frame[1] * frame[2];
        SCB_ICSR = ICSR_PENDSVSET; /* same priority as SVC: must wait until SVC returns */
        barrier();
        r[R_PENDSV_SEEN_IN_SVC] = pendsv_count;
    } else if (number == 3u) {
        r[R_SVC_REALIGNED_XPSR_BIT9] = frame[7] & (1u << 9);
        r[R_SVC_REALIGNED_FRAME_LOW_BITS] = (uint32_t)frame & 7u;
    } else {
        r[R_SVC_NUMBER_PSP] = number;
        r[R_SVC_EXC_RETURN_PSP] = exc_return;
    }
}

/* Faults: UDF on the main stack, unaligned LDR, UDF on the process stack, LDR and STR to an
 * unmapped address (the LDR shares the unaligned LDR's site). */
void hardfault_record(uint32_t *frame, uint32_t exc_return)
{
    hardfault_count++;
    if (exc_return & 4u) {
        r[R_HF_PSP_EXC_RETURN] = exc_return;
        r[R_HF_PSP_PC_OFFSET] = frame[6] - (uint32_t)fault_site_undefined;
        r[R_HF_PSP_R3] = frame[3];
    } else if (frame[6] == (uint32_t)fault_site_unaligned) {
        r[R_UNALIGNED_PC_OFFSET] = frame[6] - (uint32_t)fault_site_unaligned;
    } else if (frame[6] == (uint32_t)fault_site_store) {
        /* counted only */
    } else {
        r[R_HF_EXC_RETURN] = exc_return;
        r[R_HF_R0] = frame[0];
        r[R_HF_R1] = frame[1];
        r[R_HF_R2] = frame[2];
        r[R_HF_R3] = frame[3];
        r[R_HF_R12] = frame[4];
        r[R_HF_LR] = frame[5];
        r[R_HF_PC_OFFSET] = frame[6] - (uint32_t)fault_site_undefined;
        r[R_HF_XPSR] = frame[7];
        r[R_HF_IPSR] = read_ipsr();
    }
    frame[6] += 2u; /* all faulting instructions are 16-bit */
}

void pendsv_handler(void)
{
    r[R_PENDSV_IPSR] = read_ipsr();
    pendsv_count++;
}

void systick_handler(void)
{
    r[R_SYSTICK_IPSR] = read_ipsr();
    if (++systick_ticks == SYSTICK_TICKS) {
        SYST_CSR = 0;
        SCB_ICSR = ICSR_PENDSTCLR;
    }
}

/* SWI0..SWI5 (via the swi_handler trampoline): log entry order as one nibble each (IRQ - 19);
 * SWI0 pends SWI3, which preempts it. SWI5 only counts, for the WFI check. */
void swi_record(uint32_t exc_return)
{
    uint32_t irq = read_ipsr() - 16u;
    if (irq == SWI0_IRQ + 5u) {
        wfi_irq_count++;
        return;
    }
    irq_log = (irq_log << 4) | (irq - (SWI0_IRQ - 1u));
    if (irq == SWI0_IRQ) {
        NVIC_ISPR = 1u << (SWI0_IRQ + 3u);
        barrier();
        irq_log = (irq_log << 4) | 0xFu;
    } else if (irq == SWI0_IRQ + 1u) {
        r[R_EXC_RETURN_SWI1] = exc_return;
    } else if (irq == SWI0_IRQ + 3u) {
        r[R_IPSR_NESTED] = read_ipsr();
        r[R_EXC_RETURN_NESTED_SWI3] = exc_return;
    }
}

static void check_svc_and_pendsv(void)
{
    register uint32_t a __asm("r0") = 5u;
    register uint32_t b __asm("r1") = 6u;
    register uint32_t c __asm("r2") = 7u;
    __asm volatile("svc #42" : "+r"(a) : "r"(b), "r"(c) : "memory");
    r[R_SVC_RESULT] = a;
    r[R_PENDSV_COUNT_AFTER_SVC] = pendsv_count;
    SCB_ICSR = ICSR_PENDSVSET;
    barrier();
    r[R_PENDSV_COUNT_DIRECT] = pendsv_count;
    r[R_SVC_REALIGNED_SP_RESTORED] = svc_misaligned() == 0u ? 1u : 0u;
}

static void check_systick(void)
{
    SYST_RVR = 999u;
    SYST_CVR = 0u;
    SYST_CSR = 7u; /* processor clock, interrupt, enable */
    /* No spin bound: how fast ticks come differs between emulators; the runner bounds the run. */
    while (systick_ticks < SYSTICK_TICKS) { }
    r[R_SYSTICK_TICKS] = systick_ticks;
    r[R_SYSTICK_CSR_STOPPED] = SYST_CSR & 7u;
}

static void on_psp(void)
{
    uint32_t sp;
    r[R_CONTROL_ON_PSP] = read_control();
    __asm volatile("mov %0, sp" : "=l"(sp));
    r[R_SP_IS_PSP] = (sp == read_psp()) ? 1u : 0u;
    __asm volatile("svc #7" : : : "memory");
    fault_undefined();
}

static void check_psp(void)
{
    uint32_t msp_before = read_msp();
    run_on_psp(on_psp, &psp_stack[128]);
    r[R_CONTROL_BACK] = read_control();
    r[R_MSP_KEPT] = (read_msp() == msp_before) ? 1u : 0u;
}

static void check_nvic(void)
{
    SCB_SHPR3 = 0xFFFFFFFFu;
    r[R_SHPR3_READBACK] = SCB_SHPR3 & 0xFFFF0000u; /* bits 15:0 are reserved on ARMv6-M */
    SCB_SHPR3 = 0u;
    NVIC_IPR(5) = 0xFFFFFFFFu;
    r[R_IPR5_READBACK] = NVIC_IPR(5);
    NVIC_IPR(5) = 0x008040C0u; /* SWI0 0xC0, SWI1 0x40, SWI2 0x80, SWI3 0x00 */
    irq_disable();
    NVIC_ISER = 0xFu << SWI0_IRQ;
    NVIC_ISPR = 0x7u << SWI0_IRQ;
    r[R_ISPR_PENDED] = NVIC_ISPR & (0x3Fu << SWI0_IRQ);
    irq_enable();
    barrier();
    r[R_IRQ_LOG] = irq_log;
    r[R_ISPR_AFTER] = NVIC_ISPR & (0x3Fu << SWI0_IRQ);

    NVIC_ISPR = 1u << (SWI0_IRQ + 4u); /* pending but never enabled */
    uint32_t before = (NVIC_ISPR >> (SWI0_IRQ + 4u)) & 1u;
    NVIC_ICPR = 1u << (SWI0_IRQ + 4u);
    uint32_t after = (NVIC_ISPR >> (SWI0_IRQ + 4u)) & 1u;
    r[R_ICPR_CLEARS] = before | after << 1;
}

static void check_system_registers(void)
{
    r[R_CPUID] = SCB_CPUID;
    r[R_AIRCR] = SCB_AIRCR;
    r[R_CCR] = SCB_CCR;
    SCB_SHPR2 = 0xFFFFFFFFu;
    r[R_SHPR2_READBACK] = SCB_SHPR2;
    SCB_SHPR2 = 0u;
}

/* Equal priorities: taken in exception-number order whatever the pend order. A disabled
 * interrupt stays pending and is not taken. */
static void check_equal_priorities_and_icer(void)
{
    NVIC_IPR(5) = 0x008080C0u; /* SWI1 and SWI2 now 0x80 like SWI4 */
    NVIC_IPR(6) = 0x00000080u;
    irq_disable();
    irq_log = 0;
    NVIC_ISER = 1u << (SWI0_IRQ + 4u);
    NVIC_ISPR = 1u << (SWI0_IRQ + 4u);
    NVIC_ISPR = 1u << (SWI0_IRQ + 2u);
    NVIC_ISPR = 1u << (SWI0_IRQ + 1u);
    irq_enable();
    barrier();
    r[R_EQUAL_PRIORITY_LOG] = irq_log;

    irq_disable();
    irq_log = 0;
    NVIC_ISPR = 1u << (SWI0_IRQ + 1u);
    NVIC_ICER = 1u << (SWI0_IRQ + 1u);
    irq_enable();
    barrier();
    uint32_t pending = (NVIC_ISPR >> (SWI0_IRQ + 1u)) & 1u;
    r[R_ICER_KEEPS_PENDING] = pending | (irq_log != 0u) << 1;
    NVIC_ICPR = 1u << (SWI0_IRQ + 1u);
}

static void check_wfi(void)
{
    irq_disable();
    NVIC_ISER = 1u << (SWI0_IRQ + 5u);
    NVIC_ISPR = 1u << (SWI0_IRQ + 5u);
    __asm volatile("wfi" : : : "memory"); /* pending interrupt: wakes although PRIMASK masks it */
    uint32_t before = wfi_irq_count;
    irq_enable();
    barrier();
    r[R_WFI] = before | wfi_irq_count << 4;
}

static void check_hardfault(void)
{
    fault_undefined();
    r[R_UNALIGNED_R0] = fault_unaligned(RESULT_BASE - 0x100u + 2u);
    r[R_HARDFAULT_COUNT] = hardfault_count;
}

#define UNMAPPED_ADDRESS 0x30000000u /* between RAM and the peripherals: nothing answers */

static void check_unmapped_access(void)
{
    uint32_t before = hardfault_count;
    uint32_t value = fault_unaligned(UNMAPPED_ADDRESS);
    r[R_UNMAPPED_LOAD] = (hardfault_count - before) | (value == 0x5A5A5A5Au ? 0x10u : 0u);
    before = hardfault_count;
    fault_store(UNMAPPED_ADDRESS);
    r[R_UNMAPPED_STORE] = hardfault_count - before;
}

int main(void)
{
    result_begin(PROGRAM_EXCEPTIONS);
    check_svc_and_pendsv();
    check_systick();
    check_psp();
    check_nvic();
    check_wfi();
    check_hardfault();
    check_system_registers();
    check_equal_priorities_and_icer();
    check_unmapped_access();
    for (uint32_t i = 0; i < R_COUNT; i++) result_put(i, r[i]);
    result_finish();
}
