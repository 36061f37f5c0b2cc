/*
 * Flash algorithm for the GD32VF103 (RV32IMAC): the CMSIS entry points Init, UnInit, EraseSector,
 * ProgramPage and EraseChip, called by the debugger with arguments in a0-a3, the return address in ra
 * (an ebreak at the load address, the first word of this blob) and the stack in SRAM; 0 is success.
 * The FMC has the STM32F1 FPEC's registers and rules (stm32f1-gd32vf103.md §1.3, §2.2): unlock with
 * KEY0 (both keys, only while locked: a wrong sequence locks it until reset), 1 KiB pages, half-word
 * programming with BUSY polled after each, PGERR and WPERR as failures.
 * No data, no globals: the code reaches the FMC by its absolute address and nothing else.
 */
typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;

#define FMC_BASE 0x40022000u
#define FMC_KEY0 (*(volatile u32 *) (FMC_BASE + 0x04u))
#define FMC_STAT0 (*(volatile u32 *) (FMC_BASE + 0x0Cu))
#define FMC_CTL0 (*(volatile u32 *) (FMC_BASE + 0x10u))
#define FMC_ADDR0 (*(volatile u32 *) (FMC_BASE + 0x14u))

#define KEY1 0x45670123u
#define KEY2 0xCDEF89ABu

#define STAT_BUSY (1u << 0)
#define STAT_PGERR (1u << 2)
#define STAT_WPERR (1u << 4)
#define STAT_ENDF (1u << 5)
#define STAT_ALL (STAT_PGERR | STAT_WPERR | STAT_ENDF)

#define CTL_PG (1u << 0)
#define CTL_PER (1u << 1)
#define CTL_MER (1u << 2)
#define CTL_START (1u << 6)
#define CTL_LK (1u << 7)

/* The return trap: the debugger's return address is the load address, where this ebreak waits. */
__asm__(".section .text.trap, \"ax\"\n"
        ".globl return_trap\n"
        "return_trap:\n"
        "    ebreak\n");

/* Waits for the FMC, clears its status flags, and answers 1 if the operation failed. */
static int wait_done(void) {
    u32 status = FMC_STAT0; /* BUSY rises a cycle after START: one read before polling */
    while ((status = FMC_STAT0) & STAT_BUSY) {
    }
    FMC_STAT0 = STAT_ALL;
    return (status & (STAT_PGERR | STAT_WPERR)) != 0;
}

int Init(u32 adr, u32 clk, u32 fnc) {
    (void) adr;
    (void) clk;
    (void) fnc;
    if (FMC_CTL0 & CTL_LK) {
        FMC_KEY0 = KEY1;
        FMC_KEY0 = KEY2;
    }
    FMC_STAT0 = STAT_ALL;
    return (FMC_CTL0 & CTL_LK) != 0;
}

int UnInit(u32 fnc) {
    (void) fnc;
    FMC_CTL0 = CTL_LK;
    return 0;
}

int EraseChip(void) {
    FMC_CTL0 = CTL_MER;
    FMC_CTL0 = CTL_MER | CTL_START;
    int failed = wait_done();
    FMC_CTL0 = 0;
    return failed;
}

int EraseSector(u32 adr) {
    FMC_CTL0 = CTL_PER;
    FMC_ADDR0 = adr;
    FMC_CTL0 = CTL_PER | CTL_START;
    int failed = wait_done();
    FMC_CTL0 = 0;
    return failed;
}

int ProgramPage(u32 adr, u32 sz, const u8 *buf) {
    int failed = 0;
    FMC_CTL0 = CTL_PG;
    for (u32 done = 0; done < sz && !failed; done += 2) {
        u32 high = done + 1 < sz ? buf[done + 1] : 0xFFu;
        *(volatile u16 *) (adr + done) = (u16) (buf[done] | high << 8);
        failed = wait_done();
    }
    FMC_CTL0 = 0;
    return failed;
}
