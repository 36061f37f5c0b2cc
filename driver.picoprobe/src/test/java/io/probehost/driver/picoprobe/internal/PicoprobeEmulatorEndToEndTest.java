package io.probehost.driver.picoprobe.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.probehost.api.ProbeException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.ResetType;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.SwdSequencer;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.probe.cmsisdap.LinkStats;
import io.probehost.sim.probe.picoprobe.Picoprobe;
import io.probehost.sim.probe.usb.VirtualUsbBus;

/**
 * The Picoprobe driver against the lab's Picoprobe emulator, through the virtual USB bus: the driver
 * lists and opens the emulated probe, and the Arm stack, with its host-side SWD layer on the driver's
 * {@link SwdSequencer}, debugs a virtual nRF51822.
 */
class PicoprobeEmulatorEndToEndTest {
    private static final long RAM = Nrf51822.RAM_BASE;
    /** Where the test puts code: flash, so that the Cortex-M0's FPB can break on it. */
    private static final int CODE = 0x100;

    static SessionOptions safeSwd(boolean safe) {
        return new SessionOptions() {
            @Override
            public <T> T get(OptionDescriptor<T> option) {
                return option == PicoprobeOptions.SAFE_SWD ? option.convert(safe) : option.defaultValue();
            }
        };
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void listsOpensAndDebugsAVirtualNrf51(boolean safe) {
        try (Bench bench = new Bench(); DebugProbe probe = bench.open(safeSwd(safe))) {
            assertTrue(probe.capability(DapAccess.class).isEmpty(), "no DAP engine in the probe");
            assertTrue(probe.capability(SwdSequencer.class).isPresent());
            assertEquals(4_000_000L, probe.setClockHz(4_000_000));
            assertEquals(125_000_000L / 30, bench.device.swclkHz(), "SET_FREQ 4000 kHz reached the PIO divider");

            CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.SWD,
                    ArmConnectOptions.defaults().withHaltOnConnect(true));
            assertEquals(SwjDp.SW_DPIDR, target.dpidr());
            assertEquals(0x410C_C200, target.cpuid() & 0xFF0F_FFF0, "a Cortex-M0");
            assertTrue(target.core().isHalted());
            movesRam(target.memory(), bench.mcu);
            debugsTheCore(target, bench.mcu);
            target.close();
        }
    }

    private static void movesRam(MemoryInterface memory, Nrf51822 mcu) {
        memory.write8(RAM + 0x3FF, 0xA5);
        memory.write16(RAM + 0x400, 0xBEEF);
        memory.write32(RAM + 0x404, 0x1234_5678);
        assertEquals(0xA5, memory.read8(RAM + 0x3FF));
        assertEquals(0xBEEF, memory.read16(RAM + 0x400));
        assertEquals(0x1234_5678, memory.read32(RAM + 0x404));
        for (int length : new int[] {3, 64, 1030, 4100}) {
            long start = RAM + 0x1001;
            byte[] data = pattern(length, length);
            memory.write(start, data, 0, length);
            assertArrayEquals(data, mcu.readRam((int) start, length), "written " + length);
            mcu.writeRam((int) start, pattern(length, 7));
            byte[] back = new byte[length];
            memory.read(start, back, 0, length);
            assertArrayEquals(pattern(length, 7), back, "read " + length);
        }
    }

    private static void debugsTheCore(CortexMTarget target, Nrf51822 mcu) {
        CoreControl core = target.core();
        // four NOPs (0xBF00) then "b ." (0xE7FE), in flash
        mcu.loadFlash(CODE, new byte[] {0, (byte) 0xBF, 0, (byte) 0xBF, 0, (byte) 0xBF, 0, (byte) 0xBF,
            (byte) 0xFE, (byte) 0xE7});
        CoreRegister pc = core.register("pc").orElseThrow();
        CoreRegister r7 = core.register("r7").orElseThrow();
        core.writeRegister(r7, 0xCAFE_F00DL);
        assertEquals(0xCAFE_F00DL, core.readRegister(r7));
        core.writeRegister(pc, CODE);
        core.writeRegister(core.register("xpsr").orElseThrow(), 0x0100_0000L);
        core.step();
        assertEquals(CODE + 2, core.readRegister(pc), "one NOP stepped");

        target.breakpoints().addBreakpoint(CODE + 6, BreakpointKind.HARDWARE);
        core.resume();
        waitForHalt(core);
        assertEquals(CODE + 6, core.readRegister(pc));
        assertEquals(Optional.of(HaltReason.BREAKPOINT), core.haltReason());
        assertTrue(target.breakpoints().removeBreakpoint(CODE + 6));

        core.resume();
        assertFalse(core.isHalted());
        core.halt(Duration.ofMillis(500));
        assertEquals(CODE + 8, core.readRegister(pc), "halted in the closing loop");

        core.resetAndHalt(ResetType.HARDWARE, Duration.ofMillis(500));
        assertTrue(core.isHalted(), "halted after a reset through TARGET_RESET");
        assertEquals(0xFFFF_FFFEL, core.readRegister(pc) & ~1L, "at the erased flash's reset vector");
    }

    private static void waitForHalt(CoreControl core) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!core.isHalted() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(core.isHalted(), "the core reached the breakpoint");
    }

    @Test
    void aBusFaultNamesItsAddressAndTheSessionCarriesOn() {
        try (Bench bench = new Bench(); DebugProbe probe = bench.open(SessionOptions.defaults())) {
            CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults());
            bench.dp.faultRange(0x3000_0000, 0x100);
            TransferFaultException fault = assertThrows(TransferFaultException.class,
                    () -> target.memory().read32(0x3000_0000L));
            assertTrue(fault.getMessage().contains("0x30000000"), fault.getMessage());
            target.memory().write32(RAM + 0x10, 0x0BAD_CAFE);
            assertEquals(0x0BAD_CAFE, target.memory().read32(RAM + 0x10), "the sticky error was cleared");
            target.close();
        }
    }

    @Test
    void waitAnswersAreRetriedThroughTheWholeChain() {
        try (Bench bench = new Bench(); DebugProbe probe = bench.open(SessionOptions.defaults())) {
            CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults());
            bench.mcu.writeRam((int) RAM + 0x20, new byte[] {1, 2, 3, 4});
            bench.dp.injectWaitStorm(7);
            assertEquals(0x0403_0201, target.memory().read32(RAM + 0x20));
            assertEquals(0, bench.dp.pendingWaits());
            target.close();
        }
    }

    @Test
    void safeSwdCostsARoundTripPerSwdResponse() {
        long fast = roundTripsFor1KiB(SessionOptions.defaults());
        long safe = roundTripsFor1KiB(safeSwd(true));
        assertTrue(fast <= 5, "1 KiB out and back in " + fast + " packets");
        assertTrue(safe > 512, "safe mode: " + safe + " packets for 1 KiB out and back");
    }

    private static long roundTripsFor1KiB(SessionOptions options) {
        try (Bench bench = new Bench(); DebugProbe probe = bench.open(options)) {
            CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults());
            byte[] data = pattern(1024, 3);
            LinkStats before = bench.device.link().snapshot();
            target.memory().write(RAM + 0x800, data, 0, data.length);
            byte[] back = new byte[data.length];
            target.memory().read(RAM + 0x800, back, 0, back.length);
            long trips = bench.device.link().snapshot().roundTrips() - before.roundTrips();
            assertArrayEquals(data, back);
            target.close();
            return trips;
        }
    }

    /**
     * probe:bench's 64 KiB (the nRF51's 16 KiB RAM four times) come within 10% of the packet floor of
     * picoprobe.md sections 2 and 3: 8 KiB packets with their 4-byte length, a written word costing at
     * least READ_BITS 5 and WRITE_BITS 41 (18 bytes), a read word WRITE_BITS 8 and READ_BITS 38 (13).
     */
    @Test
    void sixtyFourKibibytesComeWithinTenPercentOfThePacketFloor() {
        int words = 64 * 1024 / 4;
        long writeFloor = packetsFor(words, 6 + 6 + 6);
        long readFloor = packetsFor(words, 6 + 1 + 6);
        try (Bench bench = new Bench(); DebugProbe probe = bench.open(SessionOptions.defaults())) {
            CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults());
            byte[] data = pattern(Nrf51822.RAM_SIZE, 5);
            bench.device.link().reset();
            for (int done = 0; done < words * 4; done += data.length) {
                target.memory().write(RAM, data, 0, data.length);
            }
            long written = bench.device.link().snapshot().roundTrips();
            bench.device.link().reset();
            byte[] back = new byte[data.length];
            for (int done = 0; done < words * 4; done += data.length) {
                target.memory().read(RAM, back, 0, back.length);
            }
            long read = bench.device.link().snapshot().roundTrips();
            assertArrayEquals(data, back);
            assertTrue(written <= writeFloor * 110 / 100, "write took " + written + " packets, floor " + writeFloor);
            assertTrue(read <= readFloor * 110 / 100, "read took " + read + " packets, floor " + readFloor);
            target.close();
        }
    }

    private static long packetsFor(int words, int bytesPerWord) {
        long wordsPerPacket = (Picoprobe.BUFFER_SIZE - 4) / bytesPerWord;
        return (words + wordsPerPacket - 1) / wordsPerPacket;
    }

    @Test
    void jtagIsRefusedNamingTheProbe() {
        try (Bench bench = new Bench(); DebugProbe probe = bench.open(SessionOptions.defaults())) {
            ProbeException refused = assertThrows(ProbeException.class,
                    () -> ArmDebugFactory.connect(probe, WireProtocol.JTAG, ArmConnectOptions.defaults()));
            assertTrue(refused.getMessage().contains("Picoprobe"), refused.getMessage());
        }
    }

    private static byte[] pattern(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 7 + seed);
        }
        return data;
    }

    /** One emulated Picoprobe in front of an nRF51822 (an SW-DP-only part), alone on a virtual bus. */
    private static final class Bench implements AutoCloseable {
        final Nrf51822 mcu = Nrf51822.create(null);
        final SwjDp dp = new SwjDp(mcu, WireMode.SWD, 0);
        final Picoprobe device = Picoprobe.inFrontOf(dp, mcu.clock(), Picoprobe.serialFor("e2e"));
        private final VirtualUsbBus bus = new VirtualUsbBus("picoprobe-e2e");
        private final PicoprobeDriver driver = new PicoprobeDriver();

        Bench() {
            bus.attach(device);
            driver.addBus(bus);
        }

        DebugProbe open(SessionOptions options) {
            List<ProbeDescription> probes = driver.probes();
            assertEquals(1, probes.size(), "probes: " + probes);
            assertEquals(device.descriptor().serialNumber(), probes.get(0).uniqueId());
            return driver.open(probes.get(0), options);
        }

        @Override
        public void close() {
            assertTrue(device.lastFirmwareError().isEmpty(), "the emulator's firmware failed: "
                    + device.lastFirmwareError());
            bus.close();
            device.close();
            mcu.close();
        }
    }
}
