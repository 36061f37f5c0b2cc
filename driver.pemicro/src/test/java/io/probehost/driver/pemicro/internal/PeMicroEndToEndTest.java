package io.probehost.driver.pemicro.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.TransferFaultException;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.ResetType;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.ArmMemoryEngine;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/**
 * The whole path: the driver lists and opens the emulated Multilink through the stand-in library,
 * and the Arm stack debugs the virtual nRF51822 through the driver's {@link ArmMemoryEngine}: connect,
 * memory, halt, step, core registers, resets, a bus fault, and flash programmed through the NVMC.
 */
class PeMicroEndToEndTest {
    private static final long RAM = Nrf51822.RAM_BASE;

    @TempDir
    Path folder;
    private StandInBench bench;
    private PeMicroDriver driver;

    @BeforeEach
    void start() {
        bench = new StandInBench(folder);
        driver = new PeMicroDriver(bench.location());
    }

    @AfterEach
    void stop() {
        driver.deactivate();
        bench.close();
    }

    private ProbeDescription listed() {
        List<ProbeDescription> probes = driver.probes();
        assertEquals(1, probes.size(), "probes: " + probes);
        return probes.get(0);
    }

    @Test
    void listsTheMultilinkWithItsSerialAndDescription() {
        ProbeDescription probe = listed();
        assertEquals("pemicro", probe.driver());
        assertEquals(StandInBench.SERIAL, probe.uniqueId());
        assertEquals("PEMicro", probe.vendorName());
        assertEquals("USB Multilink Universal FX (PEMA51822)", probe.productName());
        assertEquals("pemicro:1", probe.location());
    }

    @Test
    void debugsTheNrf51ThroughTheArmStack() {
        try (DebugProbe probe = driver.open(listed(), SessionOptions.defaults())) {
            assertTrue(probe.capability(DapAccess.class).isEmpty(), "no raw DAP access through the library");
            assertEquals(4_000_000, probe.setClockHz(4_000_000));
            CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults());
            assertEquals(4_000_000, bench.multilink.shiftFrequencyHz(), "the frequency reached the Multilink");
            assertEquals(SwjDp.SW_DPIDR, target.dpidr());
            assertEquals(0x410C_C200, target.cpuid() & 0xFF0F_FFF0, "a Cortex-M0");

            movesMemory(target.memory());
            debugsTheCore(target.core(), target.memory());
            programsFlashThroughTheNvmc(target.memory());

            TransferFaultException fault = assertThrows(TransferFaultException.class,
                    () -> target.memory().read32(StandInBench.NOWHERE));
            assertTrue(fault.getMessage().contains("0x30000000"), fault.getMessage());
            target.memory().write32(RAM + 0x10, 0x0BAD_CAFE);
            assertEquals(0x0BAD_CAFE, target.memory().read32(RAM + 0x10), "the access after the fault works");

            target.core().resetAndHalt(ResetType.HARDWARE, Duration.ofMillis(500));
            assertTrue(target.core().isHalted(), "halted after a reset through nRESET");
            target.close();
        }
        assertFalse(bench.multilink.isOpen(), "closing the probe closed the port");
    }

    private void movesMemory(MemoryInterface memory) {
        memory.write8(RAM + 0x3FF, 0xA5);
        memory.write16(RAM + 0x400, 0xBEEF);
        memory.write32(RAM + 0x404, 0x1234_5678);
        assertEquals(0xA5, memory.read8(RAM + 0x3FF));
        assertEquals(0xBEEF, memory.read16(RAM + 0x400));
        assertEquals(0x1234_5678, memory.read32(RAM + 0x404));
        for (int length : new int[] {3, 1024, 4095, 4096, 4097, 9000}) {
            long start = RAM + 0x1001;
            byte[] data = pattern(length, length);
            memory.write(start, data, 0, length);
            assertArrayEquals(data, bench.mcu.readRam((int) start, length), "written " + length);
            bench.mcu.writeRam((int) start, pattern(length, 7));
            byte[] back = new byte[length];
            memory.read(start, back, 0, length);
            assertArrayEquals(pattern(length, 7), back, "read " + length);
        }
    }

    private static void debugsTheCore(CoreControl core, MemoryInterface memory) {
        for (int i = 0; i < 8; i += 2) {
            memory.write16(RAM + i, 0xBF00); // nop
        }
        memory.write16(RAM + 8, 0xE7FE); // b .
        core.halt(Duration.ofMillis(500));
        assertTrue(core.isHalted());
        CoreRegister pc = core.register("pc").orElseThrow();
        CoreRegister r7 = core.register("r7").orElseThrow();
        CoreRegister xpsr = core.register("xpsr").orElseThrow();
        core.writeRegister(r7, 0xCAFE_F00DL);
        assertEquals(0xCAFE_F00DL, core.readRegister(r7));
        core.writeRegister(pc, RAM);
        core.writeRegister(xpsr, 0x0100_0000L);
        core.step();
        assertEquals(RAM + 2, core.readRegister(pc), "one NOP stepped");
        core.resume();
        assertFalse(core.isHalted());
        core.halt(Duration.ofMillis(500));
        assertEquals(RAM + 8, core.readRegister(pc), "spinning on b .");
    }

    /** The nRF51's NVMC: CONFIG.WEN, then words written into an erased page, READY polled. */
    private void programsFlashThroughTheNvmc(MemoryInterface memory) {
        long config = Nrf51822.NVMC_BASE + 0x504;
        long ready = Nrf51822.NVMC_BASE + 0x400;
        long page = 0x3_F000L;
        memory.write32(config, 1);
        for (int i = 0; i < 4; i++) {
            memory.write32(page + 4L * i, 0x1111_1111 * (i + 1));
            while ((memory.read32(ready) & 1) == 0) {
                Thread.onSpinWait();
            }
        }
        memory.write32(config, 0);
        for (int i = 0; i < 4; i++) {
            assertEquals(0x1111_1111 * (i + 1), memory.read32(page + 4L * i), "flash word " + i);
        }
    }

    private static byte[] pattern(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 7 + seed);
        }
        return data;
    }
}
