/*
 * A CMSIS flash algorithm for the nRF51 NVMC, written for Probehost's tests. Position independent:
 * no global data, peripheral addresses only, so it runs wherever the host loads it.
 */
#include "../../../../../flash.format/src/test/c/flm/FlashOS.h"

#define NVMC_READY     (*(volatile unsigned long *) 0x4001E400u)
#define NVMC_CONFIG    (*(volatile unsigned long *) 0x4001E504u)
#define NVMC_ERASEPAGE (*(volatile unsigned long *) 0x4001E508u)
#define NVMC_ERASEALL  (*(volatile unsigned long *) 0x4001E50Cu)

#define CONFIG_REN 0u
#define CONFIG_WEN 1u
#define CONFIG_EEN 2u

static void wait_ready(void) {
    while ((NVMC_READY & 1u) == 0u) {
    }
}

int Init(unsigned long adr, unsigned long clk, unsigned long fnc) {
    (void) adr;
    (void) clk;
    (void) fnc;
    NVMC_CONFIG = CONFIG_REN;
    return 0;
}

int UnInit(unsigned long fnc) {
    (void) fnc;
    NVMC_CONFIG = CONFIG_REN;
    return 0;
}

int EraseChip(void) {
    NVMC_CONFIG = CONFIG_EEN;
    NVMC_ERASEALL = 1u;
    wait_ready();
    NVMC_CONFIG = CONFIG_REN;
    return 0;
}

int EraseSector(unsigned long adr) {
    if ((adr & 0x3FFu) != 0u || adr >= 0x40000u) {
        return 2;
    }
    NVMC_CONFIG = CONFIG_EEN;
    NVMC_ERASEPAGE = adr;
    wait_ready();
    NVMC_CONFIG = CONFIG_REN;
    return 0;
}

int ProgramPage(unsigned long adr, unsigned long sz, unsigned char *buf) {
    if ((adr & 3u) != 0u || adr + sz > 0x40000u) {
        return 3;
    }
    NVMC_CONFIG = CONFIG_WEN;
    for (unsigned long i = 0; i < sz; i += 4u) {
        unsigned long word = 0xFFFFFFFFu;
        for (unsigned long b = 0; b < 4u && i + b < sz; b++) {
            word &= ~(0xFFul << (8u * b));
            word |= (unsigned long) buf[i + b] << (8u * b);
        }
        *(volatile unsigned long *) (adr + i) = word;
        wait_ready();
    }
    NVMC_CONFIG = CONFIG_REN;
    return 0;
}
