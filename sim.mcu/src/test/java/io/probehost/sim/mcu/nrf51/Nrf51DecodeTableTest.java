package io.probehost.sim.mcu.nrf51;

import static io.probehost.sim.mcu.bus.MarkedEntries.all;
import static io.probehost.sim.mcu.bus.MarkedEntries.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.bus.MarkedEntries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every writer of the nRF51's flash, UICR and RAM zeroes the decode-table entries of what it changes. */
class Nrf51DecodeTableTest {
    private static final int CONFIG = 0x4001_E504;
    private static final int ERASEPAGE = 0x4001_E508;
    private static final int ERASEALL = 0x4001_E50C;
    private static final int ERASEUICR = 0x4001_E514;

    private final Nrf51822 mcu = Nrf51822.create(null);
    private final MemoryPort bus = mcu.debugBus();
    private final MarkedEntries flash;
    private final MarkedEntries uicr;

    Nrf51DecodeTableTest() {
        mcu.halt();
        flash = MarkedEntries.of(mcu.decodeTable(Nrf51822.FLASH_BASE));
        uicr = MarkedEntries.of(mcu.decodeTable(Nrf51822.UICR_BASE));
    }

    @AfterEach
    void close() {
        mcu.close();
    }

    private void write(int address, int value) throws BusFault {
        bus.write(address, AccessSize.WORD, value);
    }

    /** Lets the NVMC's operation in flight end. */
    private void waitForNvmc() {
        mcu.clock().advance(Nvmc.ERASE_ALL_NANOS);
    }

    @Test
    void nvmcWordWriteZeroesTheEntriesOverlappingTheWord() throws BusFault {
        write(CONFIG, Nvmc.CONFIG_WEN);
        write(0x2000, 0x1234_5678);
        assertArrayEquals(range(0xFFF, 0x1001), flash.zeroed());
        waitForNvmc();
        write(Nrf51822.UICR_BASE + 0x80, 0);
        assertArrayEquals(range(0x3F, 0x41), uicr.zeroed());
    }

    @Test
    void nvmcPageEraseZeroesTheEntriesOfThePage() throws BusFault {
        write(CONFIG, Nvmc.CONFIG_EEN);
        write(ERASEPAGE, 0x800);
        assertArrayEquals(range(0x3FF, 0x5FF), flash.zeroed());
        assertArrayEquals(new int[0], uicr.zeroed());
    }

    @Test
    void nvmcEraseUicrAndEraseAllZeroTheirTables() throws BusFault {
        write(CONFIG, Nvmc.CONFIG_EEN);
        write(ERASEUICR, 1);
        assertArrayEquals(all(Nrf51822.UICR_SIZE), uicr.zeroed());
        assertArrayEquals(new int[0], flash.zeroed());
        waitForNvmc();
        write(ERASEALL, 1);
        assertArrayEquals(all(Nrf51822.FLASH_SIZE), flash.zeroed());
    }

    @Test
    void loadFlashZeroesTheEntriesOfTheLoadedBytes() {
        mcu.loadFlash(0x100, new byte[] {1, 2, 3, 4});
        assertArrayEquals(range(0x7F, 0x81), flash.zeroed());
        mcu.loadFlash(Nrf51822.UICR_BASE + 0x10, new byte[] {1, 2});
        assertArrayEquals(range(0x07, 0x08), uicr.zeroed());
    }

    @Test
    void resetStateZeroesFlashAndUicrTables() {
        mcu.resetState();
        assertArrayEquals(all(Nrf51822.FLASH_SIZE), flash.zeroed());
        assertArrayEquals(all(Nrf51822.UICR_SIZE), uicr.zeroed());
    }

    @Test
    void writeRamZeroesTheEntriesOfTheWrittenBytes() {
        MarkedEntries ram = MarkedEntries.of(mcu.decodeTable(Nrf51822.RAM_BASE));
        mcu.writeRam(Nrf51822.RAM_BASE + 0x10, new byte[] {1, 2, 3, 4});
        assertArrayEquals(range(0x07, 0x09), ram.zeroed());
    }
}
