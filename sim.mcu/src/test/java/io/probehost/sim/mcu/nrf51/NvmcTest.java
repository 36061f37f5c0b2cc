package io.probehost.sim.mcu.nrf51;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NOR flash rules, NVMC timing and persistence, driven through the debug bus. */
class NvmcTest {
    private static final int READY = 0x4001_E400;
    private static final int CONFIG = 0x4001_E504;
    private static final int ERASEPAGE = 0x4001_E508;
    private static final int ERASEALL = 0x4001_E50C;
    private static final int ERASEUICR = 0x4001_E514;

    @TempDir
    Path state;

    private static int read(MemoryPort bus, int address) throws BusFault {
        return bus.read(address, AccessSize.WORD);
    }

    private static void write(MemoryPort bus, int address, int value) throws BusFault {
        bus.write(address, AccessSize.WORD, value);
    }

    @Test
    void programmingOnlyClearsBits() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            MemoryPort bus = mcu.debugBus();
            write(bus, CONFIG, 1);
            write(bus, 0x2000, 0xF0F0_FF00);
            write(bus, 0x2000, 0x0FF0_F0FF);
            assertEquals(0x00F0_F000, read(bus, 0x2000));
        }
    }

    @Test
    void flashWritesAreIgnoredWithoutWriteEnable() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            MemoryPort bus = mcu.debugBus();
            write(bus, 0x2000, 0);
            assertEquals(0xFFFF_FFFF, read(bus, 0x2000));
        }
    }

    @Test
    void eraseNeedsEraseEnableAndSetsThePageToOnes() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            MemoryPort bus = mcu.debugBus();
            mcu.loadFlash(0x400, new byte[] {1, 2, 3, 4});
            mcu.loadFlash(0x800, new byte[] {5, 6, 7, 8});
            write(bus, CONFIG, 1);
            write(bus, ERASEPAGE, 0x400);
            assertEquals(0x0403_0201, read(bus, 0x400), "not erased with WEN only");
            write(bus, CONFIG, 2);
            write(bus, ERASEPAGE, 0x400);
            assertEquals(0xFFFF_FFFF, read(bus, 0x400));
            assertEquals(0x0807_0605, read(bus, 0x800));
        }
    }

    @Test
    void readyStaysLowForThePageEraseTime() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            MemoryPort bus = mcu.debugBus();
            mcu.halt();
            write(bus, CONFIG, 2);
            write(bus, ERASEPAGE, 0);
            assertEquals(0, read(bus, READY));
            mcu.clock().advance(Nvmc.PAGE_ERASE_NANOS - 1_000);
            assertEquals(0, read(bus, READY));
            mcu.clock().advance(1_000);
            assertEquals(1, read(bus, READY));
        }
    }

    @Test
    void eraseUicrAndEraseAllClearTheirRegions() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            MemoryPort bus = mcu.debugBus();
            mcu.loadFlash(Nrf51822.UICR_BASE + 0x80, new byte[] {0, 0, 0, 0});
            mcu.loadFlash(0x3FC00, new byte[] {0, 0, 0, 0});
            write(bus, CONFIG, 2);
            write(bus, ERASEUICR, 1);
            assertEquals(0xFFFF_FFFF, read(bus, Nrf51822.UICR_BASE + 0x80));
            assertEquals(0, read(bus, 0x3FC00));
            mcu.clock().advance(Nvmc.PAGE_ERASE_NANOS);
            write(bus, ERASEALL, 1);
            assertEquals(0xFFFF_FFFF, read(bus, 0x3FC00));
        }
    }

    @Test
    void flashRefusesNarrowWrites() {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            assertThrows(BusFault.class, () -> mcu.debugBus().write(0x100, AccessSize.BYTE, 0));
        }
    }

    @Test
    void flashAndUicrPersistAcrossInstancesButRamDoesNot() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(state)) {
            MemoryPort bus = mcu.debugBus();
            mcu.halt();
            write(bus, CONFIG, 1);
            write(bus, 0x1000, 0x1234_5678);
            write(bus, Nrf51822.UICR_BASE, 0xAABB_CCDD);
            write(bus, CONFIG, 0);
            write(bus, Nrf51822.RAM_BASE + 0x100, 0x55);
        }
        assertTrue(Files.exists(state.resolve(NonVolatileMemory.FILE_NAME)));
        try (Nrf51822 mcu = Nrf51822.create(state)) {
            MemoryPort bus = mcu.debugBus();
            assertEquals(0x1234_5678, read(bus, 0x1000));
            assertEquals(0xAABB_CCDD, read(bus, Nrf51822.UICR_BASE));
            assertArrayEquals(new byte[4], mcu.readRam(Nrf51822.RAM_BASE + 0x100, 4));
        }
    }

    @Test
    void eraseIsPersistedAtOnceWithoutClose() throws Exception {
        Nrf51822 first = Nrf51822.create(state);
        first.loadFlash(0x400, new byte[] {1, 2, 3, 4});
        first.halt();
        write(first.debugBus(), CONFIG, 2);
        write(first.debugBus(), ERASEPAGE, 0x400);
        byte[] saved = Files.readAllBytes(state.resolve(NonVolatileMemory.FILE_NAME));
        first.close();
        assertEquals((byte) 0xFF, saved[0x400]);
    }

    @Test
    void resetStateWipesPersistedFlash() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(state)) {
            mcu.loadFlash(0, new byte[] {1, 2, 3, 4});
            mcu.resetState();
            assertArrayEquals(new byte[] {-1, -1, -1, -1}, mcu.readFlash(0, 4));
        }
        try (Nrf51822 mcu = Nrf51822.create(state)) {
            assertArrayEquals(new byte[] {-1, -1, -1, -1}, mcu.readFlash(0, 4));
        }
    }
}
