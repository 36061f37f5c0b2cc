/* Machine software interrupts through QEMU virt's CLINT MSIP register (the lab board maps an
   MSIP register at the same address): direct and vectored mtvec, masking by mstatus.MIE and
   mie.MSIE, WFI with an interrupt pending, MPIE/MIE through entry and MRET. */
#include "../common/result.h"

#define PROGRAM_ID 0x5F515249u /* "IRQ_" */
#define MIE_MSIE (1u << 3)

struct result_block result __attribute__((section(".result")));
extern char __text_start[], __text_end[], __ram_start[], __ram_end[];
extern char raise_msip_done[], enable_interrupts_done[], vector_table[];
void raise_msip(uint32_t value);
void enable_interrupts(void);

volatile uint32_t vector3_entries;

uint32_t position(uint32_t address) {
    if (address >= (uint32_t)__text_start && address < (uint32_t)__text_end) {
        return 0xC0000000u + (address - (uint32_t)__text_start);
    }
    if (address >= (uint32_t)__ram_start && address < (uint32_t)__ram_end) {
        return 0xD0000000u + (address - (uint32_t)__ram_start);
    }
    return address;
}

static uint32_t settle(uint32_t epc) {
    if (epc > (uint32_t)&raise_msip && epc <= (uint32_t)raise_msip_done) {
        return (uint32_t)raise_msip_done;
    }
    if (epc > (uint32_t)&enable_interrupts && epc <= (uint32_t)enable_interrupts_done) {
        return (uint32_t)enable_interrupts_done;
    }
    return epc;
}

void trap_handler(void) {
    uint32_t cause = CSR_READ(mcause);
    uint32_t epc = settle(CSR_READ(mepc));
    if (result.trap_count < MAX_TRAPS) {
        struct trap_record *r = &result.traps[result.trap_count];
        r->mcause = cause;
        r->mepc = position(epc);
        r->mtval = CSR_READ(mtval);
        r->mstatus = CSR_READ(mstatus) & 0x1888u;
    }
    result.trap_count++;
    if (cause & 0x80000000u) {
        *(volatile uint32_t *)0x02000000u = 0; /* clear MSIP */
        CSR_WRITE(mepc, epc);
    } else {
        CSR_WRITE(mepc, epc + 4); /* ecall */
    }
}

static void value(uint32_t v) {
    if (result.value_count < MAX_VALUES) {
        result.values[result.value_count] = v;
    }
    result.value_count++;
}

int main(void) {
    volatile uint32_t *block = (volatile uint32_t *)&result;
    for (unsigned i = 0; i < sizeof result / 4; i++) {
        block[i] = 0;
    }
    result.program = PROGRAM_ID;

    /* 1: direct mode, enabled: taken right after the MSIP write */
    CSR_WRITE(mie, MIE_MSIE);
    enable_interrupts();
    raise_msip(1);
    value(result.trap_count);                            /* 0: 1 */
    value(CSR_READ(mstatus) & 0x88u);                    /* 1: MIE back on after MRET */

    /* 2: pending under mstatus.MIE = 0: not taken, WFI does not wait, taken once enabled */
    CSR_WRITE(mstatus, 0x1800u);
    raise_msip(1);
    value(CSR_READ(mip) & 0x8u);                         /* 2: MSIP pending */
    __asm__ volatile ("wfi");
    value(result.trap_count);                            /* 3: still 1 */
    enable_interrupts();
    value(result.trap_count);                            /* 4: 2 */

    /* 3: pending but mie.MSIE = 0: not taken */
    CSR_WRITE(mie, 0);
    raise_msip(1);
    value(CSR_READ(mip) & 0x8u);                         /* 5: MSIP pending */
    value(result.trap_count);                            /* 6: 2 */
    raise_msip(0);
    value(CSR_READ(mip) & 0x8u);                         /* 7: cleared */

    /* 4: vectored mode: the interrupt through entry 3, an ECALL through entry 0 */
    uint32_t saved = CSR_READ(mtvec);
    CSR_WRITE(mtvec, (uint32_t)vector_table | 1);
    value(position(CSR_READ(mtvec)));                    /* 8 */
    CSR_WRITE(mie, MIE_MSIE);
    raise_msip(1);
    __asm__ volatile ("ecall");
    value(vector3_entries);                              /* 9: 1 */
    value(result.trap_count);                            /* 10: 4 */
    CSR_WRITE(mtvec, saved);
    CSR_WRITE(mstatus, 0x1800u);
    CSR_WRITE(mie, 0);
    result.status = STATUS_DONE;
    return 0;
}
