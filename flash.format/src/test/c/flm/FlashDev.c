#include "FlashOS.h"

/* 16 KiB of 1 KiB sectors followed by 48 KiB of 4 KiB sectors at 0x08000000. */
__attribute__((section("DevDscr"), used))
const struct FlashDevice FlashDevice = {
    FLASH_DRV_VERS,
    "Probehost Test 64kB Flash",
    ONCHIP,
    0x08000000,
    0x00010000,
    0x00000400,
    0,
    0xFF,
    100,
    3000,
    {
        {0x00000400, 0x00000000},
        {0x00001000, 0x00004000},
        {SECTOR_END, SECTOR_END},
    },
};
