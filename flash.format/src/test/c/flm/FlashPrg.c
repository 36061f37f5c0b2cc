/*
 * A CMSIS-style algorithm for an imaginary flash controller, only ever parsed by the tests, never
 * run. It has initialised data (PrgData) and zero-initialised data (ZI) so the image layout is
 * exercised.
 */
#include "FlashOS.h"

#define FLASH_CONTROL (*(volatile unsigned long *) 0x40022010u)
#define FLASH_ADDRESS (*(volatile unsigned long *) 0x40022014u)
#define FLASH_STATUS (*(volatile unsigned long *) 0x4002200Cu)
#define BUSY 1u
#define ERASE_PAGE 2u
#define ERASE_ALL 4u
#define PROGRAM 1u

unsigned long unlock_key = 0x45670123u;
unsigned long operation;

static void wait_ready(void) {
    while (FLASH_STATUS & BUSY) {
    }
}

int Init(unsigned long adr, unsigned long clk, unsigned long fnc) {
    (void) adr;
    (void) clk;
    operation = fnc;
    FLASH_CONTROL = unlock_key;
    return 0;
}

int UnInit(unsigned long fnc) {
    (void) fnc;
    operation = 0;
    FLASH_CONTROL = 0;
    return 0;
}

int EraseChip(void) {
    FLASH_CONTROL = ERASE_ALL;
    wait_ready();
    return 0;
}

int EraseSector(unsigned long adr) {
    FLASH_ADDRESS = adr;
    FLASH_CONTROL = ERASE_PAGE;
    wait_ready();
    return 0;
}

int ProgramPage(unsigned long adr, unsigned long sz, unsigned char *buf) {
    volatile unsigned short *target = (volatile unsigned short *) adr;
    FLASH_CONTROL = PROGRAM;
    for (unsigned long i = 0; i < sz; i += 2) {
        *target++ = (unsigned short) (buf[i] | buf[i + 1] << 8);
        wait_ready();
    }
    FLASH_CONTROL = 0;
    return 0;
}

int BlankCheck(unsigned long adr, unsigned long sz, unsigned char pat) {
    const volatile unsigned char *p = (const volatile unsigned char *) adr;
    for (unsigned long i = 0; i < sz; i++) {
        if (p[i] != pat) {
            return 1;
        }
    }
    return 0;
}
