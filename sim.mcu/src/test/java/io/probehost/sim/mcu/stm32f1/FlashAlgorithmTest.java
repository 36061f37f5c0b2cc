package io.probehost.sim.mcu.stm32f1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.PyocdFlashAlgorithm;
import io.probehost.sim.mcu.bus.LittleEndian;
import io.probehost.sim.mcu.cpu.CoreRegister;
import io.probehost.sim.mcu.fpec.Fpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * pyOCD's STM32F103RC CMSIS flash algorithm (the STM32F1 FPEC sequence: unlock, PER/MER + STRT,
 * half-word PG stores with read-back), run unchanged on the virtual STM32F103RB. Its sectors are
 * the RC's 2 KiB; on the RB the FPEC erases the 1 KiB page holding the address.
 */
class FlashAlgorithmTest {
    private static final long BUDGET = 50_000_000;
    private Stm32f103 mcu;
    private PyocdFlashAlgorithm algorithm;

    @BeforeEach
    void loadAlgorithm() throws Exception {
        algorithm = PyocdFlashAlgorithm.read("/stm32f103rc.json");
        mcu = Stm32f103.create(null);
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
        mcu.writeCoreRegister(CoreRegister.R9, field("static_base"));
        return mcu.callFunction(field(entry), field("begin_stack"), field("load_address") + 1, BUDGET, args);
    }

    private static byte[] pattern(int seed) {
        return PyocdFlashAlgorithm.pattern(Stm32f103.PAGE_SIZE, seed);
    }

    private static byte[] erased() {
        return PyocdFlashAlgorithm.erased(Stm32f103.PAGE_SIZE);
    }

    private int debugRead(int address) throws Exception {
        return mcu.debugBus().read(address, AccessSize.WORD);
    }

    @Test
    void initEraseSectorProgramPageReadBackAndUnInitWhenThePageHeldData() throws Exception {
        int page = Stm32f103.FLASH_BASE + 0x1400;
        mcu.loadFlash(page, pattern(1));
        mcu.loadFlash(page + Stm32f103.PAGE_SIZE, pattern(2));
        int buffer = field("begin_data");
        mcu.writeRam(buffer, pattern(5));
        assertEquals(0, call("pc_init", Stm32f103.FLASH_BASE, 8_000_000, 1));
        long before = mcu.clock().nowNanos();
        assertEquals(0, call("pc_erase_sector", page));
        assertTrue(mcu.clock().nowNanos() - before >= Stm32f103.GEOMETRY.pageEraseNanos(),
                "EraseSector waited for BSY through the modelled erase time");
        assertArrayEquals(erased(), mcu.readFlash(page, Stm32f103.PAGE_SIZE));
        assertArrayEquals(pattern(2), mcu.readFlash(page + Stm32f103.PAGE_SIZE, Stm32f103.PAGE_SIZE));
        assertEquals(0, call("pc_program_page", page, Stm32f103.PAGE_SIZE, buffer));
        assertArrayEquals(pattern(5), mcu.readFlash(page, Stm32f103.PAGE_SIZE));
        byte[] readBack = new byte[Stm32f103.PAGE_SIZE];
        for (int i = 0; i < readBack.length; i += 4) {
            LittleEndian.put(readBack, i, 4, debugRead(page + i));
        }
        assertArrayEquals(pattern(5), readBack, "read back through the debug bus");
        assertEquals(0, debugRead(Fpec.BASE + Fpec.SR) & (Fpec.SR_PGERR | Fpec.SR_WRPRTERR));
        // pyOCD's file names no UnInit: the blob's UnInit(fnc) is the "return 0" after Init, at +0x38.
        assertEquals(0, mcu.callFunction(field("load_address") + 0x39, field("begin_stack"),
                field("load_address") + 1, BUDGET, 3));
        mcu.reset();
        assertEquals(Fpec.CR_LOCK, debugRead(Fpec.BASE + Fpec.CR));
    }

    @Test
    void programPageReportsFailureWhenThePageWasNotErased() throws Exception {
        int page = Stm32f103.FLASH_BASE + 0x2000;
        mcu.loadFlash(page, pattern(1));
        int buffer = field("begin_data");
        mcu.writeRam(buffer, pattern(9));
        assertEquals(0, call("pc_init", Stm32f103.FLASH_BASE, 8_000_000, 2));
        assertEquals(1, call("pc_program_page", page, Stm32f103.PAGE_SIZE, buffer));
        assertEquals(Fpec.SR_PGERR, debugRead(Fpec.BASE + Fpec.SR) & Fpec.SR_PGERR);
    }

    @Test
    void eraseChipErasesAllMainFlash() throws Exception {
        mcu.loadFlash(Stm32f103.FLASH_BASE, pattern(3));
        mcu.loadFlash(Stm32f103.FLASH_BASE + Stm32f103.FLASH_SIZE - Stm32f103.PAGE_SIZE, pattern(4));
        assertEquals(0, call("pc_init", Stm32f103.FLASH_BASE, 8_000_000, 1));
        assertEquals(0, call("pc_eraseAll"));
        assertArrayEquals(erased(), mcu.readFlash(Stm32f103.FLASH_BASE, Stm32f103.PAGE_SIZE));
        assertArrayEquals(erased(), mcu.readFlash(Stm32f103.FLASH_BASE + Stm32f103.FLASH_SIZE - Stm32f103.PAGE_SIZE,
                Stm32f103.PAGE_SIZE));
    }
}
