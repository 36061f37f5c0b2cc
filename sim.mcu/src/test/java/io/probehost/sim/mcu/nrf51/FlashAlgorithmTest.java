package io.probehost.sim.mcu.nrf51;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.mcu.PyocdFlashAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pyOCD's nRF51822 CMSIS flash algorithm, run unchanged on the virtual MCU. */
class FlashAlgorithmTest {
    private static final long BUDGET = 50_000_000;
    private Nrf51822 mcu;
    private PyocdFlashAlgorithm algorithm;

    @BeforeEach
    void loadAlgorithm() throws Exception {
        algorithm = PyocdFlashAlgorithm.read("/nrf51822_xxaa.json");
        mcu = Nrf51822.create(null);
        mcu.resetAndHalt();
        mcu.writeRam(field("load_address"), algorithm.instructions());
    }

    @AfterEach
    void close() {
        mcu.close();
    }

    private int field(String name) {
        return algorithm.field(name);
    }

    private int call(String entry, int... args) throws InterruptedException {
        mcu.writeCoreRegister(io.probehost.sim.mcu.cpu.CoreRegister.R9, field("static_base"));
        return mcu.callFunction(field(entry), field("begin_stack"), field("load_address") + 1, BUDGET, args);
    }

    private static byte[] pattern(int seed) {
        return PyocdFlashAlgorithm.pattern(Nrf51822.PAGE_SIZE, seed);
    }

    @Test
    void initReturnsZeroWhenCalledForErase() throws Exception {
        assertEquals(0, call("pc_init", 0, 0, 1));
    }

    @Test
    void eraseSectorSetsThePageToOnesWhenItHeldData() throws Exception {
        mcu.loadFlash(0x800, pattern(1));
        mcu.loadFlash(0xC00, pattern(2));
        assertEquals(0, call("pc_init", 0, 0, 1));
        assertEquals(0, call("pc_erase_sector", 0x800));
        byte[] ones = PyocdFlashAlgorithm.erased(Nrf51822.PAGE_SIZE);
        assertArrayEquals(ones, mcu.readFlash(0x800, Nrf51822.PAGE_SIZE));
        assertArrayEquals(pattern(2), mcu.readFlash(0xC00, Nrf51822.PAGE_SIZE));
    }

    @Test
    void programPageWritesTheBufferWhenThePageIsErased() throws Exception {
        int buffer = Integer.parseUnsignedInt("20002000", 16);
        mcu.writeRam(buffer, pattern(5));
        assertEquals(0, call("pc_init", 0, 0, 2));
        assertEquals(0, call("pc_program_page", 0x1400, Nrf51822.PAGE_SIZE, buffer));
        assertArrayEquals(pattern(5), mcu.readFlash(0x1400, Nrf51822.PAGE_SIZE));
    }

    @Test
    void eraseChipErasesFlashAndUicrWhenBothHoldData() throws Exception {
        mcu.loadFlash(0, pattern(3));
        mcu.loadFlash(Nrf51822.FLASH_SIZE - Nrf51822.PAGE_SIZE, pattern(4));
        mcu.loadFlash(Nrf51822.UICR_BASE, new byte[] {1, 2, 3, 4});
        assertEquals(0, call("pc_init", 0, 0, 1));
        long before = mcu.clock().nowNanos();
        assertEquals(0, call("pc_eraseAll"));
        byte[] ones = PyocdFlashAlgorithm.erased(Nrf51822.PAGE_SIZE);
        assertArrayEquals(ones, mcu.readFlash(0, Nrf51822.PAGE_SIZE));
        assertArrayEquals(ones, mcu.readFlash(Nrf51822.FLASH_SIZE - Nrf51822.PAGE_SIZE, Nrf51822.PAGE_SIZE));
        assertArrayEquals(new byte[] {-1, -1, -1, -1}, mcu.readFlash(Nrf51822.UICR_BASE, 4));
        assertEquals(true, mcu.clock().nowNanos() - before >= Nvmc.ERASE_ALL_NANOS,
                "EraseChip waited for READY through the modelled erase time");
    }
}
