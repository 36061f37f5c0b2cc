package io.probehost.driver.jlink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.probehost.api.ProbeException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.ResetType;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.JtagSequencer;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.SwdSequencer;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.SwjIdentity;
import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.DebuggableMcu;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.mcu.stm32f1.Stm32f103;
import io.probehost.sim.probe.jlink.JlinkConfig;
import io.probehost.sim.probe.usb.VirtualUsbBus;

/**
 * The J-Link driver against the lab's J-Link emulator through the virtual USB bus: the driver lists
 * and opens the emulated probe, and the Arm stack debugs a virtual nRF51822 over SWD (the host-side
 * SWD layer on the driver's {@link SwdSequencer}) and over JTAG (the JTAG-DP on its
 * {@link JtagSequencer}), and a virtual STM32F103 behind its boundary-scan TAP over JTAG.
 */
class JlinkEmulatorEndToEndTest {
    private static final long RAM = Nrf51822.RAM_BASE;

    static List<JlinkConfig> probes() {
        return List.of(JlinkConfig.v11(260_100_123L), JlinkConfig.eduV9(269_300_042L));
    }

    static List<Object[]> probesAndWires() {
        return List.of(new Object[] {JlinkConfig.v11(260_100_123L), WireProtocol.SWD},
                new Object[] {JlinkConfig.v11(260_100_123L), WireProtocol.JTAG},
                new Object[] {JlinkConfig.eduV9(269_300_042L), WireProtocol.SWD},
                new Object[] {JlinkConfig.eduV9(269_300_042L), WireProtocol.JTAG});
    }

    @ParameterizedTest
    @MethodSource("probes")
    void listsTheProbeWithSerialHardwareAndFirmware(JlinkConfig config) {
        try (Nrf51822 mcu = Nrf51822.create(null);
                Bench bench = new Bench(config, new SwjDp(mcu, WireMode.SWD, 0), mcu)) {
            ProbeDescription listed = bench.listed();
            assertEquals(FoundProbe.DRIVER_NAME, listed.driver());
            assertEquals(config.serialNumber(), listed.uniqueId(), "the 12-digit USB serial");
            assertEquals("SEGGER", listed.vendorName());
            assertEquals(config.model() == io.probehost.sim.probe.jlink.JlinkModel.V11
                    ? "J-Link V11.00 (firmware Oct 26 2022 16:34:04)" : "J-Link V9.03 (firmware May  7 2021 16:26:12)",
                    listed.productName());
        }
    }

    @ParameterizedTest
    @MethodSource("probesAndWires")
    void debugsAVirtualNrf51(JlinkConfig config, WireProtocol wire) {
        try (Nrf51822 mcu = Nrf51822.create(null);
                Bench bench = new Bench(config, new SwjDp(mcu, WireMode.SWD, 0), mcu);
                DebugProbe probe = bench.open(SessionOptions.defaults())) {
            assertEquals(java.util.EnumSet.of(WireProtocol.SWD, WireProtocol.JTAG), probe.supportedProtocols());
            assertTrue(probe.capability(DapAccess.class).isEmpty(), "bits only: no DAP engine");
            CortexMTarget target = ArmDebugFactory.connect(probe, wire, ArmConnectOptions.defaults());
            assertEquals(wire == WireProtocol.SWD ? 1 : 0, bench.device.selectedInterface());
            assertEquals(wire == WireProtocol.SWD ? SwjDp.SW_DPIDR : SwjDp.JTAG_IDCODE, target.dpidr());
            assertEquals(0x410C_C200, target.cpuid() & 0xFF0F_FFF0, "a Cortex-M0");
            movesRam(target.memory(), mcu);
            debugsTheCore(target);
            target.close();
        }
    }

    @Test
    void setsTheClockWithinGetSpeedsAndSelectIfKeepsIt() {
        try (Nrf51822 mcu = Nrf51822.create(null);
                Bench bench = new Bench(JlinkConfig.v11(1), new SwjDp(mcu, WireMode.SWD, 0), mcu);
                DebugProbe probe = bench.open(SessionOptions.defaults())) {
            assertEquals(1_000_000, probe.setClockHz(1_000_000));
            assertEquals(1000, bench.device.speedKhz());
            assertEquals(12_000_000, probe.setClockHz(50_000_000), "48 MHz / 4 at most");
            probe.connect(WireProtocol.SWD);
            assertEquals(12_000, bench.device.speedKhz(), "set again after SELECT_IF reset it");
        }
    }

    @Test
    void connectsOverJtagToTheStm32f103BehindItsBoundaryScanTap() {
        try (Stm32f103 mcu = Stm32f103.create(null);
                Bench bench = new Bench(JlinkConfig.v11(7), new SwjDp(mcu, SwjIdentity.STM32F1, WireMode.JTAG, 0), mcu);
                DebugProbe probe = bench.open(SessionOptions.defaults())) {
            CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.JTAG, ArmConnectOptions.defaults());
            assertEquals(0x3BA0_0477, target.dpidr());
            assertEquals(Stm32f103.DBGMCU_IDCODE, target.memory().read32(0xE004_2000L));
            byte[] data = pattern(1030, 5);
            target.memory().write(Stm32f103.SRAM_BASE + 0x3FE, data, 0, data.length);
            assertArrayEquals(data, mcu.readRam((int) Stm32f103.SRAM_BASE + 0x3FE, data.length));
            target.close();
        }
    }

    @ParameterizedTest
    @MethodSource("probesAndWires")
    void reportsABusFaultAndCarriesOn(JlinkConfig config, WireProtocol wire) {
        try (Nrf51822 mcu = Nrf51822.create(null);
                Bench bench = new Bench(config, new SwjDp(mcu, WireMode.SWD, 0), mcu);
                DebugProbe probe = bench.open(SessionOptions.defaults())) {
            CortexMTarget target = ArmDebugFactory.connect(probe, wire, ArmConnectOptions.defaults());
            assertThrows(TransferFaultException.class, () -> target.memory().read32(0x6000_0000L));
            target.memory().write32(RAM + 0x10, 0x0BAD_CAFE);
            assertEquals(0x0BAD_CAFE, target.memory().read32(RAM + 0x10), "the sticky error was cleared");
            target.core().resetAndHalt(ResetType.HARDWARE, Duration.ofMillis(500));
            assertTrue(target.core().isHalted(), "reset and halt through nRESET");
            target.close();
        }
    }

    @Test
    void jlinkPowerSuppliesATargetThatHasNoOtherPowerAndSwitchesItOffAtClose() {
        try (Nrf51822 mcu = Nrf51822.create(null);
                Bench bench = new Bench(JlinkConfig.v11(3).withTargetPoweredByProbe(), new SwjDp(mcu, WireMode.SWD, 0),
                        mcu)) {
            ProbeException unpowered = assertThrows(ProbeException.class, () -> bench.open(SessionOptions.defaults()));
            assertTrue(unpowered.getMessage().contains("0.00 V") && unpowered.getMessage().contains("jlink.power=true"),
                    unpowered.getMessage());
            try (DebugProbe probe = bench.open(options(Map.of(JlinkOptions.POWER, true)))) {
                assertTrue(bench.device.targetPower());
                assertEquals(3300, ((JlinkProbe) probe).targetMillivolts());
            }
            assertFalse(bench.device.targetPower(), "off again when the probe closed");
        }
    }

    @Test
    void jlinkPowerOnAProbeWithoutTheCapabilityIsAnError() {
        try (Nrf51822 mcu = Nrf51822.create(null);
                Bench bench = new Bench(JlinkConfig.eduV9(4), new SwjDp(mcu, WireMode.SWD, 0), mcu)) {
            ProbeException refused = assertThrows(ProbeException.class,
                    () -> bench.open(options(Map.of(JlinkOptions.POWER, true))));
            assertTrue(refused.getMessage().contains("cannot supply target power"), refused.getMessage());
        }
    }

    @Test
    void jlinkDeviceNamesTheTargetOfTheOpenedProbe() {
        try (Nrf51822 mcu = Nrf51822.create(null);
                Bench bench = new Bench(JlinkConfig.v11(5), new SwjDp(mcu, WireMode.SWD, 0), mcu)) {
            assertEquals("", bench.listed().targetType(), "a J-Link does not know its target");
            try (DebugProbe probe = bench.open(options(Map.of(JlinkOptions.DEVICE, "nrf51822_xxaa",
                    JlinkOptions.NON_INTERACTIVE, false)))) {
                assertEquals("nrf51822_xxaa", probe.description().targetType());
            }
        }
    }

    private static void movesRam(MemoryInterface memory, Nrf51822 mcu) {
        memory.write8(RAM + 0x3FF, 0xA5);
        memory.write16(RAM + 0x400, 0xBEEF);
        memory.write32(RAM + 0x404, 0x1234_5678);
        assertEquals(0xA5, memory.read8(RAM + 0x3FF));
        assertEquals(0xBEEF, memory.read16(RAM + 0x400));
        assertEquals(0x1234_5678, memory.read32(RAM + 0x404));
        for (int length : new int[] {3, 64, 1031, 4096}) {
            long start = RAM + 0x1001;
            byte[] data = pattern(length, length);
            memory.write(start, data, 0, length);
            assertArrayEquals(data, mcu.readRam((int) start, length), "written " + length);
            mcu.writeRam((int) start, pattern(length, 3));
            byte[] back = new byte[length];
            memory.read(start, back, 0, length);
            assertArrayEquals(pattern(length, 3), back, "read " + length);
        }
    }

    /** Halt, registers, step, a software breakpoint (RAM is beyond the M0 FPB) on a loop in RAM, resume and halt again. */
    private static void debugsTheCore(CortexMTarget target) {
        MemoryInterface memory = target.memory();
        CoreControl core = target.core();
        // NOPs (0xBF00) at the start of RAM, then "b ." (0xE7FE)
        for (int i = 0; i < 8; i += 2) {
            memory.write16(RAM + i, 0xBF00);
        }
        memory.write16(RAM + 8, 0xE7FE);
        core.halt(Duration.ofMillis(500));
        assertTrue(core.isHalted());
        CoreRegister pc = core.register("pc").orElseThrow();
        CoreRegister r7 = core.register("r7").orElseThrow();
        core.writeRegister(r7, 0xCAFE_F00DL);
        assertEquals(0xCAFE_F00DL, core.readRegister(r7));
        core.writeRegister(pc, RAM);
        core.writeRegister(core.register("xpsr").orElseThrow(), 0x0100_0000L);
        core.step();
        assertEquals(RAM + 2, core.readRegister(pc), "one NOP stepped");
        target.breakpoints().addBreakpoint(RAM + 6, BreakpointKind.SOFTWARE);
        core.resume();
        assertTrue(waitHalted(core), "stopped at the breakpoint");
        assertEquals(RAM + 6, core.readRegister(pc));
        target.breakpoints().removeAllBreakpoints();
        core.resume();
        assertFalse(core.isHalted());
        core.halt(Duration.ofMillis(500));
        assertEquals(RAM + 8, core.readRegister(pc), "spinning on b .");
    }

    private static boolean waitHalted(CoreControl core) {
        for (int i = 0; i < 100; i++) {
            if (core.isHalted()) {
                return true;
            }
        }
        return false;
    }

    private static byte[] pattern(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 7 + seed);
        }
        return data;
    }

    private static SessionOptions options(Map<OptionDescriptor<?>, Object> values) {
        return new SessionOptions() {
            @Override
            public <T> T get(OptionDescriptor<T> wanted) {
                return values.containsKey(wanted) ? wanted.convert(values.get(wanted)) : wanted.defaultValue();
            }
        };
    }

    /** One emulated J-Link, wired to a target's SWJ pins, alone on a virtual USB bus seen by the driver. */
    private static final class Bench implements AutoCloseable {
        private final VirtualUsbBus bus = new VirtualUsbBus("jlink-e2e");
        final io.probehost.sim.probe.jlink.JlinkProbe device;
        private final JlinkDriver driver = new JlinkDriver();

        Bench(JlinkConfig config, SwjPins pins, DebuggableMcu mcu) {
            device = new io.probehost.sim.probe.jlink.JlinkProbe(config, pins, mcu.clock());
            bus.attach(device);
            driver.addBus(bus);
        }

        ProbeDescription listed() {
            List<ProbeDescription> probes = driver.probes();
            assertEquals(1, probes.size(), "probes: " + probes);
            return probes.get(0);
        }

        DebugProbe open(SessionOptions options) {
            return driver.open(listed(), options);
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
