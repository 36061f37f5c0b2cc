#define SECTOR_NUM 2 /* one group and the end marker */
#include "../../../../../flash.format/src/test/c/flm/FlashOS.h"

/* nRF51822 code flash: 256 KiB of 1 KiB pages at 0. */
__attribute__((section("DevDscr"), used))
const struct FlashDevice FlashDevice = {
    FLASH_DRV_VERS,
    "Probehost nRF51 NVMC 256kB",
    ONCHIP,
    0x00000000,
    0x00040000,
    0x00000400,
    0,
    0xFF,
    100,
    3000,
    {
        {0x00000400, 0x00000000},
        {SECTOR_END, SECTOR_END},
    },
};
