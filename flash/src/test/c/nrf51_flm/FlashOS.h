/* The CMSIS flash-driver interface (FlashOS.h), declared from the Open-CMSIS-Pack specification. */
#ifndef FLASH_OS_H
#define FLASH_OS_H

#define FLASH_DRV_VERS 0x0101
#define ONCHIP 1
#define SECTOR_END 0xFFFFFFFFu

struct FlashSector {
    unsigned long szSector;
    unsigned long AddrSector;
};

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
    struct FlashSector sectors[2];
};

int Init(unsigned long adr, unsigned long clk, unsigned long fnc);
int UnInit(unsigned long fnc);
int EraseChip(void);
int EraseSector(unsigned long adr);
int ProgramPage(unsigned long adr, unsigned long sz, unsigned char *buf);

#endif
