/* GD32VF103 only (lab build only): switches the system clock to the PLL as start-up code does
   (HXTAL, PLL, SCS, waiting on each stable flag), then takes the machine timer interrupt through
   the ECLIC, vectored through mtvt, TICKS times, rearming mtimecmp each time and sleeping in WFI
   in between. Values: SCSS after the switch, mcause and mintstatus in the first handler, the
   tick count and mintstatus after the last one. */
#include "../common/result.h"

#define PROGRAM_ID 0x32334447u /* "GD32" */
#define REG32(address) (*(volatile uint32_t *)(address))
#define REG8(address) (*(volatile uint8_t *)(address))
#define RCU_CTL REG32(0x40021000u)
#define RCU_CFG0 REG32(0x40021004u)
#define RCU_CTL_HXTALEN (1u << 16)
#define RCU_CTL_HXTALSTB (1u << 17)
#define RCU_CTL_PLLEN (1u << 24)
#define RCU_CTL_PLLSTB (1u << 25)
#define RCU_CFG0_SCS_PLL 2u
#define MTIME REG32(0xD1000000u)
#define MTIMECMP_LO REG32(0xD1000008u)
#define MTIMECMP_HI REG32(0xD100000Cu)
#define CLIC_INT_TMR 7
#define CLICINTIE(i) REG8(0xD2001001u + 4u * (i))
#define CLICINTATTR(i) REG8(0xD2001002u + 4u * (i))
#define CLICINTCTL(i) REG8(0xD2001003u + 4u * (i))
#define CLICINTATTR_SHV 1u
#define MTVEC_ECLIC 3u
#define TICKS 5
#define PERIOD 2700u /* mtime counts at 108 MHz / 4: 100 us */

struct result_block result __attribute__((section(".result")));
volatile uint32_t ticks;

uint32_t position(uint32_t address) {
    return address;
}

static void value(uint32_t v) {
    if (result.value_count < MAX_VALUES) {
        result.values[result.value_count] = v;
    }
    result.value_count++;
}

/* start.S's trap_entry calls this for exceptions before ECLIC mode; none is expected. */
void trap_handler(void) {
    result.status = STATUS_FAIL;
    for (;;) {
    }
}

/* Exceptions in ECLIC mode land on mtvec's 64-byte aligned base; none is expected either. */
__attribute__((interrupt, aligned(64))) void exception_entry(void) {
    result.status = STATUS_FAIL;
    for (;;) {
    }
}

__attribute__((interrupt)) void timer_isr(void) {
    if (ticks == 0) {
        value(CSR_READ(mcause));
        value(CSR_READ(0x346)); /* mintstatus */
    }
    ticks++;
    MTIMECMP_LO = MTIME + PERIOD;
    if (ticks == TICKS) {
        CLICINTIE(CLIC_INT_TMR) = 0;
    }
}

static void (*const vector_table[87])(void) __attribute__((aligned(512))) = {
    [CLIC_INT_TMR] = timer_isr,
};

int main(void) {
    result.program = PROGRAM_ID;
    RCU_CTL |= RCU_CTL_HXTALEN;
    while ((RCU_CTL & RCU_CTL_HXTALSTB) == 0) {
    }
    RCU_CTL |= RCU_CTL_PLLEN;
    while ((RCU_CTL & RCU_CTL_PLLSTB) == 0) {
    }
    RCU_CFG0 = (RCU_CFG0 & ~3u) | RCU_CFG0_SCS_PLL;
    while ((RCU_CFG0 >> 2 & 3u) != RCU_CFG0_SCS_PLL) {
    }
    value(RCU_CFG0 >> 2 & 3u);

    CSR_WRITE(0x307, (uint32_t)vector_table); /* mtvt */
    CSR_WRITE(mtvec, (uint32_t)exception_entry | MTVEC_ECLIC);
    CLICINTATTR(CLIC_INT_TMR) = CLICINTATTR_SHV;
    CLICINTCTL(CLIC_INT_TMR) = 0xFF;
    CLICINTIE(CLIC_INT_TMR) = 1;
    MTIMECMP_HI = 0;
    MTIMECMP_LO = MTIME + PERIOD;
    __asm__ volatile ("csrsi mstatus, 8");
    while (ticks < TICKS) {
        __asm__ volatile ("wfi");
    }
    __asm__ volatile ("csrci mstatus, 8");
    value(ticks);
    value(CSR_READ(0x346));
    result.status = STATUS_DONE;
    return 0;
}
