package io.probehost.sim.mcu.nrf51;

import io.probehost.sim.mcu.bus.WordRegisters;
import java.util.Map;

/**
 * Factory information (0x10000000) of an nRF51822 QFAA rev 3 (HWID 0x0072, build code H0): 1 KiB
 * pages, 256 pages, two 8 KiB RAM blocks, no factory code region. Unused words read 0xFFFFFFFF,
 * including INFO.PART at 0x100, so OpenOCD's nrf5 driver identifies the part from the HWID.
 */
final class Ficr extends WordRegisters {
    static final int BASE = 0x1000_0000;
    static final int SIZE = 0x400;
    static final int HWID = 0x0072;

    private static final Map<Integer, Integer> VALUES = Map.ofEntries(
            Map.entry(0x010, Nrf51822.PAGE_SIZE),           // CODEPAGESIZE
            Map.entry(0x014, Nrf51822.FLASH_SIZE / Nrf51822.PAGE_SIZE), // CODESIZE (pages)
            Map.entry(0x034, 2),                            // NUMRAMBLOCK
            Map.entry(0x038, 0x2000),                       // SIZERAMBLOCK0
            Map.entry(0x03C, 0x2000),                       // SIZERAMBLOCK1
            Map.entry(0x05C, 0xFFFF_0000 | HWID),           // CONFIGID: FWID unset, HWID
            Map.entry(0x060, 0x5C3A_17E9),                  // DEVICEID0
            Map.entry(0x064, 0x8B21_D04F),                  // DEVICEID1
            Map.entry(0x080, 0x1F6C_82A3), Map.entry(0x084, 0x7D04_9BE1), // ER0-3
            Map.entry(0x088, 0xC2E5_3A16), Map.entry(0x08C, 0x49B7_0F58),
            Map.entry(0x090, 0xA6D3_5C2B), Map.entry(0x094, 0x0E81_F74D), // IR0-3
            Map.entry(0x098, 0x93FA_6B20), Map.entry(0x09C, 0x5B2C_E819),
            Map.entry(0x0A4, 0x2A5D_8C91),                  // DEVICEADDR0
            Map.entry(0x0A8, 0xFFFF_C7E4));                 // DEVICEADDR1

    @Override
    protected int readWord(int offset) {
        return VALUES.getOrDefault(offset, 0xFFFF_FFFF);
    }

    @Override
    protected void writeWord(int offset, int value) {
        // factory information is read-only
    }
}
