package io.probehost.sim.mcu.fpec;

/**
 * What differs between parts with an FPEC-style controller: main flash size and page size, how
 * many pages one WRPR bit protects, the modelled operation times, and whether 32-bit stores
 * program (GD32VF103) or only half-word stores (STM32F1).
 *
 * @param flashBytes        main flash size
 * @param pageBytes         erase page size
 * @param pagesPerWrpBit    pages one WRPR bit (one WRP option bit) protects
 * @param programNanos      one half-word program (tPROG)
 * @param pageEraseNanos    one page erase (tERASE)
 * @param massEraseNanos    mass erase (tME), also used for the option-byte erase
 * @param wordProgramming   whether a 32-bit store with PG programs two half-words
 */
public record FlashGeometry(int flashBytes, int pageBytes, int pagesPerWrpBit, long programNanos,
        long pageEraseNanos, long massEraseNanos, boolean wordProgramming) {

    /**
     * STM32F103x8/xB (medium density): 128 x 1 KiB pages, 4 pages per WRP bit; tPROG 52.5 us
     * (typical), page and mass erase 40 ms (the datasheet maximum; no typical value is given).
     */
    public static final FlashGeometry STM32F1_MEDIUM_DENSITY =
            new FlashGeometry(128 * 1024, 1024, 4, 52_500, 40_000_000, 40_000_000, false);

    /**
     * GD32VF103xB: the same 128 x 1 KiB pages and 4 pages per WP bit as the STM32F1 medium density
     * parts, 32-bit stores program too; the FMC's times are not confirmed, the STM32F1 ones are used.
     */
    public static final FlashGeometry GD32VF103_B =
            new FlashGeometry(128 * 1024, 1024, 4, 52_500, 40_000_000, 40_000_000, true);

    public FlashGeometry {
        if (flashBytes <= 0 || pageBytes <= 0 || flashBytes % pageBytes != 0 || pagesPerWrpBit <= 0) {
            throw new IllegalArgumentException("flash size must be a positive multiple of the page size");
        }
    }

    public int pageCount() {
        return flashBytes / pageBytes;
    }
}
