/*
 * The CMSIS flash algorithm interface, written for the flash.format tests; the flash module's
 * nRF51 test algorithm includes it too. SECTOR_NUM, the size of the sector table, may be set
 * before the include.
 */
#ifndef FLASH_OS_H
#define FLASH_OS_H

#define FLASH_DRV_VERS 0x0101
#define ONCHIP 1
#define SECTOR_END 0xFFFFFFFFu
#ifndef SECTOR_NUM
#define SECTOR_NUM 4
#endif

struct FlashSector {
    unsigned long size;    /* bytes per sector in this group */
    unsigned long address; /* group start, relative to DevAdr */
};

/* Laid out with natural alignment: 160 bytes before the sector table. */
struct FlashDevice {
    unsigned short Vers;
    char DevName[128];
    unsigned short DevType;
    unsigned long DevAdr;
    unsigned long szDev;
    unsigned long szPage;
    unsigned long Res;
    unsigned char valEmpty;
    unsigned long toProg;
    unsigned long toErase;
    struct FlashSector sectors[SECTOR_NUM];
};

int Init(unsigned long adr, unsigned long clk, unsigned long fnc);
int UnInit(unsigned long fnc);
int EraseChip(void);
int EraseSector(unsigned long adr);
int ProgramPage(unsigned long adr, unsigned long sz, unsigned char *buf);
int BlankCheck(unsigned long adr, unsigned long sz, unsigned char pat);

#endif
