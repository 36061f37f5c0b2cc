package io.probehost.sim.mcu.stm32f1;

import static io.probehost.sim.mcu.bus.MarkedEntries.all;
import static io.probehost.sim.mcu.bus.MarkedEntries.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.probehost.sim.mcu.bus.MarkedEntries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The STM32F103's back doors zero the decode-table entries of what they change (the FPEC's own writers: FpecTest). */
class Stm32f103DecodeTableTest {
    private final Stm32f103 mcu = Stm32f103.create(null);
    private final MarkedEntries flash;

    Stm32f103DecodeTableTest() {
        mcu.halt();
        flash = MarkedEntries.of(mcu.decodeTable(Stm32f103.FLASH_BASE));
    }

    @AfterEach
    void close() {
        mcu.close();
    }

    @Test
    void loadFlashZeroesTheEntriesOfTheLoadedBytes() {
        mcu.loadFlash(Stm32f103.FLASH_BASE + 0x100, new byte[] {1, 2, 3, 4});
        assertArrayEquals(range(0x7F, 0x81), flash.zeroed());
    }

    @Test
    void resetStateZeroesTheFlashTable() {
        mcu.resetState();
        assertArrayEquals(all(Stm32f103.FLASH_SIZE), flash.zeroed());
    }

    @Test
    void writeRamZeroesTheEntriesOfTheWrittenBytes() {
        MarkedEntries ram = MarkedEntries.of(mcu.decodeTable(Stm32f103.SRAM_BASE));
        mcu.writeRam(Stm32f103.SRAM_BASE + 0x21, new byte[] {1});
        assertArrayEquals(range(0x0F, 0x10), ram.zeroed());
    }
}
