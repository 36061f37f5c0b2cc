package io.probehost.driver.stlink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.probehost.api.ProbeException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.ResetType;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.ArmMemoryEngine;
import io.probehost.api.probe.ArmMemoryEngine.AccessWidth;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.SwjIdentity;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.DebuggableMcu;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.mcu.stm32f1.Stm32f103;
import io.probehost.sim.probe.stlink.StlinkConfig;
import io.probehost.sim.probe.usb.VirtualUsbBus;

/**
 * The ST-Link driver against the lab's ST-Link emulator, through the virtual USB bus: the driver lists
 * and opens the emulated probe, and the Arm stack debugs a virtual STM32F103RB through the driver's
 * {@link io.probehost.api.probe.ArmMemoryEngine}.
 */
class StlinkEmulatorEndToEndTest {
    private static final long SRAM = Stm32f103.SRAM_BASE;

    static List<StlinkConfig> recentProbes() {
        return List.of(StlinkConfig.nucleoF103rb(StlinkConfig.serialFor("nucleo")),
                StlinkConfig.stlinkV3(StlinkConfig.serialFor("v3")),
                StlinkConfig.stlinkV3Pwr(StlinkConfig.serialFor("v3pwr")));
    }

    @ParameterizedTest
    @MethodSource("recentProbes")
    void listsOpensAndDebugsAVirtualStm32f103(StlinkConfig config) {
        try (Stm32f103 mcu = Stm32f103.create(null);
                Bench bench = new Bench(config, new SwjDp(mcu, SwjIdentity.STM32F1, WireMode.JTAG, 0), mcu)) {
            ProbeDescription listed = bench.listed();
            assertEquals(config.serialNumber(), listed.uniqueId());
            if (config.boardId() != null) {
                assertEquals("NUCLEO-F103RB", listed.boardName(), "board ID 0700 read with GET_BOARD_IDENTIFIERS");
                assertEquals("stm32f103rb", listed.targetType());
            } else {
                assertEquals("", listed.boardName());
            }
            try (DebugProbe probe = bench.open()) {
                StlinkProbe stlink = (StlinkProbe) probe;
                assertEquals(switch (config.model()) {
                    case V2_1 -> "V2J37M26";
                    case V3 -> "V3J7M3B2";
                    default -> "V4J7M0B0P1";
                }, stlink.version().display());
                assertEquals(3.3, stlink.targetVolts(), 0.05);
                assertTrue(probe.capability(DapAccess.class).isEmpty(), "no raw DAP access on an ST-Link");
                for (long requested : new long[] {4_000_000, 1_000_000, 100_000}) {
                    long applied = probe.setClockHz(requested);
                    assertTrue(applied <= requested && applied > 0, requested + " Hz gave " + applied);
                    assertEquals(applied / 1000, bench.device.swdKhz(), "the clock the emulator applied");
                }

                CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults());
                assertEquals(0x1BA0_1477, target.dpidr());
                assertEquals(0x410F_C230, target.cpuid() & 0xFF0F_FFF0, "a Cortex-M3");
                assertEquals(Stm32f103.DBGMCU_IDCODE, target.memory().read32(0xE004_2000L));

                movesSram(target.memory(), mcu, config);
                movesBlocksAtTheProtocolLimits(probe.capability(ArmMemoryEngine.class).orElseThrow(), mcu);
                debugsTheCore(target.core(), target.memory());
                target.close();
            }
        }
    }

    private static void movesSram(MemoryInterface memory, Stm32f103 mcu, StlinkConfig config) {
        memory.write8(SRAM + 0x3FF, 0xA5);
        memory.write16(SRAM + 0x3FE + 2, 0xBEEF);
        memory.write32(SRAM + 0x404, 0x1234_5678);
        assertEquals(0xA5, memory.read8(SRAM + 0x3FF));
        assertEquals(0xBEEF, memory.read16(SRAM + 0x400));
        assertEquals(0x1234_5678, memory.read32(SRAM + 0x404));
        assertArrayEquals(new byte[] {(byte) 0xA5, (byte) 0xEF, (byte) 0xBE}, mcu.readRam((int) SRAM + 0x3FF, 3));

        for (int length : new int[] {3, 63, 64, 65, 511, 512, 513, 6144, 6145, 8191}) {
            for (long start : new long[] {SRAM + 0x3FD, SRAM + 0x400 - Math.min(length, 0x400) / 2, SRAM + 0x2000 - length / 2, SRAM + 0x1001}) {
                byte[] data = pattern(length, (int) start);
                memory.write(start, data, 0, length);
                assertArrayEquals(data, mcu.readRam((int) start, length), "written " + length + " at " + start);
                mcu.writeRam((int) start, pattern(length, length));
                byte[] back = new byte[length];
                memory.read(start, back, 0, length);
                assertArrayEquals(pattern(length, length), back, "read " + length + " at " + start + " on " + config);
            }
        }
    }

    /**
     * The engine alone, in each width: bytes past the 8-bit limit (64 on V2-1, 512 on V3) inside one
     * 1 KiB page, so that only the limit splits them, and halfwords and words past the 6144-byte buffer.
     * The emulator refuses a longer block with CMD_ERROR, so data arriving intact shows the driver split
     * the blocks as the firmware wants.
     */
    private static void movesBlocksAtTheProtocolLimits(ArmMemoryEngine engine, Stm32f103 mcu) {
        int[][] cases = {{1, 64}, {1, 65}, {1, 512}, {1, 513}, {2, 6144}, {2, 6146}, {4, 6144}, {4, 6148}};
        for (int[] c : cases) {
            AccessWidth width = c[0] == 1 ? AccessWidth.BYTE : c[0] == 2 ? AccessWidth.HALFWORD : AccessWidth.WORD;
            int length = c[1];
            long start = length <= 1024 ? SRAM + 0x800 : SRAM + 0x400 - 4 * c[0];
            byte[] data = pattern(length, length + c[0]);
            engine.writeMemory(0, start, width, data, 0, length);
            assertArrayEquals(data, mcu.readRam((int) start, length), width + " write of " + length);
            mcu.writeRam((int) start, pattern(length, 3));
            byte[] back = new byte[length];
            engine.readMemory(0, start, width, back, 0, length);
            assertArrayEquals(pattern(length, 3), back, width + " read of " + length);
        }
    }

    private static void debugsTheCore(CoreControl core, MemoryInterface memory) {
        // a loop of NOPs (0xBF00) at the start of SRAM, ending in "b ." (0xE7FE)
        for (int i = 0; i < 8; i += 2) {
            memory.write16(SRAM + i, 0xBF00);
        }
        memory.write16(SRAM + 8, 0xE7FE);
        core.halt(Duration.ofMillis(500));
        assertTrue(core.isHalted());
        CoreRegister pc = core.register("pc").orElseThrow();
        CoreRegister r7 = core.register("r7").orElseThrow();
        CoreRegister xpsr = core.register("xpsr").orElseThrow();
        core.writeRegister(r7, 0xCAFE_F00DL);
        assertEquals(0xCAFE_F00DL, core.readRegister(r7));
        core.writeRegister(pc, SRAM);
        core.writeRegister(xpsr, 0x0100_0000L);
        core.step();
        assertEquals(SRAM + 2, core.readRegister(pc), "one NOP stepped");
        core.step();
        assertEquals(SRAM + 4, core.readRegister(pc));
        core.resume();
        assertFalse(core.isHalted());
        core.halt(Duration.ofMillis(500));
        assertTrue(core.isHalted());

        core.resetAndHalt(ResetType.SYSRESETREQ, Duration.ofMillis(500));
        assertTrue(core.isHalted());
        assertEquals(Integer.toUnsignedLong(memory.read32(Stm32f103.FLASH_BASE + 4)) & ~1L, core.readRegister(pc) & ~1L,
                "halted at the reset vector");
        core.reset(ResetType.SYSRESETREQ);
    }

    @ParameterizedTest
    @MethodSource("recentProbes")
    void connectsOverJtagToTheStm32f103sChain(StlinkConfig config) {
        try (Stm32f103 mcu = Stm32f103.create(null);
                Bench bench = new Bench(config, new SwjDp(mcu, SwjIdentity.STM32F1, WireMode.JTAG, 0), mcu);
                DebugProbe probe = bench.open()) {
            CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.JTAG, ArmConnectOptions.defaults());
            assertEquals(Stm32f103.DBGMCU_IDCODE, target.memory().read32(0xE004_2000L));
            byte[] data = pattern(1030, 5);
            target.memory().write(SRAM + 0x3FE, data, 0, data.length);
            assertArrayEquals(data, mcu.readRam((int) SRAM + 0x3FE, data.length));
            target.close();
        }
    }

    @ParameterizedTest
    @MethodSource("recentProbes")
    void reportsABusFaultWithItsAddressThenCarriesOnAndResetsThroughNrst(StlinkConfig config) {
        try (Stm32f103 mcu = Stm32f103.create(null);
                Bench bench = new Bench(config, new SwjDp(mcu, SwjIdentity.STM32F1, WireMode.JTAG, 0), mcu);
                DebugProbe probe = bench.open()) {
            CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults());
            TransferFaultException fault = assertThrows(TransferFaultException.class,
                    () -> target.memory().read32(0x6000_0000L));
            assertTrue(fault.getMessage().contains("0x60000000"), fault.getMessage());
            target.memory().write32(SRAM + 0x10, 0x0BAD_CAFE);
            assertEquals(0x0BAD_CAFE, target.memory().read32(SRAM + 0x10), "the sticky error was cleared");

            target.core().resetAndHalt(ResetType.HARDWARE, Duration.ofMillis(500));
            assertTrue(target.core().isHalted());
            assertEquals(0xFFFF_FFFEL, target.core().readRegister(target.core().register("pc").orElseThrow()) & ~1L,
                    "halted at the erased flash's reset vector");
            target.close();
        }
    }

    @Test
    void firmwareOlderThanV2j24IsRefusedWithTheUpdateHint() {
        try (Stm32f103 mcu = Stm32f103.create(null);
                Bench bench = new Bench(StlinkConfig.outdatedV2(StlinkConfig.serialFor("old")),
                        new SwjDp(mcu, SwjIdentity.STM32F1, WireMode.JTAG, 0), mcu)) {
            ProbeException refused = assertThrows(ProbeException.class, bench::open);
            assertTrue(refused.getMessage().contains("V2J23S4"), refused.getMessage());
            assertTrue(refused.getMessage().contains("update the firmware"), refused.getMessage());
        }
    }

    @Test
    void anNrf51BehindRecentFirmwareGivesTheStm32OnlyError() {
        try (Nrf51822 mcu = Nrf51822.create(null);
                Bench bench = new Bench(StlinkConfig.nucleoF103rb(StlinkConfig.serialFor("nrf")),
                        new SwjDp(mcu, WireMode.SWD, 0), mcu);
                DebugProbe probe = bench.open()) {
            ProbeException refused = assertThrows(ProbeException.class,
                    () -> ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults()));
            assertTrue(refused.getMessage().contains("only lets the ST-Link talk to STM32 targets"),
                    refused.getMessage());
        }
    }

    @Test
    void anNrf51BehindFirmwareWithoutTheStm32RuleIsDebugged() {
        try (Nrf51822 mcu = Nrf51822.create(null);
                Bench bench = new Bench(StlinkConfig.v2(StlinkConfig.serialFor("any"), 37),
                        new SwjDp(mcu, WireMode.SWD, 0), mcu);
                DebugProbe probe = bench.open()) {
            CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults());
            assertEquals(SwjDp.SW_DPIDR, target.dpidr());
            byte[] data = pattern(1030, 9);
            target.memory().write(Nrf51822.RAM_BASE + 0x3FE, data, 0, data.length);
            assertArrayEquals(data, mcu.readRam(Nrf51822.RAM_BASE + 0x3FE, data.length));
            target.close();
        }
    }

    private static byte[] pattern(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 7 + seed);
        }
        return data;
    }

    /** One emulated ST-Link, wired to a target's SWJ-DP, alone on a virtual USB bus seen by the driver. */
    private static final class Bench implements AutoCloseable {
        private final VirtualUsbBus bus = new VirtualUsbBus("stlink-e2e");
        final io.probehost.sim.probe.stlink.StlinkProbe device;
        private final StlinkDriver driver = new StlinkDriver();

        Bench(StlinkConfig config, SwjDp dp, DebuggableMcu mcu) {
            device = new io.probehost.sim.probe.stlink.StlinkProbe(config, dp, mcu.clock());
            bus.attach(device);
            driver.addBus(bus);
        }

        ProbeDescription listed() {
            List<ProbeDescription> probes = driver.probes();
            assertEquals(1, probes.size(), "probes: " + probes);
            return probes.get(0);
        }

        DebugProbe open() {
            return driver.open(listed(), SessionOptions.defaults());
        }

        @Override
        public void close() {
            assertTrue(device.lastFirmwareError().isEmpty(), "the emulator's firmware failed: "
                    + device.lastFirmwareError());
            bus.close();
            device.close();
        }
    }
}
